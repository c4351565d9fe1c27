// Invites an email address to the workspace. The invitation and its audit line commit first; the
// email goes out after, with a link built from the stored slug (never the request's Host). If the
// email cannot be sent, the new invitation is revoked and the caller told nothing was created.
// Only once the email is out are older open invitations to that address revoked, so a failed send
// leaves the previous link working, and of two invitations sent at once the newer one stands.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { can } from '../auth/permissions';
import { hashToken, randomToken } from '../auth/random-token';
import { refusalForOneMore } from '../billing/plan-limit';
import type { TenantDb } from '../db/tenant-db';
import { invitationEmail } from '../email/email-templates';
import { type SendEmail, sendEmail } from '../email/send-email';
import type { Role } from '../generated/prisma/enums';
import { workspaceUrl } from '../workspaces/workspace-url';

export type InvitationActor = { id: string; email: string; name: string | null; role: Role };

export type CreateInvitationResult =
  | { ok: true; invitationId: string; email: string }
  | { ok: false; error: string; field?: 'email' | 'role' };

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const OWNER_INVITE_REFUSAL = 'Only owners can invite owners.';
export const EMAIL_FAILED = 'The email could not be sent; nothing was created.';

export async function createInvitation(
  db: TenantDb,
  workspace: { id: string; slug: string; name: string },
  actor: InvitationActor,
  input: { email: string; role: Role },
  send: SendEmail = sendEmail,
): Promise<CreateInvitationResult> {
  const email = input.email.trim().toLowerCase();
  if (input.role === 'owner' && !can(actor.role, 'owners.manage')) {
    return { ok: false, error: OWNER_INVITE_REFUSAL, field: 'role' };
  }
  const auditActor = { id: actor.id, email: actor.email };
  const token = randomToken();

  const created = await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { user: { email: { equals: email, mode: 'insensitive' } } },
      select: { id: true },
    });
    if (member) return { refusal: `${email} is already a member of this workspace.`, field: 'email' as const };
    // A re-invitation replaces that address's pending one, so it takes no extra seat.
    const seatRefusal = await refusalForOneMore(tx, workspace.id, 'seats', { exceptInvitationTo: email });
    if (seatRefusal) return { refusal: seatRefusal, field: undefined };
    const invitation = await tx.invitation.create({
      data: {
        email,
        role: input.role,
        invitedById: actor.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
      select: { id: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      actor: auditActor,
      action: 'invitation.created',
      target: email,
      details: { invitationId: invitation.id, role: input.role },
    });
    return invitation;
  });
  if ('refusal' in created) {
    return { ok: false, error: created.refusal, ...(created.field ? { field: created.field } : {}) };
  }

  try {
    const url = workspaceUrl(workspace.slug, `/invite/${token}`);
    const inviterName = actor.name ?? actor.email;
    await send({
      to: email,
      ...invitationEmail({ url, workspaceName: workspace.name, inviterName, role: input.role }),
    });
  } catch (error) {
    console.error('Invitation email failed; revoking the invitation', { invitationId: created.id, error });
    await revokeUnsent(db, auditActor, email, created.id);
    return { ok: false, error: EMAIL_FAILED };
  }
  await revokeOlder(db, auditActor, email, created);
  return { ok: true, invitationId: created.id, email };
}

/** Nobody ever saw this token: revoked, it leaves nothing usable behind. */
async function revokeUnsent(db: TenantDb, actor: AuditActor, email: string, invitationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { id: invitationId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      actor,
      action: 'invitation.revoked',
      target: email,
      details: { invitationId, reason: 'email_failed' },
    });
  });
}

/** Open invitations to this address made before this one (ties broken by id), so the newest stands. */
async function revokeOlder(
  db: TenantDb,
  actor: AuditActor,
  email: string,
  newest: { id: string; createdAt: Date },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const older = {
      OR: [{ createdAt: { lt: newest.createdAt } }, { createdAt: newest.createdAt, id: { lt: newest.id } }],
    };
    const replaced = await tx.invitation.updateMany({
      where: { email, acceptedAt: null, revokedAt: null, ...older },
      data: { revokedAt: new Date() },
    });
    if (replaced.count === 0) return;
    await recordAuditEvent(tx, {
      actor,
      action: 'invitation.revoked',
      target: email,
      details: { replacedBy: newest.id, count: replaced.count, reason: 'replaced' },
    });
  });
}
