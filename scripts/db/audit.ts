// npm run db:audit: the table audit against DATABASE_URL's database, for the roles the app and
// billing connect as. Exits 1 and names every finding.
import { appDatabaseUrl, billingDatabaseUrl } from '../../lib/db/role-urls';
import { env } from '../../lib/env';
import { auditTables } from './audit-tables';
import { withClient } from './with-client';

const { DATABASE_URL } = env();
if (!DATABASE_URL) {
  console.error('[audit] DATABASE_URL (the owner connection) is required');
  process.exit(2);
}
const roleOf = (url: string) => decodeURIComponent(new URL(url).username);
const appRole = roleOf(appDatabaseUrl(env()));
const billingRole = roleOf(billingDatabaseUrl(env()));
const findings = await withClient(DATABASE_URL, (client) => auditTables(client, appRole, billingRole));
if (findings.length > 0) {
  console.error(`[audit] ${findings.length} finding(s):\n${findings.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`[audit] every tenant table is isolated; ${appRole} has no bypass`);
