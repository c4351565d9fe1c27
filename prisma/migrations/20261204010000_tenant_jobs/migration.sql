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

-- The one way a tenant request enqueues. The tenant is current_tenant_id(), the statement's tag, so
-- a request for A can only ever queue work for A, whatever its payload says. The job key (run once
-- while waiting) is prefixed with the tenant, so A cannot replace or swallow B's job by guessing its
-- key. Each tenant's jobs go to one of `lanes` named queues; graphile-worker runs one job at a time
-- per named queue, so a tenant holds at most `lanes` workers however many jobs it queued, and
-- another tenant's job finds a free worker (the fairness of docs/decisions/021).
CREATE FUNCTION enqueue_tenant_job(task text, payload jsonb, job_key text, run_at timestamptz, max_attempts integer, lanes integer)
  RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  tenant uuid := public.current_tenant_id();
  job_id bigint;
BEGIN
  IF tenant IS NULL THEN
    RAISE EXCEPTION 'enqueue_tenant_job: the statement names no tenant' USING ERRCODE = '42501';
  END IF;
  IF task IS NULL OR task !~ '^[a-z][a-z0-9-]{0,62}$' THEN
    RAISE EXCEPTION 'enqueue_tenant_job: invalid task name' USING ERRCODE = '22023';
  END IF;
  IF lanes IS NULL OR lanes < 1 OR lanes > 16 THEN
    RAISE EXCEPTION 'enqueue_tenant_job: lanes must be 1 to 16' USING ERRCODE = '22023';
  END IF;
  SELECT added.id INTO job_id FROM graphile_worker.add_job(
    identifier => 'tenant:' || task,
    payload => json_build_object('tenantId', tenant, 'payload', coalesce(payload, '{}'::jsonb)),
    queue_name => 'tenant:' || tenant || ':' || floor(random() * lanes)::int,
    run_at => run_at,
    max_attempts => max_attempts,
    job_key => CASE WHEN job_key IS NULL THEN NULL ELSE 'tenant:' || tenant || ':' || job_key END
  ) AS added;
  RETURN job_id;
END
$$;
REVOKE ALL ON FUNCTION enqueue_tenant_job(text, jsonb, text, timestamptz, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enqueue_tenant_job(text, jsonb, text, timestamptz, integer, integer) TO app_user;
