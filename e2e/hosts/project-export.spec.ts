// A member exports a project as CSV: the page shows the export waiting and running, the worker that
// `npm start` runs beside the server builds it, and the download is the file; another workspace's
// host gets a 404 for the same link.
import { expect, test } from '@playwright/test';
import { HOSTS_SERVER } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';

const PORT = HOSTS_SERVER.port;
// Carol is a member of both seeded workspaces.
const CAROL = 'carol@consulting.test';

test('a member exports a project and downloads the CSV when it is ready', async ({ page, context }) => {
  await signInAs(context, HOSTS_SERVER, CAROL, 'acme.localhost');
  await signInAs(context, HOSTS_SERVER, CAROL, 'globex.localhost');
  await page.goto(`http://acme.localhost:${PORT}/`);
  await page.getByRole('link', { name: 'Rocket Skates' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rocket Skates');

  await page.getByRole('button', { name: 'Export as CSV' }).click();
  await expect(page.getByTestId('export-project-form-result')).toHaveText(
    'Export started. It appears below when it is ready.',
  );
  // The page follows the job without a reload, until the link appears.
  const download = page.getByRole('link', { name: /Download CSV \(\d+ tasks?\)/ });
  await expect(download).toBeVisible({ timeout: 20_000 });

  const href = await download.getAttribute('href');
  expect(href).toMatch(/^\/projects\/[0-9a-f-]{36}\/exports\/[0-9a-f-]{36}$/);
  // Fetched by the page itself: *.localhost resolves in the browser only.
  const fetchInPage = (path: string) =>
    page.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        body: await response.text(),
      };
    }, path);
  const file = await fetchInPage(href ?? '');
  expect(file.status).toBe(200);
  expect(file.type).toBe('text/csv; charset=utf-8');
  expect(file.disposition).toMatch(/^attachment; filename="Rocket-Skates-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(file.body.split('\r\n')[0]).toBe('title,status,created_at');
  expect(file.body).toContain('Order more rockets');

  // The same link on globex's host (Carol is a member there too) is acme's file nowhere.
  await page.goto(`http://globex.localhost:${PORT}/`);
  const fromGlobex = await fetchInPage(href ?? '');
  expect(fromGlobex.status).toBe(404);
  expect(fromGlobex.body).not.toContain('Order more rockets');
});
