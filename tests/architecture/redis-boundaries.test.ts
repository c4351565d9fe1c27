// Who may talk to Redis, and how cache keys are made. Only lib/cache and lib/rate-limit hold a
// Redis client; everything else caches through tenantCache(tenantId), which builds every key from
// the prefix, the checked tenant id and an entry name, so no code can write a raw or unprefixed key
// (one that could be another tenant's). And every writer of projects, tasks or memberships forgets
// the workspace's cached counts, or says here why it need not.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files';

const CODE = ['app', 'components', 'lib', 'scripts', 'bench', 'prisma', 'proxy.ts', 'instrumentation.ts'];

/** The code without its comments (which may show examples), roughly: enough for these checks. */
const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/** Non-test source files (relative paths) whose code matches `pattern`. */
async function filesMatching(pattern: RegExp): Promise<string[]> {
  const files = (await Promise.all(CODE.map(sourceFiles))).flat();
  const matching: string[] = [];
  for (const file of files) {
    if (file.endsWith('.test.ts')) continue;
    if (pattern.test(withoutComments(await readFile(file, 'utf8')))) matching.push(path.relative(ROOT, file));
  }
  return matching.sort();
}

const PREFIX_READ = /\.REDIS_KEY_PREFIX\b|\bREDIS_KEY_PREFIX\s*[,}]/;

const inside =
  (...dirs: string[]) =>
  (file: string) =>
    dirs.some((dir) => file.startsWith(`${dir}/`));
const outside =
  (...dirs: string[]) =>
  (file: string) =>
    !inside(...dirs)(file);

describe('Redis boundaries', () => {
  it('only lib/cache and lib/rate-limit import a Redis client library', async () => {
    const importers = await filesMatching(/from ['"](ioredis|redis|@redis\/[^'"]+|rate-limiter-flexible)['"]/);
    expect(importers.filter(outside('lib/cache', 'lib/rate-limit'))).toEqual([]);
  });

  it('their connections and stores are used only inside their own folders', async () => {
    const cache = await filesMatching(
      /from ['"][^'"]*cache\/(cache-redis-connection|redis-cache-store|memory-cache-store)['"]/,
    );
    expect(cache.filter(outside('lib/cache', 'bench'))).toEqual([]); // the benchmark compares the stores
    const rateLimit = await filesMatching(/from ['"][^'"]*rate-limit\/redis-connection['"]/);
    expect(rateLimit.filter(outside('lib/rate-limit'))).toEqual([]);
  });

  it('no code outside the two builds a key from the Redis prefix', async () => {
    // Reading the prefix (env().REDIS_KEY_PREFIX, or destructured); setting it for a child is fine.
    const readers = await filesMatching(PREFIX_READ);
    expect(readers.filter((file) => file !== 'lib/env.ts' && outside('lib/cache', 'lib/rate-limit')(file))).toEqual([]);
  });

  it('inside lib/cache, only tenantCache makes a key', async () => {
    const keyMakers = await filesMatching(new RegExp(`as TenantCacheKey|${PREFIX_READ.source}`));
    expect(keyMakers.filter(inside('lib/cache'))).toEqual(['lib/cache/tenant-cache.ts']);
  });
});

// Writers that need not forget the counts, and why.
const COUNTS_NEED_NO_FORGETTING: Record<string, string> = {
  'lib/workspaces/create-workspace.ts': 'a new workspace: nothing of it is cached yet',
  'lib/scim/sync-membership.ts': 'runs inside its callers’ transactions; they forget after commit',
  'lib/scim/resync-scim-users.ts': 'runs inside its callers’ transactions; they forget after commit',
  'lib/projects/rename-project.ts': 'a name changes no count',
  'lib/projects/archive-project.ts': 'an archived project still counts (and counts against the plan)',
  'lib/projects/move-task.ts': 'an order changes no count',
};

describe('the workspace home’s cached counts', () => {
  it('are forgotten by every writer of projects, tasks or memberships', async () => {
    const writes =
      /\b(project|task|membership)\.(create|createMany|createManyAndReturn|delete|deleteMany|upsert|update|updateMany)\(|\b(INSERT INTO|DELETE FROM|UPDATE)\s+(projects|tasks|memberships)\b|\b(syncMembership|resyncScimUsers)\(/;
    const writers = (await filesMatching(writes)).filter(outside('prisma', 'scripts', 'bench'));
    const forgetting = new Set(await filesMatching(/\bforgetWorkspaceCounts\(/));
    const forgetful = writers.filter((file) => !forgetting.has(file) && !(file in COUNTS_NEED_NO_FORGETTING));
    // A role change counts nothing: that writer is listed by name, so a new writer is noticed.
    expect(forgetful.sort()).toEqual(['lib/members/change-member-role.ts']);
  });
});
