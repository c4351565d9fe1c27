// Just-in-time provisioning, for OIDC and SAML alike: an identity the workspace's IdP vouched for
// becomes a user of ours and a member of that workspace (and of no other). The rules:
// - the address must be in an email domain this workspace verified: its IdP speaks for that domain
//   only, so it can never sign anyone in as, or link to, an address it does not own;
// - an existing user with that address is linked, not duplicated; a password nobody proved the
//   mailbox for is dropped (the IdP just proved it);
// - a first sign-in gets the connection's default role, within the seat limit; an existing
//   membership keeps its role; someone SCIM deactivated stays out.
import 'server-only';
import { forgetUnprovenAccount } from '../accounts/forget-unproven-account';
import { recordAuditEvent } from '../audit/record-audit-event';
import { refusalForOneMore } from '../billing/plan-limit';
import { authDb } from '../db/auth-db';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import { speaksForAddress } from './speaks-for-address';
import type { SsoRefusalCode } from './sso-refusal';

export type SsoIdentity = {
  /** next-auth's provider id (sso-<slug>) or saml-<slug>: links the IdP's subject to the user. */
  provider: string;
  subject: string;
  email: string;
  name: string | null;
};

export type ProvisionResult = { ok: true; userId: string } | { ok: false; code: SsoRefusalCode };

/** The checks made before anything is written. */
async function ssoIdentityRefusal(tenantId: string, email: string): Promise<SsoRefusalCode | null> {
  const db = tenantDb(tenantId);
  if (!(await speaksForAddress(db, email))) return 'SsoDomainNotVerified';
  const user = await globalDb().user.findFirst({ where: { email }, select: { id: true } });
  if (user && (await db.scimUser.findFirst({ where: { userId: user.id, active: false }, select: { id: true } }))) {
    return 'SsoDeactivated';
  }
  return null;
}

export async function provisionSsoUser(tenantId: string, identity: SsoIdentity): Promise<ProvisionResult> {
  const email = identity.email.toLowerCase();
  const refusal = await ssoIdentityRefusal(tenantId, email);
  if (refusal) return { ok: false, code: refusal };

  const userId = await linkOrCreateUser({ ...identity, email });
  if (!userId) return { ok: false, code: 'SsoIdentityChanged' };
  const db = tenantDb(tenantId);
  let joined = false;
  const result = await db.$transaction(async (tx): Promise<ProvisionResult> => {
    const connection = await tx.ssoConnection.findFirst({ select: { defaultRole: true } });
    if (!connection) return { ok: false, code: 'SsoUnavailable' };
    const [membership] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM memberships WHERE user_id = ${userId}::uuid FOR UPDATE`;
    if (membership) return { ok: true, userId };
    const seatRefusal = await refusalForOneMore(tx, tenantId, 'seats');
    if (seatRefusal) return { ok: false, code: 'SsoNoSeat' };
    await tx.membership.create({ data: { userId, role: connection.defaultRole } });
    await recordAuditEvent(tx, {
      actor: { id: userId, email },
      action: 'sso.member.provisioned',
      target: email,
      details: { role: connection.defaultRole, provider: identity.provider },
    });
    joined = true;
    return { ok: true, userId };
  });
  if (joined) await forgetWorkspaceCounts(tenantId);
  return result;
}

/**
 * The user with this address (linked to this IdP subject), or a new one whose address is proven.
 * Null when the IdP's subject is already linked to someone else: an IdP that re-labels a subject
 * (or a domain that left the workspace, or a reused slug) must not move a person's sign-in onto
 * another user, nor sign in the old one under a new address.
 */
export async function linkOrCreateUser(identity: SsoIdentity): Promise<string | null> {
  return authDb().$transaction(async (tx) => {
    const link = { provider: identity.provider, providerAccountId: identity.subject };
    const linked = await tx.account.findFirst({ where: link, select: { user: { select: { id: true, email: true } } } });
    if (linked && linked.user.email !== identity.email) return null;
    // Whoever registered this address before its owner proved it loses what they set up.
    const forgotten = await forgetUnprovenAccount(tx, identity.email);
    const user =
      (await tx.user.findFirst({ where: { email: identity.email }, select: { id: true } })) ??
      (await tx.user.create({
        data: { email: identity.email, name: identity.name, emailVerified: new Date() },
        select: { id: true },
      }));
    // Forgetting dropped every link, this one included.
    if (!linked || forgotten) await tx.account.create({ data: { ...link, userId: user.id, type: 'sso' } });
    return user.id;
  });
}
