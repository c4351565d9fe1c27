-- Background jobs (lib/jobs/, docs/decisions/021). The queue is graphile-worker's schema
-- (graphile_worker), installed after these migrations by scripts/db/install-job-queue.ts.
--
-- job_worker: what `npm run worker` connects as to fetch and finish jobs. Not the owner, no
-- BYPASSRLS; it runs no tenant query itself (a task's tenant work goes through tenantDb as app_user).
-- app_user gets nothing on the queue's schema: the one way a request enqueues is
-- enqueue_tenant_job() below, which takes the tenant from the statement's own tag.
DO $$ BEGIN
  CREATE ROLE job_worker NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
ALTER ROLE job_worker SET statement_timeout = '15s';
GRANT USAGE ON SCHEMA public TO job_worker;

-- Jobs that will not run: no tenant, a tenant that is gone, an unknown task, a payload that does not
-- parse, or the last attempt failed. Kept for an operator to inspect; the queue forgets them.
-- Global: the tenant the job named (named_tenant_id) may be forged or gone, so it is text, not a
-- foreign key, and the table is not a tenant table.
CREATE TABLE "job_dead_letters" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "job_id" BIGINT NOT NULL,
    "task" TEXT NOT NULL,
    "named_tenant_id" TEXT,
    "payload" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "job_dead_letters_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "job_dead_letters_failed_at_idx" ON "job_dead_letters"("failed_at" DESC);
REVOKE ALL ON "job_dead_letters" FROM app_user;
GRANT SELECT, INSERT ON "job_dead_letters" TO job_worker;
GRANT SELECT, DELETE ON "job_dead_letters" TO platform_admin;

-- Fair dequeue (docs/decisions/021): each workspace's jobs queued within a minute are numbered
-- 0, 1, 2, … and the number is the job's priority (graphile-worker runs lower first). So the k-th
-- job of every workspace runs before any workspace's (k+1)-th: a workspace that queued 10,000 jobs
-- has its first one level with a quiet workspace's only one, and the rest wait behind it. Written only
-- by enqueue_tenant_job(); nobody else has any right on it.
CREATE TABLE "job_tenant_windows" (
    "tenant_id" UUID NOT NULL,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,
    "queued" INTEGER NOT NULL,
    CONSTRAINT "job_tenant_windows_pkey" PRIMARY KEY ("tenant_id")
);
ALTER TABLE "job_tenant_windows" ADD CONSTRAINT "job_tenant_windows_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "job_tenant_windows" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "job_tenant_windows" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "job_tenant_windows"
  USING ("tenant_id" = (SELECT current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT current_tenant_id()));
REVOKE ALL ON "job_tenant_windows" FROM app_user, platform_admin;

-- The one way a tenant request enqueues. The tenant is current_tenant_id(), the statement's tag, so
-- a request for A can only ever queue work for A, whatever its payload says. The job key (run once
-- while waiting) is prefixed with the tenant, so A cannot replace or swallow B's job by guessing its
-- key. The priority is the job's number in its workspace's minute (above). `lanes` > 0 caps how many
-- of the workspace's jobs of this task run at once (for long tasks): they go to one of `lanes` named
-- queues, and graphile-worker runs one job at a time per named queue.
CREATE FUNCTION enqueue_tenant_job(task text, payload jsonb, job_key text, run_at timestamptz, max_attempts integer, lanes integer)
  RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  tenant uuid := public.current_tenant_id();
  rank integer;
  job_id bigint;
BEGIN
  IF tenant IS NULL THEN
    RAISE EXCEPTION 'enqueue_tenant_job: the statement names no tenant' USING ERRCODE = '42501';
  END IF;
  IF task IS NULL OR task !~ '^[a-z][a-z0-9-]{0,62}$' THEN
    RAISE EXCEPTION 'enqueue_tenant_job: invalid task name' USING ERRCODE = '22023';
  END IF;
  IF lanes IS NOT NULL AND (lanes < 0 OR lanes > 16) THEN
    RAISE EXCEPTION 'enqueue_tenant_job: lanes must be 0 to 16' USING ERRCODE = '22023';
  END IF;
  INSERT INTO public.job_tenant_windows AS w (tenant_id, window_started_at, queued)
    VALUES (tenant, now(), 1)
    ON CONFLICT (tenant_id) DO UPDATE SET
      window_started_at = CASE WHEN w.window_started_at < now() - interval '1 minute' THEN now() ELSE w.window_started_at END,
      queued = CASE WHEN w.window_started_at < now() - interval '1 minute' THEN 1 ELSE w.queued + 1 END
    RETURNING w.queued - 1 INTO rank;
  SELECT added.id INTO job_id FROM graphile_worker.add_job(
    identifier => 'tenant:' || task,
    payload => json_build_object('tenantId', tenant, 'payload', coalesce(payload, '{}'::jsonb)),
    queue_name => CASE WHEN coalesce(lanes, 0) = 0 THEN NULL
                       ELSE 'tenant:' || tenant || ':' || task || ':' || floor(random() * lanes)::int END,
    run_at => run_at,
    max_attempts => max_attempts,
    job_key => CASE WHEN job_key IS NULL THEN NULL ELSE 'tenant:' || tenant || ':' || job_key END,
    priority => least(rank, 32767)
  ) AS added;
  RETURN job_id;
END
$$;
REVOKE ALL ON FUNCTION enqueue_tenant_job(text, jsonb, text, timestamptz, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enqueue_tenant_job(text, jsonb, text, timestamptz, integer, integer) TO app_user;
