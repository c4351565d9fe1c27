-- OIDC connections keep the endpoints discovery gave (and the app checked) when the connection was
-- saved: sign-in uses them as stored instead of re-reading discovery. A connection saved before
-- this migration has none (NOT VALID leaves it be); sign-in ignores it until an owner saves it again.
ALTER TABLE "sso_connections"
    ADD COLUMN "oidc_authorization_endpoint" TEXT,
    ADD COLUMN "oidc_token_endpoint" TEXT,
    ADD COLUMN "oidc_userinfo_endpoint" TEXT,
    ADD COLUMN "oidc_jwks_uri" TEXT;

ALTER TABLE "sso_connections" DROP CONSTRAINT "sso_connections_protocol_fields";
ALTER TABLE "sso_connections" ADD CONSTRAINT "sso_connections_protocol_fields" CHECK (
      ("protocol" = 'oidc' AND "oidc_issuer" IS NOT NULL AND "oidc_client_id" IS NOT NULL
        AND "oidc_client_secret_encrypted" IS NOT NULL AND "oidc_authorization_endpoint" IS NOT NULL
        AND "oidc_token_endpoint" IS NOT NULL AND "oidc_jwks_uri" IS NOT NULL)
      OR ("protocol" = 'saml' AND "saml_idp_entity_id" IS NOT NULL AND "saml_idp_sso_url" IS NOT NULL
        AND cardinality("saml_idp_certificates") > 0)
    ) NOT VALID;
