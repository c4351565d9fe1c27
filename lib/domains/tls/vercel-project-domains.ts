// TLS on Vercel: a custom domain is added to the project (Vercel then obtains its certificate) and
// removed with it. "Already there" and "already gone" count as done, so a retry is harmless.
import { env } from '../../env';
import type { TlsProvider } from './tls-provider';

export function vercelProjectDomains(): TlsProvider {
  const { VERCEL_API_TOKEN, VERCEL_PROJECT_ID, VERCEL_TEAM_ID, VERCEL_API_URL } = env();
  if (!VERCEL_API_TOKEN || !VERCEL_PROJECT_ID) {
    throw new Error('TLS_PROVIDER=vercel needs VERCEL_API_TOKEN and VERCEL_PROJECT_ID');
  }
  const project = encodeURIComponent(VERCEL_PROJECT_ID);
  const call = async (method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<Response> => {
    const url = new URL(path, VERCEL_API_URL);
    if (VERCEL_TEAM_ID) url.searchParams.set('teamId', VERCEL_TEAM_ID);
    return fetch(url, {
      method,
      headers: { authorization: `Bearer ${VERCEL_API_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  };
  return {
    async serve(hostname) {
      const response = await call('POST', `/v10/projects/${project}/domains`, { name: hostname });
      // 400: already on this project. 409: another Vercel project uses it; its owner must release it.
      if (!response.ok && response.status !== 400) {
        throw new Error(`Vercel refused to add ${hostname} to the project: HTTP ${response.status}`);
      }
    },
    async stopServing(hostname) {
      const response = await call('DELETE', `/v9/projects/${project}/domains/${encodeURIComponent(hostname)}`);
      if (!response.ok && response.status !== 404) {
        throw new Error(`Vercel refused to remove ${hostname} from the project: HTTP ${response.status}`);
      }
    },
  };
}
