// The one pre-tenant path of the API: which workspace a bearer secret belongs to. The secret's
// SHA-256 is looked up through api_key_for_hash() (a definer function that tells only the tenant,
// key id, scopes, expiry and revocation of the hash it is given), so app_user needs no privilege
// across workspaces. Not cached: a revoked key is refused on the very next request, on every
// instance, at the cost of one indexed call (docs/decisions/025).
import 'server-only';
import { hashToken } from '../auth/random-token';
import { globalDb } from '../db/global-db';
import { isApiKeySecret } from './api-key-secret';

export type ApiKeyVerdict =
  | { state: 'live'; tenantId: string; keyId: string; scopes: string[] }
  | { state: 'unknown' | 'revoked' | 'expired' };

type Row = { tenant_id: string; key_id: string; scopes: string[]; expires_at: Date | null; revoked_at: Date | null };

export async function findApiKey(secret: string, now: Date = new Date()): Promise<ApiKeyVerdict> {
  if (!isApiKeySecret(secret)) return { state: 'unknown' };
  const rows = await globalDb().$queryRaw<Row[]>`
    SELECT tenant_id::text AS tenant_id, key_id::text AS key_id, scopes, expires_at, revoked_at
      FROM api_key_for_hash(${hashToken(secret)})`;
  const row = rows[0];
  if (!row) return { state: 'unknown' };
  if (row.revoked_at) return { state: 'revoked' };
  if (row.expires_at && row.expires_at.getTime() <= now.getTime()) return { state: 'expired' };
  return { state: 'live', tenantId: row.tenant_id, keyId: row.key_id, scopes: row.scopes };
}
