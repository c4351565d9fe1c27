// Changes a member's role, under the owner rules (last-owner-guard.ts), with its audit line in the
// same transaction.
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import type { Role } from '../generated/prisma/enums';
import { guardOwnerChange, type MemberActor } from './last-owner-guard';

export type ChangeMemberRoleResult =
  | { ok: true; email: string; role: Role; changed: boolean }
  | { ok: false; error: string; field?: 'role' };

export async function changeMemberRole(
  db: TenantDb,
  actor: MemberActor,
  input: { membershipId: string; role: Role },
): Promise<ChangeMemberRoleResult> {
  return db.$transaction(async (tx): Promise<ChangeMemberRoleResult> => {
    const guard = await guardOwnerChange(tx, actor, input.membershipId, input.role);
    if (!guard.ok) return { ok: false, error: guard.error, field: 'role' };
    const { target } = guard;
    if (target.role === input.role) return { ok: true, email: target.email, role: input.role, changed: false };
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAuditEvent(tx, {
      actor: { id: actor.id, email: actor.email },
      action: 'member.role_changed',
      target: target.email,
      details: { membershipId: target.id, from: target.role, to: input.role },
    });
    return { ok: true, email: target.email, role: input.role, changed: true };
  });
}
