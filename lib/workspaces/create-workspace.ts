// A new workspace with its first owner, its audit line, and a slug no other workspace has or looks
// like (tenants.slug_skeleton is UNIQUE). Runs inside the caller's transaction, so sign-up creates
// the user and the workspace together or not at all.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event';
import { globalDb } from '../db/global-db';
import { type TenantTransaction, tenantDb } from '../db/tenant-db';
import { slugSkeleton } from './slug-skeleton';

export type NewWorkspace = { name: string; slug: string };
export type SlugProblem = { field: 'slug'; error: string } | null;

/** Why this slug cannot be used now, for the form; the unique index still decides under a race. */
export async function slugProblem(slug: string): Promise<SlugProblem> {
  const clash = await globalDb().tenant.findFirst({
    where: { OR: [{ slug }, { slugSkeleton: slugSkeleton(slug) }] },
    select: { slug: true },
  });
  if (!clash) return null;
  if (clash.slug === slug) return { field: 'slug', error: `“${slug}” is taken. Choose another address.` };
  return { field: 'slug', error: `“${slug}” looks too much like an existing workspace. Choose another address.` };
}

/** Opens a transaction for a new workspace: `work` creates what else must commit with it (e.g. the owner). */
export async function createWorkspace<T extends { id: string; email: string }>(
  workspace: NewWorkspace,
  owner: (tx: TenantTransaction) => Promise<T>,
): Promise<{ id: string; slug: string; owner: T }> {
  const id = randomUUID();
  return tenantDb(id).$transaction(async (tx) => {
    await tx.tenant.create({
      data: { id, name: workspace.name, slug: workspace.slug, slugSkeleton: slugSkeleton(workspace.slug) },
    });
    const user = await owner(tx);
    await tx.membership.create({ data: { userId: user.id, role: 'owner' } });
    await recordAuditEvent(tx, { actor: user, action: 'workspace.created', target: workspace.slug });
    return { id, slug: workspace.slug, owner: user };
  });
}
