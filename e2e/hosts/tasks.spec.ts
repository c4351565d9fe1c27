// The example domain as people use it: an admin adds a task, completes it with one click (the box
// flips at once and stays after a reload), filters and searches the list by the URL, and deletes
// the task after confirming in a real dialog; a failed click rolls back with a toast; a member
// sees no delete controls; an admin deletes a project after confirming.
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { asTenant } from '../support/e2e-database';
import { HOSTS_SERVER } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';

const ACME = `http://acme.localhost:${HOSTS_SERVER.port}`;
const CAROL = 'carol@consulting.test'; // admin of acme
const BOB = 'bob@acme.test'; // member of acme

/** A project made through the home page's form, so the workspace's cached counts stay true for
 *  the specs that check them (workspace-counts.spec.ts); tasks may be written directly. */
async function newProject(page: Page, name: string): Promise<string> {
  await page.goto(`${ACME}/`);
  const form = page.locator('#new-project-form');
  await form.getByLabel('New project').fill(name);
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('new-project-form-result')).toHaveText(`Created ${name}.`);
  const [row] = await asTenant<{ id: string }>('acme', 'SELECT id FROM projects WHERE name = $1', [name]);
  if (!row) throw new Error('project not created');
  return row.id;
}

test('create a task, complete it with one click, filter, search, delete it after confirming', async ({
  page,
  context,
}) => {
  await signInAs(context, HOSTS_SERVER, CAROL, 'acme.localhost');
  const projectId = await newProject(page, `Launch ${randomUUID().slice(0, 8)}`);
  const title = `Write the launch post ${randomUUID().slice(0, 6)}`;
  await page.goto(`${ACME}/projects/${projectId}`);

  const form = page.locator('#new-task-form');
  await form.getByLabel('New task').fill(title);
  await form.getByLabel('Assignee').selectOption({ label: 'Bob Brandt' });
  await form.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByTestId('new-task-form-result')).toHaveText(`Added “${title}”.`);
  const task = page.getByTestId(`task-${title}`);
  await expect(task).toContainText('Assigned to Bob Brandt');

  const done = task.getByRole('checkbox', { name: `Done: ${title}` });
  await done.click();
  await expect(done).toBeChecked();
  await expect(task).toContainText('Done');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: `Done: ${title}` })).toBeChecked();

  await page.locator('#task-status').selectOption('todo');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=todo/);
  await expect(page.getByText('No tasks match these filters.')).toBeVisible();
  await page.goto(`${ACME}/projects/${projectId}?status=done&q=${encodeURIComponent('LAUNCH POST')}`);
  await expect(page.getByTestId(`task-${title}`)).toBeVisible();
  await page.goto(`${ACME}/projects/${projectId}?q=nothing-like-it`);
  await expect(page.getByTestId(`task-${title}`)).toHaveCount(0);
  await page.goto(`${ACME}/projects/${projectId}`);

  await page.getByRole('button', { name: `Delete ${title}` }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`Delete “${title}”?`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId(`task-${title}`)).toBeVisible();
  await page.getByRole('button', { name: `Delete ${title}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete task' }).click();
  await expect(page.getByText(`Deleted “${title}”.`)).toBeVisible();
  await expect(page.getByTestId(`task-${title}`)).toHaveCount(0);
  const [left] = await asTenant<{ n: number }>('acme', 'SELECT count(*)::int AS n FROM tasks WHERE title = $1', [
    title,
  ]);
  expect(left?.n).toBe(0);
});

test('a click that fails rolls the checkbox back and says why', async ({ page, context }) => {
  await signInAs(context, HOSTS_SERVER, CAROL, 'acme.localhost');
  const projectId = await newProject(page, `Rollback ${randomUUID().slice(0, 8)}`);
  const title = `Vanishing ${randomUUID().slice(0, 6)}`;
  await asTenant('acme', 'INSERT INTO tasks (id, project_id, title) VALUES (gen_random_uuid(), $1, $2)', [
    projectId,
    title,
  ]);
  await page.goto(`${ACME}/projects/${projectId}`);
  const done = page.getByRole('checkbox', { name: `Done: ${title}` });
  await expect(done).not.toBeChecked();
  // Deleted behind the page's back: the action will find no such task.
  await asTenant('acme', 'DELETE FROM tasks WHERE title = $1', [title]);
  await done.click();
  await expect(page.getByText(`Could not update “${title}”: That task no longer exists.`)).toBeVisible();
  await expect(done).not.toBeChecked();
});

test('a member sees no delete controls; an admin deletes a project after confirming', async ({ browser }) => {
  const name = `Doomed ${randomUUID().slice(0, 8)}`;
  const admin = await browser.newContext();
  await signInAs(admin, HOSTS_SERVER, CAROL, 'acme.localhost');
  const page = await admin.newPage();
  const projectId = await newProject(page, name);
  await asTenant('acme', 'INSERT INTO tasks (id, project_id, title) VALUES (gen_random_uuid(), $1, $2)', [
    projectId,
    'Keep me',
  ]);

  const member = await browser.newContext();
  await signInAs(member, HOSTS_SERVER, BOB, 'acme.localhost');
  const memberPage = await member.newPage();
  await memberPage.goto(`${ACME}/projects/${projectId}`);
  await expect(memberPage.getByRole('checkbox', { name: 'Done: Keep me' })).toBeEnabled();
  await expect(memberPage.getByRole('button', { name: 'Delete Keep me' })).toHaveCount(0);
  await memberPage.goto(`${ACME}/`);
  await expect(memberPage.getByRole('button', { name: `Rename ${name}` })).toBeVisible();
  await expect(memberPage.getByRole('button', { name: `Delete ${name}` })).toHaveCount(0);
  await member.close();

  await page.goto(`${ACME}/`);
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete project' }).click();
  await expect(page.getByText(`Deleted ${name}.`)).toBeVisible();
  await expect(page.getByTestId(`project-${name}`)).toHaveCount(0);
  await admin.close();
});

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('the project page and its dialog pass axe (no serious or critical findings), at desktop and phone widths', async ({
  page,
  context,
}, testInfo) => {
  await signInAs(context, HOSTS_SERVER, CAROL, 'acme.localhost');
  const projectId = await newProject(page, `Accessible ${randomUUID().slice(0, 8)}`);
  for (const [i, title] of ['Plan the offsite', 'Book the venue'].entries()) {
    await asTenant(
      'acme',
      "INSERT INTO tasks (id, project_id, title, position, status, due_on) VALUES (gen_random_uuid(), $1, $2, $3, $4, '2027-03-01')",
      [projectId, title, i, i === 0 ? 'doing' : 'todo'],
    );
  }
  for (const viewport of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`${ACME}/projects/${projectId}`);
    expect(await seriousViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`project-page-${viewport.name}.png`), fullPage: true });
    await page.getByRole('button', { name: 'Delete Book the venue' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    expect(await seriousViolations(page, '[role="alertdialog"]')).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`delete-dialog-${viewport.name}.png`) });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  }
  await page.goto(`${ACME}/`);
  expect(await seriousViolations(page, 'main')).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('projects-list-desktop.png'), fullPage: true });
});

test('a long list pages forward and back by links that keep the filters', async ({ page, context }) => {
  await signInAs(context, HOSTS_SERVER, CAROL, 'acme.localhost');
  const projectId = await newProject(page, `Long ${randomUUID().slice(0, 8)}`);
  await asTenant(
    'acme',
    "INSERT INTO tasks (id, project_id, title, position, status) SELECT gen_random_uuid(), $1, 'Row ' || lpad(n::text, 3, '0'), n, CASE WHEN n % 2 = 0 THEN 'done' ELSE 'todo' END::task_status FROM generate_series(1, 120) AS n",
    [projectId],
  );
  await page.goto(`${ACME}/projects/${projectId}?status=todo`);
  const titles = page.getByRole('list', { name: 'Tasks' }).getByTestId(/^task-Row /);
  await expect(titles).toHaveCount(50);
  await expect(titles.first()).toHaveAttribute('data-testid', 'task-Row 001');
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/status=todo&after=/);
  await expect(titles.first()).toHaveAttribute('data-testid', 'task-Row 101');
  await expect(titles).toHaveCount(10);
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(/status=todo&before=/);
  await expect(titles.first()).toHaveAttribute('data-testid', 'task-Row 001');
  await expect(titles.last()).toHaveAttribute('data-testid', 'task-Row 099');
  await expect(page.getByRole('link', { name: 'Previous page' })).toHaveCount(0);
});
