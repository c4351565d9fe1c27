import type { NextRequest } from 'next/server';
import { signOut } from '@/lib/auth/sign-out';

export function POST(request: NextRequest) {
  return signOut(request);
}
