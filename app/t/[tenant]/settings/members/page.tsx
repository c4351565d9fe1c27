// The workspace's members. Everyone may see the list; the controls appear only for roles that may
// use them (lib/auth/permissions.ts), and each action checks again on the server.
import { ActionForm } from '@/components/forms/action-form';
import { SelectField } from '@/components/forms/select-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { canOnHost, type Permission, ROLES } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/require-member';
import type { Role } from '@/lib/generated/prisma/enums';
import { listPendingInvitations } from '@/lib/invitations/list-pending-invitations';
import { listMembers, type MemberListing } from '@/lib/members/list-members';
import { changeMemberRole, inviteMember, removeMember, revokeInvitation } from './actions';

const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

type Controls = { roleOptions: { value: Role; label: string }[]; canChangeRole: boolean; canRemove: boolean };

export default async function MembersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { workspace, role, membershipId, onCustomDomain, db } = await requireMember((await params).tenant, {
    path: '/settings/members',
    permission: 'members.read',
  });
  const can = (permission: Permission) => canOnHost(role, permission, onCustomDomain);
  const managesOwners = can('owners.manage');
  const controls: Controls = {
    // Only owners are offered the owner role; the service refuses it to anyone else anyway.
    roleOptions: ROLES.filter((r) => managesOwners || r !== 'owner').map((r) => ({ value: r, label: r })),
    canChangeRole: can('members.changeRole'),
    canRemove: can('members.remove'),
  };
  const showsEmailProof = can('members.readEmailProof');
  const canInvite = can('members.invite');
  const canRevoke = can('invitations.revoke');
  const [members, invitations] = await Promise.all([
    listMembers(db),
    canInvite || canRevoke ? listPendingInvitations(db) : Promise.resolve([]),
  ]);

  return (
    <main className="mx-auto max-w-5xl px-6 py-12">
      <h1 className="text-3xl font-bold">Members of {workspace.name}</h1>
      <table className="mt-8 w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-500">
          <tr>
            <th className="py-2 font-medium">Member</th>
            <th className="py-2 font-medium">Role</th>
            <th className="py-2 font-medium">Joined</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <MemberRow
              key={member.id}
              member={member}
              isYou={member.id === membershipId}
              unverified={showsEmailProof && !member.emailVerified}
              // Owners' rows are for owners only.
              controls={member.role === 'owner' && !managesOwners ? null : controls}
            />
          ))}
        </tbody>
      </table>

      {canInvite && (
        <section className="mt-12 max-w-md">
          <h2 className="text-xl font-semibold">Invite someone</h2>
          <ActionForm action={inviteMember} id="invite-form" className="mt-4 space-y-4">
            <TextField name="email" label="Email" type="email" autoComplete="off" required />
            <SelectField name="role" label="Role" options={controls.roleOptions} defaultValue="member" />
            <SubmitButton>Send invitation</SubmitButton>
          </ActionForm>
        </section>
      )}

      {(canInvite || canRevoke) && (
        <section className="mt-12">
          <h2 className="text-xl font-semibold">Pending invitations</h2>
          {invitations.length === 0 && <p className="mt-4 text-slate-500">No pending invitations.</p>}
          <ul className="mt-4 divide-y divide-slate-200">
            {invitations.map((invitation) => (
              <li key={invitation.id} data-testid="invitation-row" data-email={invitation.email} className="py-3">
                <p className="text-sm">
                  {invitation.email} · {invitation.role} · expires {DATE.format(invitation.expiresAt)}
                </p>
                {canRevoke && (
                  <ActionForm action={revokeInvitation} id={`revoke-form-${invitation.email}`} className="mt-1">
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <SubmitButton tone="danger">Withdraw</SubmitButton>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

type RowProps = { member: MemberListing; isYou: boolean; unverified: boolean; controls: Controls | null };

function MemberRow({ member, isYou, unverified, controls }: RowProps) {
  return (
    <tr data-testid="member-row" data-email={member.email} className="border-b border-slate-100 align-top">
      <td className="py-3">
        <p className="font-medium">
          {member.name ?? member.email}
          {isYou && <span className="ml-2 text-xs text-slate-500">(you)</span>}
          {unverified && <UnverifiedBadge />}
        </p>
        {member.name && <p className="text-slate-500">{member.email}</p>}
      </td>
      <td className="py-3" data-testid="member-role">
        {controls?.canChangeRole ? (
          <ActionForm action={changeMemberRole} id={`role-form-${member.email}`} className="flex items-end gap-2">
            <input type="hidden" name="membershipId" value={member.id} />
            <SelectField name="role" label="Role" options={controls.roleOptions} defaultValue={member.role} />
            <SubmitButton>Save</SubmitButton>
          </ActionForm>
        ) : (
          member.role
        )}
      </td>
      <td className="py-3">
        <time dateTime={member.joinedAt.toISOString()}>{DATE.format(member.joinedAt)}</time>
      </td>
      <td className="py-3">
        {controls?.canRemove && (
          <ActionForm action={removeMember} id={`remove-form-${member.email}`}>
            <input type="hidden" name="membershipId" value={member.id} />
            <SubmitButton tone="danger">{isYou ? 'Leave' : 'Remove'}</SubmitButton>
          </ActionForm>
        )}
      </td>
    </tr>
  );
}

function UnverifiedBadge() {
  return (
    <span
      className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900"
      data-testid="unverified-email"
      title="Nobody has proven this mailbox yet: the account may not be this person's."
    >
      unverified email
    </span>
  );
}
