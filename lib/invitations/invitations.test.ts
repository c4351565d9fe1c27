// Invitations against PostgreSQL as app_user: a token works once, only for its address, only in its
// workspace and only while open; accepting is one transaction (membership, audit line, invitation);
// and a failed email leaves nothing usable behind.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { listAuditEvents } from '../audit/list-audit-events';
import { hashToken } from '../auth/random-token';
import { authDb } from '../db/auth-db';
import { globalDb } from '../db/global-db';
import { type TenantDb, tenantDb } from '../db/tenant-db';
import type { EmailMessage, SendEmail } from '../email/send-email';
import type { Role } from '../generated/prisma/enums';
import { workspaceUrl } from '../workspaces/workspace-url';
import { acceptInvitation, maskEmail } from './accept-invitation';
import {
  createInvitation,
  EMAIL_FAILED,
  INVITATION_TTL_MS,
  type InvitationActor,
  OWNER_INVITE_REFUSAL,
} from './create-invitation';
import { findInvitation } from './find-invitation';
import { listPendingInvitations } from './list-pending-invitations';
import { INVITATION_NOT_OPEN, revokeInvitation } from './revoke-invitation';

type Workspace = { id: string; slug: string; name: string };

const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@acme.test`;

async function createUser(email: string) {
  return authDb().user.create({ data: { email, name: email.split('@')[0] } });
}

async function addActor(workspace: Workspace, role: Role): Promise<InvitationActor> {
  const user = await createUser(uniqueEmail(role));
  await tenantDb(workspace.id).membership.create({ data: { userId: user.id, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

/** A sender that keeps what it was given, so a test can follow the emailed link. */
function mailbox() {
  const sent: EmailMessage[] = [];
  const send: SendEmail = async (message) => {
    sent.push(message);
  };
  const tokenFor = (to: string): string => {
    const message = sent.findLast((m) => m.to === to);
    const token = message?.text.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`no invitation link was sent to ${to}`);
    return token;
  };
  return { sent, send, tokenFor };
}

const failingSend: SendEmail = async () => {
  throw new Error('SMTP server unreachable');
};

/** The service logs a failed send; keep the expected ones out of the test output. */
function quietErrorLog() {
  vi.spyOn(console, 'error').mockImplementation(() => {});
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** The tenant client, with every audit insert inside its transactions failing. */
function withFailingAudit(db: TenantDb): TenantDb {
  const failingAudit = { create: () => Promise.reject(new Error('audit insert failed')) };
  return new Proxy(db, {
    get(target, property) {
      if (property !== '$transaction') return Reflect.get(target, property);
      return <R>(work: (tx: object) => Promise<R>) =>
        target.$transaction((tx) =>
          work(
            new Proxy(tx, {
              get(client, name) {
                if (name === 'auditEvent') return failingAudit;
                const value = Reflect.get(client, name);
                return typeof value === 'function' ? value.bind(client) : value;
              },
            }),
          ),
        );
    },
  });
}

let ws: Workspace;
let owner: InvitationActor;
let mail: ReturnType<typeof mailbox>;

beforeEach(async () => {
  const tenant = await createTenant('invites');
  ws = { ...tenant, name: tenant.slug };
  owner = await addActor(ws, 'owner');
  mail = mailbox();
});

async function invite(email: string, role: Role = 'member', actor = owner) {
  return createInvitation(tenantDb(ws.id), ws, actor, { email, role }, mail.send);
}

async function membershipOf(workspace: { id: string }, userId: string) {
  return tenantDb(workspace.id).membership.findFirst({ where: { userId }, select: { role: true } });
}

describe('creating an invitation', () => {
  it('stores only the hash, normalises the email, expires in 7 days, audits, then emails the canonical link', async () => {
    const email = uniqueEmail('new');
    const result = await invite(`  ${email.toUpperCase()} `, 'admin');
    expect(result).toMatchObject({ ok: true, email });
    const token = mail.tokenFor(email);
    expect(mail.sent[0]?.text).toContain(workspaceUrl(ws.slug, `/invite/${token}`));
    const stored = await tenantDb(ws.id).invitation.findFirstOrThrow({ where: { email } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.role).toBe('admin');
    expect(Math.abs(stored.expiresAt.getTime() - Date.now() - INVITATION_TTL_MS)).toBeLessThan(60_000);
    const { events } = await listAuditEvents(tenantDb(ws.id));
    expect(events.map((e) => [e.action, e.target, e.actorEmail])).toEqual([['invitation.created', email, owner.email]]);
  });

  it('refuses an address that is already a member, creating nothing', async () => {
    const admin = await addActor(ws, 'admin');
    const result = await invite(admin.email.toUpperCase());
    expect(result).toMatchObject({ ok: false, field: 'email' });
    expect(await tenantDb(ws.id).invitation.count()).toBe(0);
    expect(mail.sent).toEqual([]);
  });

  it('replaces a pending invitation to the same address: the old link stops working', async () => {
    const email = uniqueEmail('again');
    const user = await createUser(email);
    await invite(email);
    const oldToken = mail.tokenFor(email);
    await invite(email, 'admin');
    const newToken = mail.tokenFor(email);
    const pending = await listPendingInvitations(tenantDb(ws.id));
    expect(pending.map((i) => [i.email, i.role])).toEqual([[email, 'admin']]);
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, user, oldToken)).toMatchObject({
      ok: false,
      reason: 'revoked',
    });
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, user, newToken)).toEqual({ ok: true, role: 'admin' });
  });

  it('only owners may invite owners', async () => {
    const admin = await addActor(ws, 'admin');
    const email = uniqueEmail('would-be-owner');
    expect(await invite(email, 'owner', admin)).toEqual({ ok: false, error: OWNER_INVITE_REFUSAL, field: 'role' });
    expect(await tenantDb(ws.id).invitation.count()).toBe(0);
    expect(await invite(email, 'owner', owner)).toMatchObject({ ok: true });
  });

  it('an email that cannot be sent: the invitation is revoked and an error returned', async () => {
    quietErrorLog();
    const email = uniqueEmail('unlucky');
    const result = await createInvitation(tenantDb(ws.id), ws, owner, { email, role: 'member' }, failingSend);
    expect(result).toEqual({ ok: false, error: EMAIL_FAILED });
    const rows = await tenantDb(ws.id).invitation.findMany({ where: { email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.revokedAt).toBeInstanceOf(Date);
    expect(await listPendingInvitations(tenantDb(ws.id))).toEqual([]);
  });

  it('a failed resend leaves the previous invitation working', async () => {
    quietErrorLog();
    const email = uniqueEmail('resend');
    const user = await createUser(email);
    await invite(email);
    const firstToken = mail.tokenFor(email);
    expect(await createInvitation(tenantDb(ws.id), ws, owner, { email, role: 'admin' }, failingSend)).toEqual({
      ok: false,
      error: EMAIL_FAILED,
    });
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, user, firstToken)).toEqual({ ok: true, role: 'member' });
  });
});

describe('accepting an invitation', () => {
  it('makes a member with the invited role, audits it, and uses the token up; it proves no mailbox', async () => {
    const email = uniqueEmail('joiner');
    const user = await createUser(email);
    await invite(email, 'admin');
    const token = mail.tokenFor(email);
    expect(await findInvitation(tenantDb(ws.id), token)).toMatchObject({ state: 'pending', role: 'admin', email });

    expect(await acceptInvitation(tenantDb(ws.id), ws.id, user, token)).toEqual({ ok: true, role: 'admin' });
    expect(await membershipOf(ws, user.id)).toEqual({ role: 'admin' });
    const { events } = await listAuditEvents(tenantDb(ws.id));
    expect(events[0]).toMatchObject({ action: 'invitation.accepted', target: email, actorEmail: email });
    // A workspace's own rows vouch for no one's mailbox (a forged invitation would vouch for a squatter).
    expect((await globalDb().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();
    expect(await findInvitation(tenantDb(ws.id), token)).toMatchObject({ state: 'used' });
  });

  it('grants no more than its sender may still grant: a demoted owner cannot come back as owner', async () => {
    const coOwner = await addActor(ws, 'owner');
    const email = uniqueEmail('second-address');
    const user = await createUser(email);
    await invite(email, 'owner', coOwner);
    const token = mail.tokenFor(email);
    await tenantDb(ws.id).membership.updateMany({ where: { userId: coOwner.id }, data: { role: 'member' } });
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, user, token)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await membershipOf(ws, user.id)).toBeNull();
  });

  it('a reused token is refused', async () => {
    const email = uniqueEmail('twice');
    const user = await createUser(email);
    await invite(email);
    const token = mail.tokenFor(email);
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, user, token)).toMatchObject({ ok: true });
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, user, token)).toMatchObject({
      ok: false,
      reason: 'already-member',
    });
    // Removed later, the same link does not bring them back.
    await tenantDb(ws.id).membership.deleteMany({ where: { userId: user.id } });
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, user, token)).toMatchObject({ ok: false, reason: 'used' });
    expect(await membershipOf(ws, user.id)).toBeNull();
  });

  it('two acceptances at once: exactly one membership', async () => {
    const email = uniqueEmail('racer');
    const user = await createUser(email);
    await invite(email);
    const token = mail.tokenFor(email);
    const results = await Promise.all([1, 2, 3].map(() => acceptInvitation(tenantDb(ws.id), ws.id, user, token)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await tenantDb(ws.id).membership.count({ where: { userId: user.id } })).toBe(1);
  });

  it('an expired invitation is refused', async () => {
    const email = uniqueEmail('late');
    const user = await createUser(email);
    await invite(email);
    const token = mail.tokenFor(email);
    await tenantDb(ws.id).invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, user, token)).toMatchObject({ ok: false, reason: 'expired' });
    expect(await findInvitation(tenantDb(ws.id), token)).toMatchObject({ state: 'expired' });
    expect(await membershipOf(ws, user.id)).toBeNull();
  });

  it('a revoked invitation is refused', async () => {
    const email = uniqueEmail('withdrawn');
    const user = await createUser(email);
    const created = await invite(email);
    if (!created.ok) throw new Error(created.error);
    expect(await revokeInvitation(tenantDb(ws.id), owner, { invitationId: created.invitationId })).toEqual({
      ok: true,
      email,
    });
    const token = mail.tokenFor(email);
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, user, token)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await findInvitation(tenantDb(ws.id), token)).toMatchObject({ state: 'revoked' });
    expect(await membershipOf(ws, user.id)).toBeNull();
  });

  it('another signed-in address is refused, told the invited address only partly, and the link stays usable', async () => {
    const email = uniqueEmail('bob');
    const invitee = await createUser(email);
    const stranger = await createUser(uniqueEmail('mallory'));
    await invite(email);
    const token = mail.tokenFor(email);
    const refused = await acceptInvitation(tenantDb(ws.id), ws.id, stranger, token);
    expect(refused).toMatchObject({ ok: false, reason: 'wrong-email' });
    if (refused.ok) throw new Error('unreachable');
    expect(refused.error).toContain(maskEmail(email));
    expect(refused.error).not.toContain(email);
    expect(await membershipOf(ws, stranger.id)).toBeNull();
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, invitee, token)).toMatchObject({ ok: true });
  });

  it("another workspace's token is not found there, and stays usable in its own", async () => {
    const other = await createTenant('invites-other');
    const email = uniqueEmail('crossing');
    const user = await createUser(email);
    await invite(email);
    const token = mail.tokenFor(email);
    expect(await acceptInvitation(tenantDb(other.id), other.id, user, token)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    expect(await findInvitation(tenantDb(other.id), token)).toBeNull();
    expect(await membershipOf(other, user.id)).toBeNull();
    expect(await findInvitation(tenantDb(ws.id), token)).toMatchObject({ state: 'pending' });
  });

  it('is one transaction: when the audit insert fails, no membership, and the invitation stays open', async () => {
    const email = uniqueEmail('rollback');
    const user = await createUser(email);
    await invite(email);
    const token = mail.tokenFor(email);
    await expect(acceptInvitation(withFailingAudit(tenantDb(ws.id)), ws.id, user, token)).rejects.toThrow(
      'audit insert failed',
    );
    expect(await membershipOf(ws, user.id)).toBeNull();
    expect(await findInvitation(tenantDb(ws.id), token)).toMatchObject({ state: 'pending' });
    expect((await globalDb().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, user, token)).toMatchObject({ ok: true });
  });
});

describe('revoking and listing', () => {
  it("another workspace's invitation cannot be revoked from here", async () => {
    const other = await createTenant('invites-other');
    const email = uniqueEmail('theirs');
    const created = await invite(email);
    if (!created.ok) throw new Error(created.error);
    expect(await revokeInvitation(tenantDb(other.id), owner, { invitationId: created.invitationId })).toEqual({
      ok: false,
      error: INVITATION_NOT_OPEN,
    });
    expect(await listPendingInvitations(tenantDb(ws.id))).toHaveLength(1);
    expect(await listPendingInvitations(tenantDb(other.id))).toEqual([]);
  });

  it('an accepted invitation cannot be revoked', async () => {
    const email = uniqueEmail('kept');
    const user = await createUser(email);
    const created = await invite(email);
    if (!created.ok) throw new Error(created.error);
    await acceptInvitation(tenantDb(ws.id), ws.id, user, mail.tokenFor(email));
    expect(await revokeInvitation(tenantDb(ws.id), owner, { invitationId: created.invitationId })).toMatchObject({
      ok: false,
    });
    expect(await membershipOf(ws, user.id)).toEqual({ role: 'member' });
  });

  it('masks an address to its first letter and domain', () => {
    expect(maskEmail('bob@acme.test')).toBe('b•••@acme.test');
    expect(maskEmail('nonsense')).toBe('•••');
  });
});
