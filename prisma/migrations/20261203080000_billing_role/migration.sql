-- Billing gets a role of its own. app_user runs every tenant request, and could write its own
-- workspace's billing_states row: a SQL injection under the workspace's tag could set plan 'pro',
-- status 'active' and the highest read ticket, after which every Stripe read (a cancellation too)
-- was dropped as older, for good; it could delete its metered usage too. billing_user (not owner,
-- no BYPASSRLS, its own URL and pool: lib/db/billing-db.ts) is now the only runtime role that writes
-- billing state, marks usage reported, takes read tickets and reaches Stripe's records; app_user
-- reads the state (entitlements) and records usage in the transaction of what it bills.
DO $$ BEGIN
  CREATE ROLE billing_user NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
ALTER ROLE billing_user SET statement_timeout = '15s';
ALTER ROLE billing_user SET idle_in_transaction_session_timeout = '30s';
GRANT USAGE ON SCHEMA public TO billing_user;

REVOKE ALL ON "billing_states", "usage_events" FROM app_user;
GRANT SELECT ON "billing_states" TO app_user;
GRANT SELECT, INSERT ON "usage_events" TO app_user;
REVOKE ALL ON SEQUENCE "stripe_read_tickets" FROM app_user;

-- RLS still applies to billing_user: each statement names its workspace, as app_user's do.
GRANT SELECT, INSERT, UPDATE, DELETE ON "billing_states", "stripe_events", "stripe_customers" TO billing_user;
GRANT SELECT, UPDATE ("reported_at") ON "usage_events" TO billing_user;
GRANT USAGE ON SEQUENCE "stripe_read_tickets" TO billing_user;

-- A signed webhook names a customer, not a workspace, and the jobs walk every customer: billing_user
-- reads every link, in any context. Writing one stays its own workspace's (tenant_isolation).
CREATE POLICY "billing_reads_links" ON "stripe_customers" FOR SELECT TO billing_user USING (true);

-- The definer functions that let app_user reach Stripe's records are no longer needed: billing
-- code reads and writes them directly as billing_user.
DROP FUNCTION current_tenant_stripe_customer();
DROP FUNCTION link_stripe_customer(text);
DROP FUNCTION tenant_of_stripe_customer(text);
DROP FUNCTION stripe_event_status(text);
DROP FUNCTION record_stripe_event(text, text, text, text);
