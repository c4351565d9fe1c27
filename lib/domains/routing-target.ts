// Where custom domains must point, and which DNS servers the checks ask, from the environment.
import { env } from '../env';
import { createDomainResolver, type DomainResolver } from './check-domain-dns';
import type { RoutingTarget } from './dns-records';

export function routingTarget(): RoutingTarget {
  const { CUSTOM_DOMAIN_CNAME_TARGET, CUSTOM_DOMAIN_A_RECORDS, ROOT_DOMAIN } = env();
  return { cname: CUSTOM_DOMAIN_CNAME_TARGET ?? `cname.${ROOT_DOMAIN}`, aRecords: CUSTOM_DOMAIN_A_RECORDS };
}

export function domainResolver(): DomainResolver {
  const servers = env()
    .DOMAIN_CHECK_DNS_SERVERS?.split(',')
    .map((server) => server.trim());
  return createDomainResolver({ servers });
}
