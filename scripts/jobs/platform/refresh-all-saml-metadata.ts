// Re-reads every URL-saved SAML connection's metadata, each as its own workspace. A platform job.
import { platformDb } from '../../../lib/db/platform-db';
import { refreshSamlMetadata } from '../../../lib/sso/saml/refresh-saml-metadata';

export async function refreshAllSamlMetadata(): Promise<void> {
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
