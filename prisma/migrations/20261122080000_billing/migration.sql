-- Billing: each workspace is one Stripe customer; its subscription's state, as last read from
-- Stripe, is the truth for what the workspace may do (lib/billing/plans.ts turns it into limits).
-- Webhook events are recorded once each; billable usage waits here until it is reported.

-- ─── Workspaces ↔ Stripe customers ──────────────────────────────────────────────────────────────
-- The plan moves to billing_states (a tenant table, RLS) so that nothing with the tenants
-- directory's broad read can see or change it.
ALTER TABLE "tenants" DROP COLUMN "plan";
ALTER TABLE "tenants" ADD COLUMN "stripe_customer_id" TEXT;
CREATE UNIQUE INDEX "tenants_stripe_customer_id_key" ON "tenants"("stripe_customer_id");

-- ─── Billing state per workspace ────────────────────────────────────────────────────────────────
CREATE TABLE "billing_states" (
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "plan" TEXT NOT NULL DEFAULT 'free',
    "status" TEXT NOT NULL DEFAULT 'none',
    "stripe_subscription_id" TEXT,
    "price_id" TEXT,
    "current_period_start" TIMESTAMPTZ(3),
    "current_period_end" TIMESTAMPTZ(3),
    "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
    "trial_end" TIMESTAMPTZ(3),
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "billing_states_pkey" PRIMARY KEY ("tenant_id")
);
ALTER TABLE "billing_states" ADD CONSTRAINT "billing_states_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "billing_states" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "billing_states" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "billing_states"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

-- Every app instance caches entitlements; a change tells them all at once.
CREATE FUNCTION notify_billing_state_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('billing_states', COALESCE(NEW.tenant_id, OLD.tenant_id)::text);
  RETURN NULL;
END
$$;
CREATE TRIGGER "billing_states_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "billing_states"
  FOR EACH ROW EXECUTE FUNCTION notify_billing_state_change();

-- ─── Usage ──────────────────────────────────────────────────────────────────────────────────────
-- Billable events, reported to Stripe as meter events by `npm run jobs:report-usage`; the row id is
-- the meter event's identifier, so a report retried after a crash is not counted twice.
CREATE TABLE "usage_events" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "metric" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reported_at" TIMESTAMPTZ(3),

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "usage_events_tenant_id_occurred_at_idx" ON "usage_events"("tenant_id", "occurred_at");
CREATE INDEX "usage_events_tenant_id_reported_at_idx" ON "usage_events"("tenant_id", "reported_at");
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "usage_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "usage_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "usage_events"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

-- ─── Stripe events ──────────────────────────────────────────────────────────────────────────────
-- One row per event id: the primary key makes a second delivery (even a concurrent one) wait for
-- the first and then find it done. 'unmatched': for a customer no workspace has (yet); Stripe is
-- answered with an error so it retries, and the reconcile job heals what is left.
CREATE TABLE "stripe_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "customer_id" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id")
);
