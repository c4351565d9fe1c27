// npm run jobs:refresh-saml-metadata [-- --every 360]: re-reads the metadata of every SAML connection
// saved from a URL, so certificate rotations at the IdP reach us before the old certificate expires.
// Lists connections across workspaces as platform_admin, then refreshes each as its own workspace.
import { parseArgs } from 'node:util';
import { platformDb } from '../../lib/db/platform-db';
import { refreshSamlMetadata } from '../../lib/sso/saml/refresh-saml-metadata';

const { values } = parseArgs({ options: { every: { type: 'string' } } });
const everyMinutes = values.every ? Number(values.every) : undefined;
if (everyMinutes !== undefined && !(everyMinutes > 0)) {
  console.error('[sso] --every takes a number of minutes');
  process.exit(2);
}

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

// One run at a time, the next scheduled when this one ends; a failed run (database down) is
// logged and the schedule goes on.
async function runAndSchedule(): Promise<void> {
  try {
    await refreshAll();
  } catch (error) {
    console.error('[sso] SAML metadata refresh run failed:', error);
    if (everyMinutes === undefined) process.exit(1);
  }
  if (everyMinutes === undefined) process.exit(0);
  setTimeout(() => void runAndSchedule(), everyMinutes * 60_000);
}

await runAndSchedule();
