// The owner rules, checked inside the transaction that changes a membership: only owners grant,
// change or remove the owner role, and a workspace never loses its last owner. The owner rows are
// locked first (FOR UPDATE, in id order so two callers cannot deadlock), then the target row, so two
// owners demoting each other at once run one after the other and the second sees one owner left.
import 'server-only';
import { can } from '../auth/permissions';
import type { TenantDb } from '../db/tenant-db';
import type { Role } from '../generated/prisma/enums';

type Transaction = Pick<TenantDb, '$queryRaw'>;

/** The member acting, as tenantAction's context knows them. */
export type MemberActor = { id: string; email: string; role: Role; membershipId: string };

export type LockedMember = { id: string; role: Role; email: string };

export type OwnerGuardResult = { ok: true; target: LockedMember } | { ok: false; error: string };

export const MEMBER_NOT_FOUND = 'Member not found.';
export const OWNERS_ONLY_REFUSAL = 'Only owners can grant, change or remove the owner role.';
export const LAST_OWNER_REFUSAL = 'A workspace needs an owner: make someone else an owner first.';

/**
 * Locks the owners and the target membership until the transaction ends, then applies the rules.
 * `next` null: the membership is being removed. Another workspace's membership id is not found (RLS).
 */
export async function guardOwnerChange(
  tx: Transaction,
  actor: Pick<MemberActor, 'role' | 'membershipId'>,
  membershipId: string,
  next: Role | null,
): Promise<OwnerGuardResult> {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM memberships WHERE role = 'owner' ORDER BY id FOR UPDATE`;
  const [target] = await tx.$queryRaw<LockedMember[]>`
    SELECT m.id::text AS id, m.role::text AS role, u.email
      FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.id = ${membershipId}::uuid
       FOR UPDATE OF m`;
  if (!target) return { ok: false, error: MEMBER_NOT_FOUND };
  const refusal = ownerRuleRefusal(
    owners.map((row) => row.id),
    actor,
    target,
    next,
  );
  return refusal ? { ok: false, error: refusal } : { ok: true, target };
}

/** The decision alone. `owners` are read under the lock, so the actor's owner role is as it is now. */
export function ownerRuleRefusal(
  owners: readonly string[],
  actor: Pick<MemberActor, 'role' | 'membershipId'>,
  target: { id: string; role: Role },
  next: Role | null,
): string | null {
  const touchesOwnerRole = target.role === 'owner' || next === 'owner';
  const actorIsOwner = can(actor.role, 'owners.manage') && owners.includes(actor.membershipId);
  if (touchesOwnerRole && !actorIsOwner) return OWNERS_ONLY_REFUSAL;
  const losesAnOwner = target.role === 'owner' && next !== 'owner';
  if (losesAnOwner && !owners.some((id) => id !== target.id)) return LAST_OWNER_REFUSAL;
  return null;
}
