// The compact billing summary proxy.ts may read from Edge Config when EDGE_CONFIG is set: only the
// flags a request path needs before any database work (past due), never limits or customer ids.
// PostgreSQL stays the truth; a failed publish is logged and changes nothing.
import 'server-only';
import { writeEdgeConfigItem } from '../edge-config/write-edge-config-item';
import type { Entitlements } from './entitlements';

export function billingFlagsKey(tenantId: string): string {
  return `billing_${tenantId.replaceAll('-', '')}`;
}

export async function publishBillingFlags(tenantId: string, entitlements: Entitlements): Promise<void> {
  await writeEdgeConfigItem(
    {
      operation: 'upsert',
      key: billingFlagsKey(tenantId),
      value: { plan: entitlements.plan, pastDue: entitlements.pastDue },
    },
    'billing',
  );
}
