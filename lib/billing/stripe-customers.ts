// Which workspace is which Stripe customer, read from tenants.stripe_customer_id: for the webhook
// (an event names a customer) and the jobs that walk every customer (reconcile, usage).
import 'server-only';
import { globalDb } from '../db/global-db';

export async function tenantOfCustomer(customerId: string): Promise<string | null> {
  const tenant = await globalDb().tenant.findFirst({ where: { stripeCustomerId: customerId }, select: { id: true } });
  return tenant?.id ?? null;
}

export async function stripeCustomers(): Promise<{ tenantId: string; customerId: string }[]> {
  const tenants = await globalDb().tenant.findMany({
    where: { stripeCustomerId: { not: null } },
    select: { id: true, stripeCustomerId: true },
  });
  return tenants.flatMap(({ id, stripeCustomerId }) =>
    stripeCustomerId ? [{ tenantId: id, customerId: stripeCustomerId }] : [],
  );
}
