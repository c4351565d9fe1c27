// Task attachments as a member meets them: attach a file from the project page (streamed to
// /api/uploads), see it listed, open it through a member-checked, 60-second link, and find that
// link useless on another workspace's host. A file the task does not accept is refused in words.
import { request as httpRequest } from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import { asTenant } from '../support/e2e-database';
import { HOSTS_SERVER } from '../support/e2e-servers';
import { sessionCookieValue, signInAs } from '../support/sign-in-as';

const PORT = HOSTS_SERVER.port;
const ACME = `http://acme.localhost:${PORT}`;
const GLOBEX = `http://globex.localhost:${PORT}`;
// Carol is a member of both seeded workspaces.
const CAROL = 'carol@consulting.test';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 0x20), Buffer.from('\n%%EOF\n')]);

/** A GET from the page itself (its cookies, its host), following redirects. */
async function browserGet(page: Page, path: string) {
  return page.evaluate(async (target) => {
    const response = await fetch(target);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      url: response.url,
      contentType: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      body: Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''),
    };
  }, path);
}

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

  // The page's link checks membership and sends the browser on (303) to a short-lived signed link.
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/files\/[0-9a-f-]{36}$/);
  const opened = await browserGet(page, href);
  expect(opened.status).toBe(200);
  const signed = new URL(opened.url).pathname + new URL(opened.url).search;
  expect(signed).toMatch(/^\/files\/[0-9a-f-]{36}\/download\?expires=\d+&signature=/);
  expect(opened.body).toBe(PDF.toString('latin1'));
  expect(opened.contentType).toBe('application/pdf');
  expect(opened.disposition).toContain(`attachment; filename="${name}"`);

  // The same link on globex's host (where Carol is a member too) opens nothing, nor does the id.
  await page.goto(`${GLOBEX}/`);
  expect((await browserGet(page, signed)).status).toBe(403);
  expect((await browserGet(page, href)).status).toBe(404);
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

test('an endless upload through the real server is refused after a bounded read, not buffered', async () => {
  // Straight to the server (Node cannot resolve acme.localhost; the Host header says it), from
  // Carol's page origin with her session, chunked: no Content-Length to refuse early on.
  const cookie = await sessionCookieValue(HOSTS_SERVER, CAROL, 'acme.localhost');
  const [task] = await asTenant<{ id: string }>('acme', "SELECT id FROM tasks WHERE title = 'Order more rockets'");
  const taskId = task?.id ?? '';
  const outcome = await new Promise<{ status: number; sentBytes: number; body: string }>((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const upload = httpRequest(
      {
        host: '127.0.0.1',
        port: PORT,
        method: 'POST',
        path: `/api/uploads?purpose=task-attachment&taskId=${taskId}`,
        headers: {
          host: `acme.localhost:${PORT}`,
          origin: ACME,
          cookie: `tenantry.session=${cookie}`,
          'x-file-name': 'endless.pdf',
        },
      },
      (response) => {
        answered = true;
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, sentBytes, body }));
      },
    );
    upload.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    Buffer.from('%PDF-1.4\n').copy(chunk);
    const pump = () => {
      // Give up at 200 MB: a server that buffers would still be reading.
      while (!answered && sentBytes < 200 * 1024 * 1024) {
        sentBytes += chunk.length;
        if (!upload.write(chunk)) return upload.once('drain', pump);
      }
      if (!answered) upload.end();
    };
    pump();
  });
  expect(outcome.status).toBe(413);
  expect(JSON.parse(outcome.body)).toEqual({ error: 'Files can be at most 10 MB.' });
  // Socket buffers hold a few MB beyond what the server read; a buffering server would have read all.
  expect(outcome.sentBytes).toBeLessThan(40 * 1024 * 1024);
});

test("an owner sets the workspace logo; it shows in the header through a member's link", async ({ page, context }) => {
  await signInAs(context, HOSTS_SERVER, 'alice@acme.test', 'acme.localhost');
  await page.goto(`${ACME}/settings/workspace`);
  await expect(page.getByText('No logo yet.')).toBeVisible();
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a10000000049454e44ae426082',
    'hex',
  );
  await page.getByLabel('Logo image').setInputFiles({ name: 'acme.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByText('Uploaded acme.png.')).toBeVisible();
  const logo = page.getByRole('img', { name: 'Acme Inc. logo' });
  await expect(logo).toBeVisible();
  await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);
  const header = page.locator('header img');
  await expect.poll(() => header.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);
});
