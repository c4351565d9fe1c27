// npm run jobs:refresh-saml-metadata [-- --every 360]: re-reads the metadata of every SAML connection
// saved from a URL, so certificate rotations at the IdP reach us before the old certificate expires.
// Lists connections across workspaces as platform_admin, then refreshes each as its own workspace.
import { platformDb } from '../../lib/db/platform-db';
import { refreshSamlMetadata } from '../../lib/sso/saml/refresh-saml-metadata';
import { runJob } from './run-job';

async function refreshAll(): Promise<void> {
  const connections = await platformDb().ssoConnection.findMany({
    where: { protocol: 'saml', samlMetadataUrl: { not: null } },
    select: { tenantId: true },
  });
  const outcomes: Record<string, number> = {};
  for (const { tenantId } of connections) {
    try {
      const outcome = await refreshSamlMetadata(tenantId);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    } catch (error) {
      console.error(`[sso] tenant=${tenantId} SAML metadata refresh failed:`, error);
    }
  }
  console.log(`[sso] refreshed ${connections.length} SAML connection(s): ${JSON.stringify(outcomes)}`);
}

await runJob('sso', refreshAll);
