// Test workspaces: unique slugs per call, so test files share one database without colliding.
import { randomUUID } from 'node:crypto';
import { globalDb } from '../../lib/db/global-db';
import { slugSkeleton } from '../../lib/workspaces/slug-skeleton';

export async function createTenant(label = 'tenant'): Promise<{ id: string; slug: string }> {
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const tenant = await globalDb().tenant.create({ data: { slug, slugSkeleton: slugSkeleton(slug), name: slug } });
  return { id: tenant.id, slug };
}
