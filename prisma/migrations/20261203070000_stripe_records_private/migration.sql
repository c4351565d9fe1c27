-- Stripe's records leave app_user's reach. Any tenant context could read every workspace's Stripe
-- customer id (tenants.stripe_customer_id) and the whole webhook log (stripe_events). Both are now
-- reached only through the narrow definer functions below, each answering for what its caller
-- already holds: its own workspace (the statement's tenant), a customer id or an event id that a
-- signed Stripe webhook named. None lists anything.

CREATE TABLE "stripe_customers" (
  "tenant_id" UUID NOT NULL,
  "customer_id" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "stripe_customers_pkey" PRIMARY KEY ("tenant_id"),
  CONSTRAINT "stripe_customers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "stripe_customers_customer_id_key" ON "stripe_customers"("customer_id");
INSERT INTO "stripe_customers" ("tenant_id", "customer_id")
  SELECT "id", "stripe_customer_id" FROM "tenants" WHERE "stripe_customer_id" IS NOT NULL;
ALTER TABLE "tenants" DROP COLUMN "stripe_customer_id";

-- A tenant table like the others (RLS forced, the usual policy) that app_user cannot even reach; its
-- customer_id is unique across workspaces on purpose: one customer is one workspace.
ALTER TABLE "stripe_customers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "stripe_customers" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "stripe_customers"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));
REVOKE ALL ON "stripe_customers", "stripe_events" FROM app_user;

-- The current workspace's own customer, or NULL.
CREATE FUNCTION current_tenant_stripe_customer() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT customer_id FROM stripe_customers WHERE tenant_id = current_tenant_id() $$;

-- Links the current workspace to a customer once; the first link wins a race. Returns the link.
CREATE FUNCTION link_stripe_customer(p_customer_id text) RETURNS text
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF current_tenant_id() IS NULL THEN
    RAISE EXCEPTION 'no workspace named by this statement' USING ERRCODE = 'no_data_found';
  END IF;
  INSERT INTO stripe_customers (tenant_id, customer_id) VALUES (current_tenant_id(), p_customer_id)
    ON CONFLICT (tenant_id) DO NOTHING;
  RETURN (SELECT customer_id FROM stripe_customers WHERE tenant_id = current_tenant_id());
END
$$;

-- The workspace of a customer a signed webhook named (customer ids cannot be listed here).
CREATE FUNCTION tenant_of_stripe_customer(p_customer_id text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT tenant_id FROM stripe_customers WHERE customer_id = p_customer_id $$;

-- Whether a webhook event id was already handled ('processed' or 'ignored'), or NULL if unseen.
CREATE FUNCTION stripe_event_status(p_event_id text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT status FROM stripe_events WHERE id = p_event_id $$;

-- Records a webhook event in the caller's transaction, first: 'duplicate' when another delivery
-- already handled it (a concurrent one is waited for: the row lock), else 'recorded'.
CREATE FUNCTION record_stripe_event(p_event_id text, p_type text, p_customer_id text, p_outcome text)
  RETURNS text
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  seen text;
BEGIN
  IF p_outcome NOT IN ('processed', 'ignored', 'unmatched') THEN
    RAISE EXCEPTION 'unknown outcome %', p_outcome USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO stripe_events (id, type, customer_id, status, processed_at)
    VALUES (p_event_id, p_type, p_customer_id, p_outcome, CASE WHEN p_outcome = 'unmatched' THEN NULL ELSE now() END)
    ON CONFLICT (id) DO NOTHING;
  IF FOUND THEN
    RETURN 'recorded';
  END IF;
  SELECT status INTO seen FROM stripe_events WHERE id = p_event_id FOR UPDATE;
  IF seen IN ('processed', 'ignored') THEN
    RETURN 'duplicate';
  END IF;
  UPDATE stripe_events
     SET status = p_outcome, attempts = attempts + 1,
         processed_at = CASE WHEN p_outcome = 'unmatched' THEN NULL ELSE now() END
   WHERE id = p_event_id;
  RETURN 'recorded';
END
$$;

ALTER FUNCTION current_tenant_stripe_customer() OWNER TO platform_admin;
ALTER FUNCTION link_stripe_customer(text) OWNER TO platform_admin;
ALTER FUNCTION tenant_of_stripe_customer(text) OWNER TO platform_admin;
ALTER FUNCTION stripe_event_status(text) OWNER TO platform_admin;
ALTER FUNCTION record_stripe_event(text, text, text, text) OWNER TO platform_admin;
REVOKE ALL ON FUNCTION current_tenant_stripe_customer(), link_stripe_customer(text), tenant_of_stripe_customer(text),
  stripe_event_status(text), record_stripe_event(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION current_tenant_stripe_customer(), link_stripe_customer(text), tenant_of_stripe_customer(text),
  stripe_event_status(text), record_stripe_event(text, text, text, text) TO app_user;
