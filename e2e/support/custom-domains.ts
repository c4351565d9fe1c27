// A custom domain a workspace has verified, made through the same definer function a DNS check
// uses (record_domain_check), for journeys that need one routed. Returns the domain's id.
import { asAuthFor, asTenant } from './e2e-database';
import type { E2eServer } from './e2e-servers';

export async function verifiedCustomDomain(server: E2eServer, slug: string, hostname: string): Promise<string> {
  await asTenant(slug, 'DELETE FROM domains WHERE hostname = $1', [hostname], server);
  const [domain] = await asTenant<{ id: string }>(
    slug,
    "INSERT INTO domains (id, hostname, verification_token) VALUES (gen_random_uuid(), $1, 'token') RETURNING id",
    [hostname],
    server,
  );
  if (!domain) throw new Error(`${hostname} was not added`);
  await asAuthFor(slug, "SELECT * FROM record_domain_check($1::uuid, 'verified', NULL)", [domain.id], server);
  return domain.id;
}
