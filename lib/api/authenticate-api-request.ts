// Who is calling: `Authorization: Bearer tny_live_…`, whose key's row decides the workspace. The
// Host must accept that workspace (./api-host.ts): acme's key on globex's host is refused, 403,
// before anything of either workspace is read.
import 'server-only';
import { findApiKey } from '../api-keys/find-api-key';
import type { ApiHost } from './api-host';
import { ApiProblem } from './api-problem';

export type ApiCaller = { tenantId: string; keyId: string; scopes: string[] };

const BEARER = /^Bearer ([^\s]{1,200})$/i;

export async function authenticateApiRequest(request: Request, host: NonNullable<ApiHost>): Promise<ApiCaller> {
  const secret = BEARER.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!secret) throw new ApiProblem(401, 'unauthenticated', 'Send an API key: Authorization: Bearer tny_live_….');
  const key = await findApiKey(secret);
  if (key.state === 'revoked') throw new ApiProblem(401, 'api_key_revoked', 'This API key was revoked.');
  if (key.state === 'expired') throw new ApiProblem(401, 'api_key_expired', 'This API key has expired.');
  if (key.state === 'creator-gone') {
    throw new ApiProblem(
      401,
      'api_key_creator_gone',
      'The admin who created this API key is no longer an admin of its workspace; an admin must create a new key.',
    );
  }
  if (key.state !== 'live') throw new ApiProblem(401, 'unauthenticated', 'This API key is not valid.');
  if (host.serves === 'workspace' && host.tenantId !== key.tenantId) {
    throw new ApiProblem(403, 'wrong_workspace', "This API key belongs to another workspace than this host's.");
  }
  return { tenantId: key.tenantId, keyId: key.keyId, scopes: key.scopes };
}
