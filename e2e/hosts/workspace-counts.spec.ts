// The workspace home's counts as a member sees them (docs/decisions/023): served from the tenant
// cache (a project written behind the app's back does not show), and a project created through the
// form shows at once, because creating it forgot the cached counts. Each workspace sees its own.
import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { asTenant } from '../support/e2e-database';
import { HOSTS_SERVER } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';

const ACME = `http://acme.localhost:${HOSTS_SERVER.port}`;
const GLOBEX = `http://globex.localhost:${HOSTS_SERVER.port}`;

async function projectCount(page: Page): Promise<number> {
  const tile = page.locator('#workspace-counts > div', { hasText: 'Projects' });
  return Number(await tile.locator('dd').textContent());
}

async function tableCount(slug: string): Promise<number> {
  const [row] = await asTenant<{ n: number }>(slug, 'SELECT count(*)::int AS n FROM projects');
  return row?.n ?? 0;
}

test('counts come from the cache and follow a project created through the form', async ({ page, context }) => {
  await signInAs(context, HOSTS_SERVER, 'alice@acme.test', 'acme.localhost');
  await signInAs(context, HOSTS_SERVER, 'carol@consulting.test', 'globex.localhost');
  await page.goto(`${ACME}/`);
  const before = await projectCount(page);
  expect(before).toBe(await tableCount('acme'));
  await page.goto(`${GLOBEX}/`);
  expect(await projectCount(page)).toBe(await tableCount('globex'));

  // Behind the app's back: the cached count stays.
  await asTenant('acme', 'INSERT INTO projects (id, name) VALUES (gen_random_uuid(), $1)', [
    `quiet ${randomUUID().slice(0, 8)}`,
  ]);
  await page.goto(`${ACME}/`);
  expect(await projectCount(page)).toBe(before);

  const form = page.locator('#new-project-form');
  await form.getByLabel('New project').fill(`Counted ${randomUUID().slice(0, 8)}`);
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('new-project-form-result')).toContainText('Created');
  await expect(page.locator('#workspace-counts > div', { hasText: 'Projects' }).locator('dd')).toHaveText(
    String(before + 2),
  );
  await page.goto(`${GLOBEX}/`);
  expect(await projectCount(page)).toBe(await tableCount('globex'));
});
