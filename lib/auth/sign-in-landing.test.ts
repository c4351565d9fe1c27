// Where signing in lands (lib/auth/sign-in-landing.ts), on the real database as the app's
// roles: the workspace last used while its membership lasts, never one the person is not a member
// of (whatever the remembered id says), the SSO workspace alone for an IdP's session.
import { describe, expect, it, vi } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import { workspaceEntryUrl } from '../workspaces/workspace-url';
import { appUrl } from './app-url';
import { rememberLastWorkspace } from './remember-last-workspace';
import { createMainSession, findLiveSession, type LiveSession } from './session-store';
import { signInLandingUrl } from './sign-in-landing';

async function personIn(tenants: { id: string }[], ssoTenantId: string | null = null) {
  const user = await authDb().user.create({ data: { email: `landing-${crypto.randomUUID()}@example.test` } });
  for (const tenant of tenants)
    await tenantDb(tenant.id).membership.create({ data: { userId: user.id, role: 'member' } });
  const sessionId = await createMainSession(user.id, ssoTenantId);
  return { userId: user.id, session: () => live(user.id, sessionId) };
}

async function live(userId: string, sessionId: string): Promise<LiveSession> {
  const session = await findLiveSession({ userId, sessionId }, appUrl().hostname, true);
  if (!session) throw new Error('no live session');
  return session;
}

describe('signing in lands', () => {
  it('on the workspace last used, while the person is its member', async () => {
    const [first, second] = [await createTenant('land-a'), await createTenant('land-b')];
    const person = await personIn([first, second]);
    await rememberLastWorkspace(await person.session(), second.id);
    expect(await signInLandingUrl(await person.session())).toBe(workspaceEntryUrl(second.slug));

    await tenantDb(second.id).membership.deleteMany({ where: { userId: person.userId } });
    expect(await signInLandingUrl(await person.session())).toBe(workspaceEntryUrl(first.slug));
  });

  it('never on a workspace the person is not a member of, whatever id was remembered', async () => {
    const [own, foreign] = [await createTenant('land-own'), await createTenant('land-foreign')];
    const person = await personIn([own]);
    await authDb().userLastWorkspace.create({ data: { userId: person.userId, workspaceId: foreign.id } });
    expect(await signInLandingUrl(await person.session())).toBe(workspaceEntryUrl(own.slug));
  });

  it('on the account page with no workspace', async () => {
    const person = await personIn([]);
    expect(await signInLandingUrl(await person.session())).toBe(`${appUrl().origin}/account`);
  });

  it("on the IdP's workspace alone for a session its SSO opened", async () => {
    const [sso, other] = [await createTenant('land-sso'), await createTenant('land-other')];
    const person = await personIn([other, sso], sso.id);
    await rememberLastWorkspace(await person.session(), other.id);
    expect(await signInLandingUrl(await person.session())).toBe(workspaceEntryUrl(sso.slug));
  });

  it('remembers with one write only when the workspace changes', async () => {
    const workspace = await createTenant('land-once');
    const person = await personIn([workspace]);
    await rememberLastWorkspace(await person.session(), workspace.id);
    const session = await person.session();
    expect(session.user.lastWorkspaceId).toBe(workspace.id);
    const update = vi.spyOn(authDb().userLastWorkspace, 'upsert');
    await rememberLastWorkspace(session, workspace.id);
    expect(update).not.toHaveBeenCalled();
    update.mockRestore();
  });
});
