-- Custom domains: a domain routes to a workspace only after that workspace proved, through DNS, that
-- it controls the domain; only record_domain_check() can say so, and at most one workspace at a time
-- holds a hostname as verified.

-- Hostnames are stored as the app normalises them: lower-case ASCII (punycode), no trailing dot.
ALTER TABLE "domains" ADD CONSTRAINT "domains_hostname_format"
  CHECK ("hostname" ~ '^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$');
CREATE INDEX "domains_hostname_idx" ON "domains"("hostname");

-- A new domain starts unproven, whatever the INSERT says.
CREATE FUNCTION domains_start_pending() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.status := 'pending';
  NEW.status_reason := NULL;
  NEW.verified_at := NULL;
  NEW.last_checked_at := NULL;
  RETURN NEW;
END
$$;
CREATE TRIGGER "domains_start_pending" BEFORE INSERT ON "domains"
  FOR EACH ROW EXECUTE FUNCTION domains_start_pending();

-- The app adds and removes its own domains; it never edits one directly.
REVOKE UPDATE ON "domains" FROM app_user;

-- Records the outcome of a DNS check of one of the current tenant's domains. On a proven claim
-- ('verified') it takes the hostname over from any other workspace that held it, leaving that
-- workspace's row 'misconfigured' with a reason its admins can read. Claims of one hostname are
-- serialised by an advisory lock.
-- SECURITY DEFINER, owned by platform_admin (BYPASSRLS): it must reach the other workspace's row.
-- It checks the caller's tenant itself, from the statement's tag (current_tenant_id()).
CREATE FUNCTION record_domain_check(domain_id uuid, checked_status domain_status, reason text)
  RETURNS TABLE (previous_status domain_status, current_status domain_status, displaced_tenant_id uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  claimed domains%ROWTYPE;
  displaced uuid;
BEGIN
  SELECT * INTO claimed FROM domains WHERE id = domain_id AND tenant_id = current_tenant_id();
  IF NOT FOUND THEN
    RAISE EXCEPTION 'domain % not found', domain_id USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('domain:' || claimed.hostname));
  IF checked_status = 'verified' THEN
    UPDATE domains
       SET status = 'misconfigured',
           status_reason = 'Another workspace proved through DNS that it controls this domain, and now serves it.',
           last_checked_at = now()
     WHERE hostname = claimed.hostname AND status = 'verified' AND id <> claimed.id
    RETURNING tenant_id INTO displaced;
  END IF;
  UPDATE domains
     SET status = checked_status,
         status_reason = reason,
         last_checked_at = now(),
         verified_at = CASE
           WHEN checked_status <> 'verified' THEN verified_at
           WHEN claimed.status = 'verified' THEN claimed.verified_at
           ELSE now()
         END
   WHERE id = claimed.id;
  RETURN QUERY SELECT claimed.status, checked_status, displaced;
END
$$;

-- The workspace a verified custom domain serves, for routing: nothing about unverified claims.
CREATE FUNCTION custom_domain_workspace(host text) RETURNS TABLE (tenant_id uuid, slug text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT d.tenant_id, t.slug
      FROM domains d JOIN tenants t ON t.id = d.tenant_id
     WHERE d.hostname = host AND d.status = 'verified'
  $$;

-- Whoever caches routes (every app instance) hears about every change to a hostname at once.
CREATE FUNCTION notify_domain_route_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('domain_routes', COALESCE(NEW.hostname, OLD.hostname));
  RETURN NULL;
END
$$;
CREATE TRIGGER "domains_notify_route_change" AFTER INSERT OR UPDATE OR DELETE ON "domains"
  FOR EACH ROW EXECUTE FUNCTION notify_domain_route_change();

-- Definer functions run as their owner: platform_admin, so that they can see across workspaces.
-- (On a managed database the migrating role must be a member of platform_admin to do this.)
ALTER FUNCTION record_domain_check(uuid, domain_status, text) OWNER TO platform_admin;
ALTER FUNCTION custom_domain_workspace(text) OWNER TO platform_admin;
REVOKE ALL ON FUNCTION record_domain_check(uuid, domain_status, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION custom_domain_workspace(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_domain_check(uuid, domain_status, text) TO app_user;
GRANT EXECUTE ON FUNCTION custom_domain_workspace(text) TO app_user;
