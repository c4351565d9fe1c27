// Every SECURITY DEFINER function the app role can call, probed from another tenant's context (or
// from none): none of them may tell or change more than REVIEWED_DEFINER_FUNCTIONS says. The list
// comes from PostgreSQL's catalog, so a new definer function without a probe here turns this red.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFINER_FUNCTIONS_SQL, REVIEWED_DEFINER_FUNCTIONS } from '../../scripts/db/audit-tables';
import { createTenant } from '../../tests/support/tenants';
import { createApiKey } from '../api-keys/create-api-key';
import { hashToken } from '../auth/random-token';
import { createMainSession } from '../auth/session-store';
import { authDb, authDbFor } from './auth-db';
import { tenantDb } from './tenant-db';

type Tenant = { id: string; slug: string };
let acme: Tenant;
let globex: Tenant;
let globexOwner: { id: string; email: string };
let app: pg.Client;

/** SQL exactly as app_user would send it, naming the tenant it works for (null: none). */
async function asApp<T extends pg.QueryResultRow>(tenantId: string | null, sql: string, values: unknown[] = []) {
  return (await app.query<T>(`/* tenant:${tenantId ?? 'none'} */ ${sql}`, values)).rows;
}

beforeAll(async () => {
  acme = await createTenant('acme');
  globex = await createTenant('globex');
  globexOwner = await authDb().user.create({
    data: { email: `owner-${randomUUID().slice(0, 8)}@globex.test`, emailVerified: new Date() },
    select: { id: true, email: true },
  });
  await tenantDb(globex.id).membership.create({ data: { userId: globexOwner.id, role: 'owner' } });
  app = new pg.Client({ connectionString: inject('appUrl') });
  await app.connect();
});
afterAll(async () => {
  await app.end();
});

/** The queue's stored envelope and key of a job, read as the owner (nobody else can). */
async function queuedJob(jobId: string) {
  const owner = new pg.Client({ connectionString: inject('ownerUrl') });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ payload: { tenantId: string; payload: unknown }; key: string | null }>(
      'SELECT payload, key FROM graphile_worker._private_jobs WHERE id = $1',
      [jobId],
    );
    return rows[0];
  } finally {
    await owner.end();
  }
}

const ENQUEUE = "SELECT enqueue_tenant_job('export-project', $1::jsonb, $2, NULL, 1, 2) AS id";

const probes: Record<string, () => Promise<void>> = {
  async enqueue_tenant_job() {
    // Work queued in acme's context is acme's, whatever tenant its payload names.
    const [forged] = await asApp<{ id: string }>(acme.id, ENQUEUE, [JSON.stringify({ tenantId: globex.id }), null]);
    expect((await queuedJob(String(forged?.id)))?.payload.tenantId).toBe(acme.id);
    // No tenant in the statement: nothing is queued.
    await expect(asApp(null, ENQUEUE, ['{}', null])).rejects.toThrow(/names no tenant/);
    // acme cannot replace globex's waiting job by using its key: the keys are per tenant.
    const [globexJob] = await asApp<{ id: string }>(globex.id, ENQUEUE, [JSON.stringify({ n: 1 }), 'report']);
    const [acmeJob] = await asApp<{ id: string }>(acme.id, ENQUEUE, [JSON.stringify({ n: 2 }), 'report']);
    expect(acmeJob?.id).not.toBe(globexJob?.id);
    const kept = await queuedJob(String(globexJob?.id));
    expect(kept).toEqual({ payload: { tenantId: globex.id, payload: { n: 1 } }, key: `tenant:${globex.id}:report` });
    // And app_user has no other way into the queue.
    await expect(asApp(acme.id, 'SELECT count(*) FROM graphile_worker.jobs')).rejects.toThrow(/permission denied/);
    await expect(asApp(acme.id, "SELECT graphile_worker.add_job('tenant:export-project', '{}')")).rejects.toThrow(
      /permission denied/,
    );
  },

  async session_workspaces() {
    // The reviewer's attack on user_workspaces(): every user's workspaces from acme's context.
    await expect(asApp(acme.id, 'SELECT u.email, w.slug FROM users u, user_workspaces(u.id) w')).rejects.toThrow(
      /does not exist/,
    );
    const byUserId = await asApp(acme.id, 'SELECT u.email, w.slug FROM users u, session_workspaces(u.id) w');
    expect(byUserId).toEqual([]);
    // Sessions are out of the app role's reach, so their ids cannot be listed to feed it.
    await expect(asApp(acme.id, 'SELECT id FROM sessions')).rejects.toThrow(/permission denied/);
    // The holder of a live session sees its own workspaces, and nothing else.
    const sessionId = await createMainSession(globexOwner.id);
    expect(await asApp(null, 'SELECT slug, role FROM session_workspaces($1)', [sessionId])).toEqual([
      { slug: globex.slug, role: 'owner' },
    ]);
  },

  async api_key_for_hash() {
    // globex's key, asked for from acme's context: only the holder of the secret (whose hash this
    // is) learns its workspace; a guessed hash, or the hash of nothing, learns nothing.
    const { secret } = await createApiKey(tenantDb(globex.id), globexOwner, {
      name: 'probe',
      scopes: ['projects:read'],
      expiresAt: null,
    });
    expect(await asApp(acme.id, 'SELECT * FROM api_key_for_hash($1)', [hashToken(`${secret}x`)])).toEqual([]);
    expect(await asApp(acme.id, "SELECT * FROM api_key_for_hash('')")).toEqual([]);
    const [found] = await asApp<{ tenant_id: string }>(acme.id, 'SELECT * FROM api_key_for_hash($1)', [
      hashToken(secret),
    ]);
    expect(Object.keys(found ?? {}).sort()).toEqual([
      'creator_is_admin',
      'expires_at',
      'key_id',
      'revoked_at',
      'scopes',
      'tenant_id',
    ]);
    expect(found?.tenant_id).toBe(globex.id);
    // The hashes it would need cannot be listed from another workspace.
    expect(await asApp(acme.id, 'SELECT key_hash FROM api_keys')).toEqual([]);
  },

  async custom_domain_workspace() {
    // A claimed but unproven hostname routes nowhere and tells nothing of who claimed it.
    const hostname = `pending.${randomUUID().slice(0, 8)}.example`;
    await tenantDb(globex.id).domain.create({ data: { hostname, verificationToken: 't' } });
    expect(await asApp(acme.id, 'SELECT * FROM custom_domain_workspace($1)', [hostname])).toEqual([]);
  },

  async sso_workspace_for_email_domain() {
    const domain = `${randomUUID().slice(0, 8)}.example`;
    await tenantDb(globex.id).ssoEmailDomain.create({ data: { domain, verificationToken: 't' } });
    expect(await asApp(acme.id, 'SELECT * FROM sso_workspace_for_email_domain($1)', [domain])).toEqual([]);
  },
};

