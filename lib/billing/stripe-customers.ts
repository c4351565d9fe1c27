// Every workspace that is a Stripe customer, for the jobs that walk them all (reconcile, usage).
import 'server-only';
import { globalDb } from '../db/global-db';

export async function stripeCustomers(): Promise<{ tenantId: string; customerId: string }[]> {
  const tenants = await globalDb().tenant.findMany({
    where: { stripeCustomerId: { not: null } },
    select: { id: true, stripeCustomerId: true },
  });
  return tenants.flatMap(({ id, stripeCustomerId }) =>
    stripeCustomerId ? [{ tenantId: id, customerId: stripeCustomerId }] : [],
  );
}
