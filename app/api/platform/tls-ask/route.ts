// Caddy's on-demand TLS asks here before it obtains a certificate for a host it has not seen:
//   on_demand_tls { ask http://127.0.0.1:3000/api/platform/tls-ask }
// 200 only for a custom domain some workspace has verified, so nobody can make us request
// certificates for hosts we do not serve. (Our own root and subdomains use a wildcard certificate.)
import { customDomainRoute } from '@/lib/domains/custom-domain-routes';
import { classifyHost } from '@/lib/hosts/classify-host';
import { hostOptions } from '@/lib/hosts/host-options';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const host = classifyHost(new URL(request.url).searchParams.get('domain'), hostOptions());
  if (host.kind !== 'custom') return new Response('not a custom domain', { status: 404 });
  const route = await customDomainRoute(host.host);
  return route ? new Response('ok') : new Response('not verified', { status: 404 });
}
