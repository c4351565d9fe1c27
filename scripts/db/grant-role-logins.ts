// The migrations create the runtime roles (app_user, auth_user, billing_user, platform_admin) without LOGIN (roles are cluster-wide and their
// secrets do not belong in SQL files). This gives them LOGIN and the password carried by the runtime
// URLs, when those URLs name these roles. Production operators may instead manage logins themselves.
import { RUNTIME_ROLES } from '../../lib/db/role-urls';
import { withClient } from './with-client';

export async function grantRoleLogins(ownerUrl: string, runtimeUrls: string[]): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    for (const runtimeUrl of runtimeUrls) {
      const url = new URL(runtimeUrl);
      const role = decodeURIComponent(url.username);
      if (!RUNTIME_ROLES.includes(role)) continue;
      const password = decodeURIComponent(url.password);
      const withPassword = password ? ` PASSWORD ${client.escapeLiteral(password)}` : '';
      await client.query(`ALTER ROLE ${client.escapeIdentifier(role)} LOGIN${withPassword}`);
    }
  });
}
