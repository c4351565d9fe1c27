-- API keys, after an outside review of their landing (docs/decisions/025, "After review"):
--
-- 1. (In code, lib/api-keys/find-api-key.ts.) A hash is unique per workspace only (a unique index
--    across tenants would let the app role probe for other workspaces' values, which the table
--    audit forbids), so a workspace that knew another's hash could add it under its own tenant; the
--    lookup then refuses a hash that names more than one key, rather than pick one by row order.

-- 2. A key's name, scopes, expiry and hash are fixed once created, and a revocation is final:
--    app_user may record a use and revoke, nothing else (it could un-revoke or widen a key).
REVOKE UPDATE ON "api_keys" FROM app_user;
GRANT UPDATE ("last_used_at", "revoked_at") ON "api_keys" TO app_user;
CREATE FUNCTION api_keys_revocation_is_final() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  IF OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at THEN
    RAISE EXCEPTION 'api key % was revoked: a revocation is final', OLD.id USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "api_keys_revocation_is_final" BEFORE UPDATE OF "revoked_at" ON "api_keys"
  FOR EACH ROW EXECUTE FUNCTION api_keys_revocation_is_final();

-- 3. A key acts for its workspace only while the admin who created it is still an admin (or owner)
--    there: removed, demoted or deprovisioned by SCIM, their keys stop with them, whichever path
--    removed them. The lookup says so; it still tells nothing for a hash nobody was given.
DROP FUNCTION api_key_for_hash(text);
CREATE FUNCTION api_key_for_hash(p_key_hash text)
  RETURNS TABLE (tenant_id uuid, key_id uuid, scopes text[], expires_at timestamptz, revoked_at timestamptz,
                 creator_is_admin boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT k.tenant_id, k.id, k.scopes, k.expires_at, k.revoked_at,
           EXISTS (SELECT 1 FROM memberships m
                    WHERE m.tenant_id = k.tenant_id AND m.user_id = k.created_by_id
                      AND m.role IN ('owner', 'admin'))
      FROM api_keys k WHERE k.key_hash = p_key_hash
  $$;
ALTER FUNCTION api_key_for_hash(text) OWNER TO platform_admin;
REVOKE ALL ON FUNCTION api_key_for_hash(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_key_for_hash(text) TO app_user;