describe('DNS proofs are recorded by auth_user only', () => {
  it('app_user cannot record a DNS verdict for its own claims, so it cannot vouch for a domain', async () => {
    // The reviewer's attack: acme claims an email domain nobody holds (gmail.com, a customer's) and
    // says DNS proved it; or claims globex's custom domain and says it was verified.
    const claim = await tenantDb(acme.id).ssoEmailDomain.create({
      data: { domain: `${randomUUID().slice(0, 8)}.example`, verificationToken: 't' },
    });
    await expect(asApp(acme.id, 'SELECT * FROM record_email_domain_check($1, true, NULL)', [claim.id])).rejects.toThrow(
      /permission denied/,
    );
    const domain = await tenantDb(acme.id).domain.create({
      data: { hostname: `app.${randomUUID().slice(0, 8)}.example`, verificationToken: 't' },
    });
    await expect(
      asApp(acme.id, "SELECT * FROM record_domain_check($1, 'verified', NULL, '{}')", [domain.id]),
    ).rejects.toThrow(/permission denied/);
    expect((await tenantDb(acme.id).ssoEmailDomain.findFirst({ where: { id: claim.id } }))?.verifiedAt).toBeNull();
  });

  it("auth_user naming one workspace still cannot record another workspace's claim", async () => {
    const claim = await tenantDb(globex.id).ssoEmailDomain.create({
      data: { domain: `${randomUUID().slice(0, 8)}.example`, verificationToken: 't' },
    });
    await expect(
      authDbFor(acme.id).$queryRaw`SELECT * FROM record_email_domain_check(${claim.id}::uuid, true, NULL)`,
    ).rejects.toThrow(/not found/);
  });
});

describe('definer functions do not widen a tenant context', () => {
  it('every definer function the app role can execute is reviewed and probed here', async () => {
    const owner = new pg.Client({ connectionString: inject('ownerUrl') });
    await owner.connect();
    try {
      const names = (await owner.query<{ name: string }>(DEFINER_FUNCTIONS_SQL, ['app_user'])).rows.map((r) => r.name);
      expect(names.sort()).toEqual(Object.keys(REVIEWED_DEFINER_FUNCTIONS).sort());
      expect(names.sort()).toEqual(Object.keys(probes).sort());
    } finally {
      await owner.end();
    }
  });

  it.each(Object.keys(probes))('%s answers nothing beyond its review from another tenant', async (name) => {
    await probes[name]?.();
  });
});
