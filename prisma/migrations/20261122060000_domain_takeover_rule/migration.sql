-- Takeover needs more than the newcomer's proof: while the current holder's TXT token is still
-- published too, the domain's DNS admin has vouched for both, and two workspaces re-checking on a
-- schedule would take the hostname from each other on every run. The holder keeps it until its
-- record is removed; the newcomer's claim stays pending, saying so. A takeover is also written to
-- the previous holder's audit log by the app (lib/domains/record-domain-check.ts).
-- published_tokens: every TXT value at the challenge name, as the check read them.
DROP FUNCTION record_domain_check(uuid, domain_status, text);

CREATE FUNCTION record_domain_check(
  domain_id uuid, checked_status domain_status, reason text, published_tokens text[] DEFAULT '{}'
)
  RETURNS TABLE (previous_status domain_status, current_status domain_status, displaced_tenant_id uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  claimed domains%ROWTYPE;
  displaced uuid;
  outcome domain_status := checked_status;
  outcome_reason text := reason;
BEGIN
  SELECT * INTO claimed FROM domains WHERE id = domain_id AND tenant_id = current_tenant_id();
  IF NOT FOUND THEN
    RAISE EXCEPTION 'domain % not found', domain_id USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('domain:' || claimed.hostname));
  IF outcome = 'verified' AND EXISTS (
    SELECT 1 FROM domains
     WHERE hostname = claimed.hostname AND status = 'verified' AND id <> claimed.id
       AND verification_token = ANY (published_tokens)
  ) THEN
    outcome := 'pending';
    outcome_reason := 'Another workspace serves this domain and its TXT record is still published. '
      || 'Remove that record from the domain''s DNS, then check again.';
  END IF;
  IF outcome = 'verified' THEN
    UPDATE domains
       SET status = 'misconfigured',
           status_reason = 'Another workspace proved through DNS that it controls this domain, and now serves it.',
           last_checked_at = now()
     WHERE hostname = claimed.hostname AND status = 'verified' AND id <> claimed.id
    RETURNING tenant_id INTO displaced;
  END IF;
  UPDATE domains
     SET status = outcome,
         status_reason = outcome_reason,
         last_checked_at = now(),
         verified_at = CASE
           WHEN outcome <> 'verified' THEN verified_at
           WHEN claimed.status = 'verified' THEN claimed.verified_at
           ELSE now()
         END
   WHERE id = claimed.id;
  RETURN QUERY SELECT claimed.status, outcome, displaced;
END
$$;

ALTER FUNCTION record_domain_check(uuid, domain_status, text, text[]) OWNER TO platform_admin;
REVOKE ALL ON FUNCTION record_domain_check(uuid, domain_status, text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_domain_check(uuid, domain_status, text, text[]) TO app_user;
