// The current request's client network (server actions, next-auth callbacks): see client-ip.ts.
import 'server-only';
import { headers } from 'next/headers';
import { env } from '../env';
import { clientIpFrom } from './client-ip';

export async function requestClientIp(): Promise<string> {
  return clientIpFrom((await headers()).get('x-forwarded-for'), env().TRUSTED_PROXY_HOPS);
}
