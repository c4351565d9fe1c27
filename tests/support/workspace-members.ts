// Members of test workspaces, signed in as the app would sign them in, and form submissions from
// their workspace's host through the real action wrappers (Origin, session on the Host, membership,
// permission). Pair with tests/support/next-request-stub.ts, which stands in for next/headers.
import { randomUUID } from 'node:crypto';
import { type ActionState, IDLE } from '../../lib/actions/action-state';
import { originForHost } from '../../lib/auth/app-url';
import { sessionCookieName } from '../../lib/auth/session-cookie';
import { createHandedSession, createMainSession } from '../../lib/auth/session-store';
import { encodeSessionToken } from '../../lib/auth/session-token';
import { authDb } from '../../lib/db/auth-db';
import { tenantDb } from '../../lib/db/tenant-db';
import type { Role } from '../../lib/generated/prisma/enums';
import { stubRequest } from './next-request-stub';

export type Tenant = { id: string; slug: string };
export type Member = { id: string; email: string; tenant: Tenant; token: string };
export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export const hostOf = (tenant: Tenant) => `${tenant.slug}.localhost`;

/** A new user with this role in the workspace, signed in on its host (a handed session: localhost). */
export async function signedInMember(
  tenant: Tenant,
  role: Role,
  email = `${role}-${randomUUID()}@example.test`,
): Promise<Member> {
  const user = await authDb().user.create({ data: { email } });
  await tenantDb(tenant.id).membership.create({ data: { userId: user.id, role } });
  // Subdomains of localhost get no shared cookie: a session handed to the workspace's host.
  const mainId = await createMainSession(user.id);
  const main = { id: mainId, userId: user.id, expires: new Date(Date.now() + 86_400_000), ssoTenantId: null };
  const sessionId = await createHandedSession(main, hostOf(tenant));
  return { id: user.id, email, tenant, token: await encodeSessionToken({ userId: user.id, sessionId }) };
}

/** Submits a form as this member, from a page on their workspace's host. */
export function submitAs(member: Member, action: FormAction, fields: Record<string, string>): Promise<ActionState> {
  const host = hostOf(member.tenant);
  stubRequest({ host, origin: originForHost(host) }, { [sessionCookieName(host)]: member.token });
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return action(IDLE, formData);
}
