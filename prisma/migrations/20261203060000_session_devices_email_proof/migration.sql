-- The sessions page (issue 11): which browser opened a session and when it was last used. The
-- User-Agent as the browser sent it (cut to 512 characters), parsed only for display; no IP address
-- (behind a proxy it is whatever X-Forwarded-For claims). last_seen_at is written at most once per
-- five minutes per session (lib/auth/session-last-seen.ts), not on every request.
ALTER TABLE "sessions"
  ADD COLUMN "user_agent" TEXT,
  ADD COLUMN "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "sessions" SET "last_seen_at" = "created_at";

-- Email proof: when the last verification email went out, so a resend waits a minute. A timestamp,
-- not a secret (the token itself is hashed in verification_tokens), so app_user may read it.
ALTER TABLE "users" ADD COLUMN "verification_email_sent_at" TIMESTAMPTZ(3);
