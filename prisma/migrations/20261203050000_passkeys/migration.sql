-- Passkeys (WebAuthn): a user's credentials, the one-time challenges a ceremony signs, and a log of
-- changes to a person's own sign-in methods. All three are auth_user's alone: a public key is not a
-- secret, but which authenticators a person holds, their counters and pending challenges are
-- sign-in state that tenant code has no reason to see (docs/decisions/019).

-- ─── Passkeys ───────────────────────────────────────────────────────────────────────────────────
-- credential_id is the authenticator's id (base64url), unique across users: a discoverable sign-in
-- finds the user from it. counter only moves forward (a clone that lags behind is refused).
CREATE TABLE "passkeys" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "credential_id" TEXT NOT NULL,
    "public_key" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[] NOT NULL DEFAULT '{}',
    "device_type" TEXT NOT NULL,
    "backed_up" BOOLEAN NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "passkeys_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "passkeys_counter_not_negative" CHECK ("counter" >= 0),
    CONSTRAINT "passkeys_device_type" CHECK ("device_type" IN ('singleDevice', 'multiDevice'))
);
CREATE UNIQUE INDEX "passkeys_credential_id_key" ON "passkeys"("credential_id");
CREATE INDEX "passkeys_user_id_idx" ON "passkeys"("user_id");
ALTER TABLE "passkeys" ADD CONSTRAINT "passkeys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Challenges ─────────────────────────────────────────────────────────────────────────────────
-- One row per ceremony: single use (deleted when the answer comes back), two minutes, and found only
-- through the hash of a random cookie set on the browser that asked. A registration row names the
-- user who re-authenticated and the passkey's name; a sign-in row names a user only when it asks for
-- a second factor of that user.
CREATE TABLE "webauthn_challenges" (
    "token_hash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "challenge" TEXT NOT NULL,
    "user_id" UUID,
    "passkey_name" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webauthn_challenges_pkey" PRIMARY KEY ("token_hash"),
    CONSTRAINT "webauthn_challenges_purpose" CHECK ("purpose" IN ('registration', 'authentication')),
    CONSTRAINT "webauthn_challenges_registration_fields" CHECK (
        "purpose" <> 'registration' OR ("user_id" IS NOT NULL AND "passkey_name" IS NOT NULL)
    )
);
CREATE INDEX "webauthn_challenges_user_id_idx" ON "webauthn_challenges"("user_id");
CREATE INDEX "webauthn_challenges_expires_at_idx" ON "webauthn_challenges"("expires_at");
ALTER TABLE "webauthn_challenges" ADD CONSTRAINT "webauthn_challenges_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Account events ─────────────────────────────────────────────────────────────────────────────
-- audit_events belongs to a workspace; a person's sign-in methods belong to no workspace, and telling
-- every workspace they are in that they added a passkey would tell admins too much. Append-only from
-- the app's side: auth_user may insert and read, not rewrite.
CREATE TABLE "account_events" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "details" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "account_events_user_id_created_at_idx" ON "account_events"("user_id", "created_at");
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── How a session was opened ───────────────────────────────────────────────────────────────────
-- sessions.amr (the two_factor migration) records a passkey sign-in as 'passkey', plus
-- 'user-verified' and 'mfa' when the authenticator checked a PIN or biometric.

-- The default privileges gave app_user these tables; they are auth_user's alone.
REVOKE ALL ON "passkeys", "webauthn_challenges", "account_events" FROM app_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON "passkeys", "webauthn_challenges" TO auth_user;
GRANT SELECT, INSERT ON "account_events" TO auth_user;
