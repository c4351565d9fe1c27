-- Enterprise sign-in per workspace: one identity-provider connection (OIDC or SAML), the email
-- domains the workspace proved it owns (a DNS TXT record, as for custom domains), and what SAML needs
-- to refuse a replayed response. Sessions opened through a workspace's IdP are bound to it.

CREATE TYPE "sso_protocol" AS ENUM ('oidc', 'saml');

-- ─── Connection ─────────────────────────────────────────────────────────────────────────────────
-- One per workspace. The OIDC client secret is stored encrypted by the app (AES-256-GCM, key from
-- SSO_ENCRYPTION_KEY, bound to the tenant id): a dump of this table reveals no secret.
-- default_role: what just-in-time provisioning grants; never owner.
CREATE TABLE "sso_connections" (
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "protocol" "sso_protocol" NOT NULL,
    "oidc_issuer" TEXT,
    "oidc_client_id" TEXT,
    "oidc_client_secret_encrypted" TEXT,
    "saml_idp_entity_id" TEXT,
    "saml_idp_sso_url" TEXT,
    "saml_idp_certificates" TEXT[] NOT NULL DEFAULT '{}',
    "saml_metadata_url" TEXT,
    "default_role" "role" NOT NULL DEFAULT 'member',
    "sso_required" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sso_connections_pkey" PRIMARY KEY ("tenant_id"),
    CONSTRAINT "sso_connections_default_role_not_owner" CHECK ("default_role" <> 'owner'),
    CONSTRAINT "sso_connections_protocol_fields" CHECK (
      ("protocol" = 'oidc' AND "oidc_issuer" IS NOT NULL AND "oidc_client_id" IS NOT NULL
        AND "oidc_client_secret_encrypted" IS NOT NULL)
      OR ("protocol" = 'saml' AND "saml_idp_entity_id" IS NOT NULL AND "saml_idp_sso_url" IS NOT NULL
        AND cardinality("saml_idp_certificates") > 0)
    )
);
ALTER TABLE "sso_connections" ADD CONSTRAINT "sso_connections_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Email domains ──────────────────────────────────────────────────────────────────────────────
-- A claim starts unproven; only record_email_domain_check() marks it verified, and at most one
-- workspace at a time holds a domain as verified.
CREATE TABLE "sso_email_domains" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "domain" TEXT NOT NULL,
    "verification_token" TEXT NOT NULL,
    "verified_at" TIMESTAMPTZ(3),
    "status_reason" TEXT,
    "last_checked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sso_email_domains_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sso_email_domains_domain_format" CHECK ("domain" ~ '^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$')
);
CREATE UNIQUE INDEX "sso_email_domains_tenant_id_domain_key" ON "sso_email_domains"("tenant_id", "domain");
CREATE INDEX "sso_email_domains_domain_idx" ON "sso_email_domains"("domain");
ALTER TABLE "sso_email_domains" ADD CONSTRAINT "sso_email_domains_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION sso_email_domains_start_unverified() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.verified_at := NULL;
  NEW.status_reason := NULL;
  NEW.last_checked_at := NULL;
  RETURN NEW;
END
$$;
CREATE TRIGGER "sso_email_domains_start_unverified" BEFORE INSERT ON "sso_email_domains"
  FOR EACH ROW EXECUTE FUNCTION sso_email_domains_start_unverified();
REVOKE UPDATE ON "sso_email_domains" FROM app_user;

