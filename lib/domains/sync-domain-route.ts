// After a custom domain changes, bring the outside world in line with what PostgreSQL now says
// the host serves: the Edge Config routing hint and the TLS provider. Both are best effort (logged,
// never thrown): the database change stands, pages route by the database, and the next change or
// re-check syncs again.
import 'server-only';
import { customDomainRoute } from './custom-domain-routes';
import { publishDomainRoute } from './publish-domain-route';
import { tlsProvider } from './tls/tls-provider';

export async function syncDomainRoute(hostname: string): Promise<void> {
  const route = await customDomainRoute(hostname);
  await publishDomainRoute(hostname, route);
  try {
    const tls = tlsProvider();
    await (route ? tls.serve(hostname) : tls.stopServing(hostname));
  } catch (error) {
    console.error(`[domains] TLS for ${hostname}:`, error instanceof Error ? error.message : error);
  }
}
