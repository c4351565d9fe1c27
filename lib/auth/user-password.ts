// Where a user's password hash lives: user_passwords, which only auth_user can read or write
// (lib/db/auth-db.ts). Hashing and checking stay in lib/auth/password.ts.
import 'server-only';
import { authDb } from '../db/auth-db';
import type { TenantTransaction } from '../db/tenant-db';

type AuthClient = ReturnType<typeof authDb> | TenantTransaction;

export async function passwordHashOf(userId: string): Promise<string | null> {
  const stored = await authDb().userPassword.findFirst({ where: { userId }, select: { hash: true } });
  return stored?.hash ?? null;
}

export async function setPasswordHash(userId: string, hash: string, db: AuthClient = authDb()): Promise<void> {
  await db.userPassword.upsert({
    where: { userId },
    create: { userId, hash },
    update: { hash },
    select: { userId: true },
  });
}

export async function removePassword(userId: string, db: AuthClient = authDb()): Promise<void> {
  await db.userPassword.deleteMany({ where: { userId } });
}
