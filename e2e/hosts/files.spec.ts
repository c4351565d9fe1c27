// Task attachments as a member meets them: attach a file from the project page (streamed to
// /api/uploads), see it listed, open it through a member-checked, 60-second link, and find that
// link useless on another workspace's host. A file the task does not accept is refused in words.
import { expect, test } from '@playwright/test';
import { HOSTS_SERVER } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';

const PORT = HOSTS_SERVER.port;
const ACME = `http://acme.localhost:${PORT}`;
const GLOBEX = `http://globex.localhost:${PORT}`;
// Carol is a member of both seeded workspaces.
const CAROL = 'carol@consulting.test';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 0x20), Buffer.from('\n%%EOF\n')]);

test.beforeEach(async ({ context }) => {
  await signInAs(context, HOSTS_SERVER, CAROL, 'acme.localhost');
  await signInAs(context, HOSTS_SERVER, CAROL, 'globex.localhost');
});

test('attach a file to a task, open it, and its link is useless on another host', async ({ page }) => {
  await page.goto(`${ACME}/`);
  await page.getByRole('link', { name: 'Rocket Skates' }).click();
  const task = page.getByTestId('task-Order more rockets');
  await task.getByText('Attach a file').click();
  const name = `launch-plan-${Date.now()}.pdf`;
  await task.getByLabel('File to attach to Order more rockets').setInputFiles({
    name,
    mimeType: 'text/html',
    buffer: PDF,
  });
  await task.getByRole('button', { name: 'Upload' }).click();
  await expect(task.getByText(`Uploaded ${name}.`)).toBeVisible();
  const link = task.getByRole('link', { name });
  await expect(link).toBeVisible();

  // The page's link checks membership and sends the browser on to a short-lived signed link.
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/files\/[0-9a-f-]{36}$/);
  const opened = await page.request.get(`${ACME}${href}`, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  const signed = opened.headers().location ?? '';
  expect(signed).toMatch(/^\/files\/[0-9a-f-]{36}\/download\?expires=\d+&signature=/);

  const download = await page.request.get(`${ACME}${signed}`);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(download.headers()['content-disposition']).toContain(`attachment; filename="${name}"`);

  // The same link on globex's host (where Carol is a member too) opens nothing.
  const elsewhere = await page.request.get(`${GLOBEX}${signed}`);
  expect(elsewhere.status()).toBe(403);
  const byIdElsewhere = await page.request.get(`${GLOBEX}${href}`, { maxRedirects: 0 });
  expect(byIdElsewhere.status()).toBe(404);
});

test('a file the task does not accept is refused with the reason', async ({ page }) => {
  await page.goto(`${ACME}/`);
  await page.getByRole('link', { name: 'Rocket Skates' }).click();
  const task = page.getByTestId('task-Order more rockets');
  await task.getByText('Attach a file').click();
  await task.getByLabel('File to attach to Order more rockets').setInputFiles({
    name: 'tool.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
  });
  await task.getByRole('button', { name: 'Upload' }).click();
  await expect(task.getByText(/^Upload images \(PNG, JPEG, GIF, WebP\), PDF/)).toBeVisible();
  await expect(task.getByRole('link', { name: 'tool.pdf' })).toHaveCount(0);
});
