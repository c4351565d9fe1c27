'use server';
// Accepting an invitation: the invitee is signed in but not a member yet, so this is a userAction.
// The workspace comes from the Host, the token from the form; the service checks everything else.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { failure } from '@/lib/actions/action-state';
import { userAction } from '@/lib/actions/user-action';
import { tenantDb } from '@/lib/db/tenant-db';
import { acceptInvitation as acceptInvitationFor, INVITATION_NOT_FOUND } from '@/lib/invitations/accept-invitation';
import { hostWorkspace } from '@/lib/workspaces/host-workspace';

const Accept = z.object({ token: z.string().min(1).max(200) });

export const acceptInvitation = userAction(Accept, async ({ token }, { user }) => {
  const workspace = await hostWorkspace();
  if (!workspace) return failure(INVITATION_NOT_FOUND);
  const result = await acceptInvitationFor(tenantDb(workspace.id), workspace.id, user, token);
  if (!result.ok) return failure(result.error);
  redirect('/');
});