-- ─── SAML replay protection ─────────────────────────────────────────────────────────────────────
-- Requests we sent (a response must answer one, once) and assertion ids we accepted (inserted in
-- the same transaction as the sign-in, so two concurrent posts of one response cannot both pass).
CREATE TABLE "saml_requests" (
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saml_requests_pkey" PRIMARY KEY ("tenant_id", "id")
);
ALTER TABLE "saml_requests" ADD CONSTRAINT "saml_requests_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "saml_assertions_seen" (
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "assertion_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saml_assertions_seen_pkey" PRIMARY KEY ("tenant_id", "assertion_id")
);
ALTER TABLE "saml_assertions_seen" ADD CONSTRAINT "saml_assertions_seen_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Sessions bound to a workspace's IdP ────────────────────────────────────────────────────────
-- An identity asserted by workspace A's IdP is good for workspace A only (and for the root site).
ALTER TABLE "sessions" ADD COLUMN "sso_tenant_id" UUID;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_sso_tenant_id_fkey" FOREIGN KEY ("sso_tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "sessions_sso_tenant_id_idx" ON "sessions"("sso_tenant_id");

-- ─── Row level security ─────────────────────────────────────────────────────────────────────────
ALTER TABLE "sso_connections" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sso_connections" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "sso_connections"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

ALTER TABLE "sso_email_domains" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sso_email_domains" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "sso_email_domains"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

ALTER TABLE "saml_requests" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "saml_requests" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "saml_requests"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

ALTER TABLE "saml_assertions_seen" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "saml_assertions_seen" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "saml_assertions_seen"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));

-- ─── Cross-workspace questions, answered narrowly ───────────────────────────────────────────────
-- Records a DNS check of one of the current tenant's email-domain claims. A proven claim becomes
-- verified unless another workspace already holds that domain verified (first proof wins; the
-- holder keeps it until its own claim is removed). Serialised per domain by an advisory lock.
-- SECURITY DEFINER, owned by platform_admin: it must see the other workspaces' claims.
CREATE FUNCTION record_email_domain_check(claim_id uuid, proven boolean, reason text)
  RETURNS TABLE (verified boolean, status_reason text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  claim sso_email_domains%ROWTYPE;
  held_elsewhere boolean;
  final_reason text := reason;
  is_verified boolean;
BEGIN
  SELECT * INTO claim FROM sso_email_domains WHERE id = claim_id AND tenant_id = current_tenant_id();
  IF NOT FOUND THEN
    RAISE EXCEPTION 'email domain % not found', claim_id USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('email-domain:' || claim.domain));
  SELECT EXISTS (
    SELECT 1 FROM sso_email_domains
     WHERE domain = claim.domain AND verified_at IS NOT NULL AND tenant_id <> claim.tenant_id
  ) INTO held_elsewhere;
  is_verified := proven AND NOT held_elsewhere;
  IF proven AND held_elsewhere THEN
    final_reason := 'Another workspace has already verified this email domain.';
  END IF;
  UPDATE sso_email_domains
     SET verified_at = CASE WHEN is_verified THEN COALESCE(claim.verified_at, now()) ELSE NULL END,
         status_reason = CASE WHEN is_verified THEN NULL ELSE final_reason END,
         last_checked_at = now()
   WHERE id = claim.id;
  RETURN QUERY SELECT is_verified, CASE WHEN is_verified THEN NULL ELSE final_reason END;
END
$$;

-- The workspace whose IdP an email address signs in through: only a verified domain with a
-- connection, and nothing else about the workspace or its claims.
CREATE FUNCTION sso_workspace_for_email_domain(email_domain text)
  RETURNS TABLE (tenant_id uuid, slug text, sso_required boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.id, t.slug, c.sso_required
      FROM sso_email_domains d
      JOIN sso_connections c ON c.tenant_id = d.tenant_id
      JOIN tenants t ON t.id = d.tenant_id
     WHERE d.domain = email_domain AND d.verified_at IS NOT NULL
  $$;

ALTER FUNCTION record_email_domain_check(uuid, boolean, text) OWNER TO platform_admin;
ALTER FUNCTION sso_workspace_for_email_domain(text) OWNER TO platform_admin;
REVOKE ALL ON FUNCTION record_email_domain_check(uuid, boolean, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION sso_workspace_for_email_domain(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_email_domain_check(uuid, boolean, text) TO app_user;
GRANT EXECUTE ON FUNCTION sso_workspace_for_email_domain(text) TO app_user;
