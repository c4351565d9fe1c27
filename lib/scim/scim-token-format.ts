// A SCIM token names its workspace: `scim_<tenant id without dashes>_<secret>`. The workspace is
// read from the token itself, so checking it never looks across workspaces; only the hash of the
// whole token is stored (random-token.ts).
import { randomToken } from '../auth/random-token';

const TOKEN = /^scim_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function newScimToken(tenantId: string): string {
  return `scim_${tenantId.replaceAll('-', '')}_${randomToken()}`;
}

/** The workspace a well-formed token claims, or null for anything else. */
export function tenantIdOfScimToken(token: string): string | null {
  const match = TOKEN.exec(token);
  if (!match?.[1]) return null;
  const hex = match[1];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
