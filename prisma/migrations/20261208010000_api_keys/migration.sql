-- Workspace API keys and the v1 REST API's idempotency records (docs/decisions/025).

-- ─── Keys ───────────────────────────────────────────────────────────────────────────────────────
-- Only the SHA-256 of a key's secret is kept (the secret has 256 random bits, so the hash cannot be
-- reversed and a leaked table cannot be replayed); prefix is the start of the secret, shown in lists
-- so admins can tell keys apart. Revoked rows stay for the record: app_user may not delete them.
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "scopes" TEXT[] NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_keys_hash_is_sha256" CHECK ("key_hash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "api_keys_scopes_known" CHECK (
      cardinality("scopes") > 0
      AND "scopes" <@ ARRAY['projects:read', 'projects:write', 'tasks:read', 'tasks:write', 'members:read']::text[]
    )
);
CREATE UNIQUE INDEX "api_keys_tenant_id_key_hash_key" ON "api_keys"("tenant_id", "key_hash");
CREATE INDEX "api_keys_tenant_id_created_at_idx" ON "api_keys"("tenant_id", "created_at" DESC);
-- The pre-tenant lookup (api_key_for_hash()) finds a key by its hash alone.
CREATE INDEX "api_keys_key_hash_idx" ON "api_keys"("key_hash");
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "api_keys"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));
REVOKE DELETE ON "api_keys" FROM app_user;

-- ─── The pre-tenant lookup ──────────────────────────────────────────────────────────────────────
-- An API request names no tenant: its key decides it. This answers, for the hash of a secret the
-- caller holds, which workspace the key belongs to and whether it may still be used; nothing else
-- (no name, no creator), and nothing for a hash nobody was given.
CREATE FUNCTION api_key_for_hash(p_key_hash text)
  RETURNS TABLE (tenant_id uuid, key_id uuid, scopes text[], expires_at timestamptz, revoked_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT k.tenant_id, k.id, k.scopes, k.expires_at, k.revoked_at FROM api_keys k WHERE k.key_hash = p_key_hash
  $$;
ALTER FUNCTION api_key_for_hash(text) OWNER TO platform_admin;
REVOKE ALL ON FUNCTION api_key_for_hash(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_key_for_hash(text) TO app_user;

-- ─── Idempotency ────────────────────────────────────────────────────────────────────────────────
-- One row per Idempotency-Key a workspace sent on a POST: the request's fingerprint (method, path,
-- body) and, once answered, the response to replay. status NULL: the first request is still running.
CREATE TABLE "api_idempotency_keys" (
    "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status" INTEGER,
    "response_body" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_idempotency_keys_pkey" PRIMARY KEY ("tenant_id", "key")
);
CREATE INDEX "api_idempotency_keys_tenant_id_created_at_idx" ON "api_idempotency_keys"("tenant_id", "created_at");
ALTER TABLE "api_idempotency_keys" ADD CONSTRAINT "api_idempotency_keys_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "api_idempotency_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "api_idempotency_keys" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "api_idempotency_keys"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));
