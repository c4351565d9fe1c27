// The one pre-tenant path of the API: which workspace a bearer secret belongs to. The secret's
// SHA-256 is looked up through api_key_for_hash() (a definer function that tells only the tenant,
// key id, scopes, expiry and revocation of the hash it is given), so app_user needs no privilege
// across workspaces. Not cached: a revoked key is refused on the very next request, on every
// instance, at the cost of one indexed call (docs/decisions/025). A key whose creator is no longer
// an admin of its workspace (removed, demoted, deprovisioned) is refused too: it was their key.
import 'server-only';
import { hashToken } from '../auth/random-token';
import { globalDb } from '../db/global-db';
import { isApiKeySecret } from './api-key-secret';

export type ApiKeyVerdict =
  | { state: 'live'; tenantId: string; keyId: string; scopes: string[] }
  | { state: 'unknown' | 'revoked' | 'expired' | 'creator-gone' };

type Row = {
  tenant_id: string;
  key_id: string;
  scopes: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
  creator_is_admin: boolean;
};

export async function findApiKey(secret: string, now: Date = new Date()): Promise<ApiKeyVerdict> {
  if (!isApiKeySecret(secret)) return { state: 'unknown' };
  const rows = await globalDb().$queryRaw<Row[]>`
    SELECT tenant_id::text AS tenant_id, key_id::text AS key_id, scopes, expires_at, revoked_at, creator_is_admin
      FROM api_key_for_hash(${hashToken(secret)})`;
  // Unique per workspace only: a hash another workspace copied under its own tenant names two keys,
  // and neither is vouched for (never the copier's workspace by row order).
  const [row] = rows;
  if (!row || rows.length !== 1) return { state: 'unknown' };
  if (row.revoked_at) return { state: 'revoked' };
  if (row.expires_at && row.expires_at.getTime() <= now.getTime()) return { state: 'expired' };
  if (!row.creator_is_admin) return { state: 'creator-gone' };
  return { state: 'live', tenantId: row.tenant_id, keyId: row.key_id, scopes: row.scopes };
}
