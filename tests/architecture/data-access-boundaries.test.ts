// Which code may reach which database client. The bypass role (platformDb) is for platform
// administration only, and the raw Prisma client and the tenant context stay inside lib/db, so
// that tenant routes can only use tenantDb and globalDb.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files';

const APP_CODE = ['app', 'components', 'lib', 'proxy.ts'];

async function importersOf(pattern: RegExp, allowedDir?: string): Promise<string[]> {
  const files = (await Promise.all(APP_CODE.map(sourceFiles))).flat();
  const offenders: string[] = [];
  for (const file of files) {
    if (file.endsWith('.test.ts')) continue;
    if (allowedDir && file.startsWith(path.join(ROOT, allowedDir) + path.sep)) continue;
    if (pattern.test(await readFile(file, 'utf8'))) offenders.push(path.relative(ROOT, file));
  }
  return offenders;
}

describe('data access boundaries', () => {
  it('no application code imports the BYPASSRLS platform client', async () => {
    expect(await importersOf(/from ['"][^'"]*platform-db['"]/, 'lib/db')).toEqual([]);
  });

  it('only sign-in code and the domain check’s recorder use the credentials client (auth_user)', async () => {
    const importers = await importersOf(/from ['"][^'"]*db\/auth-db['"]/, 'lib/db');
    const allowed = /^lib\/(auth|accounts|sso)\/|^lib\/domains\/record-domain-check\.ts$/;
    expect(importers.filter((file) => !allowed.test(file))).toEqual([]);
  });

  it('only billing code uses the billing client (billing_user)', async () => {
    const importers = await importersOf(/from ['"][^'"]*db\/billing-db['"]/, 'lib/db');
    expect(importers.filter((file) => !file.startsWith('lib/billing/'))).toEqual([]);
  });

  it('the raw Prisma client and the tenant context are used only inside lib/db', async () => {
    expect(await importersOf(/from ['"][^'"]*db\/(prisma|tenant-context|tenant-scope)['"]/, 'lib/db')).toEqual([]);
  });

  it('nothing imports the generated client directly outside lib/db and prisma/', async () => {
    expect(await importersOf(/from ['"][^'"]*generated\/prisma\/client['"]/, 'lib/db')).toEqual([]);
  });
});
