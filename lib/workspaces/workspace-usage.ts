// What the workspace uses of its plan, for the home page's meters: members, projects and file
// storage against the plan's limits (the same numbers the limits are enforced with).
import 'server-only';
import { workspaceEntitlements } from '../billing/workspace-entitlements';
import { tenantDb } from '../db/tenant-db';
import { storageUsed } from '../files/storage-used';
import type { WorkspaceCounts } from './workspace-counts';

export type UsageMeter = { label: string; used: number; limit: number; unit: 'count' | 'bytes' };

export async function workspaceUsage(tenantId: string, counts: WorkspaceCounts): Promise<UsageMeter[]> {
  const [entitlements, bytes] = await Promise.all([workspaceEntitlements(tenantId), storageUsed(tenantDb(tenantId))]);
  const { limits } = entitlements;
  return [
    { label: 'Members', used: counts.members, limit: limits.seats, unit: 'count' },
    { label: 'Projects', used: counts.projects, limit: limits.projects, unit: 'count' },
    { label: 'File storage', used: bytes, limit: limits.storageBytes, unit: 'bytes' },
  ];
}
