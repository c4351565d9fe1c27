// Whoever obtains TLS certificates for custom domains, behind one interface:
//   caddy  — self-hosted: Caddy's on-demand TLS asks /api/platform/tls-ask, so there is nothing to push;
//   vercel — the domain is added to (and removed from) the Vercel project through its REST API.
import { env } from '../../env';
import { vercelProjectDomains } from './vercel-project-domains';

export type TlsProvider = {
  /** The host routes to a workspace: make sure a certificate can be obtained for it. */
  serve(hostname: string): Promise<void>;
  /** The host routes nowhere: stop serving it. */
  stopServing(hostname: string): Promise<void>;
};

const caddyAsksUs: TlsProvider = { serve: async () => {}, stopServing: async () => {} };

export function tlsProvider(): TlsProvider {
  return env().TLS_PROVIDER === 'vercel' ? vercelProjectDomains() : caddyAsksUs;
}
