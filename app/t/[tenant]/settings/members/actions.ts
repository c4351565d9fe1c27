'use server';
// The members page's actions. tenantAction has checked Origin, session, the host's workspace, the
// membership and the permission; the services check the owner rules again with the actor's role
// from that context, so a hand-edited form field cannot grant the owner role.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type ActionState, failure, success } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { ROLES } from '@/lib/auth/permissions';
import { createInvitation } from '@/lib/invitations/create-invitation';
import { revokeInvitation as revokeInvitationFor } from '@/lib/invitations/revoke-invitation';
import { changeMemberRole as changeMemberRoleFor } from '@/lib/members/change-member-role';
import { removeMember as removeMemberFor } from '@/lib/members/remove-member';

const Invite = z.object({ email: z.email({ error: 'Enter an email address.' }).max(254), role: z.enum(ROLES) });
const ChangeRole = z.object({ membershipId: z.uuid(), role: z.enum(ROLES) });
const Remove = z.object({ membershipId: z.uuid() });
const Revoke = z.object({ invitationId: z.uuid() });

/** A service's refusal as the form shows it, next to the field when it names one. */
function refused(result: { error: string; field?: string }): ActionState {
  return failure(result.error, result.field ? { [result.field]: [result.error] } : undefined);
}

function membersPage(slug: string): void {
  revalidatePath(`/t/${slug}/settings/members`);
}

export const inviteMember = tenantAction(Invite, 'members.invite', async (input, { db, user, workspace, role }) => {
  const result = await createInvitation(db, workspace, { ...user, role }, input);
  if (!result.ok) return refused(result);
  membersPage(workspace.slug);
  return success(`Invitation sent to ${result.email}.`);
});

export const revokeInvitation = tenantAction(Revoke, 'invitations.revoke', async (input, { db, user, workspace }) => {
  const result = await revokeInvitationFor(db, { id: user.id, email: user.email }, input);
  if (!result.ok) return refused(result);
  membersPage(workspace.slug);
  return success(`Invitation to ${result.email} withdrawn.`);
});

export const changeMemberRole = tenantAction(ChangeRole, 'members.changeRole', async (input, context) => {
  const { db, user, workspace, role, membershipId } = context;
  const result = await changeMemberRoleFor(db, { id: user.id, email: user.email, role, membershipId }, input);
  if (!result.ok) return refused(result);
  membersPage(workspace.slug);
  return success(
    result.changed ? `${result.email} is now ${result.role}.` : `${result.email} is already ${result.role}.`,
  );
});

export const removeMember = tenantAction(Remove, 'members.remove', async (input, context) => {
  const { db, user, workspace, role, membershipId } = context;
  const result = await removeMemberFor(db, workspace.id, { id: user.id, email: user.email, role, membershipId }, input);
  if (!result.ok) return refused(result);
  membersPage(workspace.slug);
  return success(`${result.email} was removed from the workspace.`);
});
