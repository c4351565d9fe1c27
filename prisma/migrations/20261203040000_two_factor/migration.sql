-- Two-factor authentication (docs/decisions/018). TOTP secrets, recovery codes and pending sign-ins
-- are second factors: auth_user's alone, like passwords and sessions (the auth_role migration).

-- A user's authenticator app. The secret is AES-256-GCM-sealed by the app, bound to the user id;
-- confirmed_at null: enrolment started, no code typed yet. last_used_step: the TOTP time step of
-- the last accepted code, so the same code (or an older one) is never accepted twice.
CREATE TABLE "user_totp" (
  "user_id" UUID NOT NULL,
  "secret_encrypted" TEXT NOT NULL,
  "confirmed_at" TIMESTAMPTZ(3),
  "last_used_step" INTEGER,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "user_totp_pkey" PRIMARY KEY ("user_id"),
  CONSTRAINT "user_totp_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- One-time recovery codes: only their SHA-256 (each code carries 80 random bits).
CREATE TABLE "user_recovery_codes" (
  "id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "code_hash" TEXT NOT NULL,
  "used_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "user_recovery_codes_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "user_recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "user_recovery_codes_user_id_code_hash_key" ON "user_recovery_codes"("user_id", "code_hash");

-- A first factor proven, the second still owed: no session exists yet. The browser holds the token
-- (its hash is the key); single use, a few attempts, a few minutes.
CREATE TABLE "pending_sign_ins" (
  "token_hash" TEXT NOT NULL,
  "user_id" UUID NOT NULL,
  "first_factor" TEXT NOT NULL,
  "callback_url" TEXT NOT NULL,
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "pending_sign_ins_pkey" PRIMARY KEY ("token_hash"),
  CONSTRAINT "pending_sign_ins_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "pending_sign_ins_user_id_created_at_idx" ON "pending_sign_ins"("user_id", "created_at");

REVOKE ALL ON "user_totp", "user_recovery_codes", "pending_sign_ins" FROM app_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON "user_totp", "user_recovery_codes", "pending_sign_ins" TO auth_user;

-- How a session was authenticated (RFC 8176-like: pwd, email, oauth, sso; otp, recovery, and later
-- webauthn for a second factor), so workspace policies can ask for a second factor.
ALTER TABLE "sessions" ADD COLUMN "amr" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- ─── A workspace's two-factor policy (tenant table) ────────────────────────────────────────────
-- No row: not required.
CREATE TABLE "two_factor_policies" (
  "tenant_id" UUID NOT NULL DEFAULT current_tenant_id(),
  "required" BOOLEAN NOT NULL DEFAULT false,
  "sso_satisfies" BOOLEAN NOT NULL DEFAULT true,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "two_factor_policies_pkey" PRIMARY KEY ("tenant_id"),
  CONSTRAINT "two_factor_policies_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
ALTER TABLE "two_factor_policies" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "two_factor_policies" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "two_factor_policies"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));
