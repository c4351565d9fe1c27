// Server actions are public POST endpoints. Each workspace action (members, domains, projects and
// their tasks) is submitted once for real by acme's owner, then the captured request is sent again
// directly: signed out, as a member of another workspace, as a lower role, from another workspace's
// origin, with no Origin, and on another workspace's host. Every replay is refused and no row
// changes in either workspace.
import { expect, test } from '@playwright/test';
import { asAuth, asTenant } from '../support/e2e-database';
import { ACCOUNTS_SERVER, origin } from '../support/e2e-servers';
import { type CapturedAction, captureServerAction, replayServerAction } from '../support/server-action';
import { sessionCookieValue } from '../support/sign-in-as';

const ACME_HOST = 'acme.tenantry.test';
const ACME = origin(ACCOUNTS_SERVER, 'acme');
const GLOBEX_HOST = 'globex.tenantry.test';

const REFUSED = {
  signedOut: 'You are signed out. Sign in again to continue.',
  notMember: 'You are not a member of this workspace.',
  role: 'Your role in this workspace does not allow this.',
  crossSite: 'This form was sent from another site, so it was refused.',
};

// Everything an action could change, per workspace, as the app sees it.
async function snapshot(slug: string): Promise<string> {
  const tables = ['memberships', 'invitations', 'projects', 'tasks', 'domains', 'audit_events'];
  const parts = await Promise.all(
    tables.map((table) =>
      asTenant(slug, `SELECT coalesce(json_agg(t ORDER BY t.id), '[]') AS rows FROM ${table} t`, [], ACCOUNTS_SERVER),
    ),
  );
  return JSON.stringify(parts);
}

async function cookieOf(email: string, host = ACME_HOST): Promise<string> {
  return `tenantry.session=${await sessionCookieValue(ACCOUNTS_SERVER, email, host)}`;
}

test('every workspace action, POSTed directly by the wrong person or from the wrong place, is refused', async ({
  page,
  context,
}) => {
  const stamp = Date.now().toString(36);
  const alice = await cookieOf('alice@acme.test');
  await context.addCookies([
    { name: 'tenantry.session', value: alice.split('=')[1] ?? '', domain: '.tenantry.test', path: '/' },
  ]);
  // A member to remove later, so the remove form exists.
  const [doomedUser] = await asAuth<{ id: string }>(
    ACCOUNTS_SERVER,
    'INSERT INTO users (id, email) VALUES (gen_random_uuid(), $1) RETURNING id',
    [`doomed-${stamp}@acme.test`],
  );
  const [doomed] = await asTenant<{ id: string }>(
    'acme',
    "INSERT INTO memberships (id, user_id, role) VALUES (gen_random_uuid(), $1, 'member') RETURNING id",
    [doomedUser?.id],
    ACCOUNTS_SERVER,
  );
  expect(doomed).toBeDefined();

  const actions: { name: string; adminOnly: boolean; action: CapturedAction }[] = [];
  // Actions whose form names an acme row by id (the others create rows and carry no ids).
  const CARRY_IDS = new Set([
    'revokeInvitation',
    'changeMemberRole',
    'removeMember',
    'removeDomain',
    'createTask',
    'editTask',
    'setTaskDone',
    'moveTask',
    'deleteTask',
    'renameProject',
    'archiveProject',
    'deleteProject',
  ]);
  await page.goto(`${ACME}/`);
  actions.push({
    name: 'createProject',
    adminOnly: false,
    action: await captureServerAction(page, async () => {
      await page.locator('#new-project-form').getByLabel('New project').fill(`Project ${stamp}`);
      await page.locator('#new-project-form').getByRole('button', { name: 'Create' }).click();
    }),
  });
  await expect(page.getByTestId('new-project-form-result')).toContainText('Created');

  // The project's and its task's actions (lib/projects/), on the project just created.
  await page.getByRole('link', { name: `Project ${stamp}` }).click();
  const taskForm = page.locator('#new-task-form');
  await taskForm.getByLabel('New task').fill(`Task ${stamp}`);
  actions.push({
    name: 'createTask',
    adminOnly: false,
    action: await captureServerAction(page, () => taskForm.getByRole('button', { name: 'Add task' }).click()),
  });
  const task = page.getByTestId(`task-Task ${stamp}`);
  await expect(task).toBeVisible();
  actions.push({
    name: 'setTaskDone',
    adminOnly: false,
    action: await captureServerAction(page, () => task.getByRole('checkbox').click()),
  });
  await expect(task.getByRole('checkbox')).toBeChecked();
  actions.push({
    name: 'moveTask',
    adminOnly: false,
    action: await captureServerAction(page, () =>
      task.getByRole('button', { name: `Move Task ${stamp} down` }).click(),
    ),
  });
  await task.getByRole('button', { name: `Edit the title of Task ${stamp}` }).click();
  await task.getByRole('textbox', { name: `Edit the title of Task ${stamp}` }).fill(`Task ${stamp}!`);
  actions.push({
    name: 'editTask',
    adminOnly: false,
    action: await captureServerAction(page, () => task.getByRole('button', { name: 'Save' }).click()),
  });
  const edited = page.getByTestId(`task-Task ${stamp}!`);
  await expect(edited).toBeVisible();
  await edited.getByRole('button', { name: `Delete Task ${stamp}!` }).click();
  actions.push({
    name: 'deleteTask',
    adminOnly: true,
    action: await captureServerAction(page, () =>
      page.getByRole('alertdialog').getByRole('button', { name: 'Delete task' }).click(),
    ),
  });
  await expect(edited).toHaveCount(0);

  await page.goto(`${ACME}/`);
  const project = page.getByTestId(`project-Project ${stamp}`);
  await project.getByRole('button', { name: `Rename Project ${stamp}` }).click();
  await project.getByRole('textbox', { name: `Rename Project ${stamp}` }).fill(`Project ${stamp}!`);
  actions.push({
    name: 'renameProject',
    adminOnly: false,
    action: await captureServerAction(page, () => project.getByRole('button', { name: 'Save' }).click()),
  });
  const renamed = page.getByTestId(`project-Project ${stamp}!`);
  actions.push({
    name: 'archiveProject',
    adminOnly: false,
    action: await captureServerAction(page, () => renamed.getByRole('button', { name: 'Archive' }).click()),
  });
  await expect(renamed).toHaveCount(0);
  await page.goto(`${ACME}/?archived=1`);
  await page.getByRole('button', { name: `Delete Project ${stamp}!` }).click();
  actions.push({
    name: 'deleteProject',
    adminOnly: true,
    action: await captureServerAction(page, () =>
      page.getByRole('alertdialog').getByRole('button', { name: 'Delete project' }).click(),
    ),
  });
  await expect(page.getByTestId(`project-Project ${stamp}!`)).toHaveCount(0);

  await page.goto(`${ACME}/settings/members`);
  const inviteForm = page.locator('#invite-form');
  await inviteForm.getByLabel('Email').fill(`guest-${stamp}@elsewhere.test`);
  actions.push({
    name: 'inviteMember',
    adminOnly: true,
    action: await captureServerAction(page, () => inviteForm.getByRole('button', { name: 'Send invitation' }).click()),
  });
  await expect(page.getByTestId('invite-form-result')).toContainText('Invitation sent');
  const revokeForm = page.locator(`[id="revoke-form-guest-${stamp}@elsewhere.test"]`);
  actions.push({
    name: 'revokeInvitation',
    adminOnly: true,
    action: await captureServerAction(page, () => revokeForm.getByRole('button').click()),
  });
  await expect(page.locator(`[id="revoke-form-guest-${stamp}@elsewhere.test"]`)).toHaveCount(0);
  const roleForm = page.locator('[id="role-form-bob@acme.test"]');
  await roleForm.getByLabel('Role').selectOption('member');
  actions.push({
    name: 'changeMemberRole',
    adminOnly: true,
    action: await captureServerAction(page, () => roleForm.getByRole('button', { name: 'Save' }).click()),
  });
  await page.waitForTimeout(300);
  const removeForm = page.locator(`[id="remove-form-doomed-${stamp}@acme.test"]`);
  actions.push({
    name: 'removeMember',
    adminOnly: true,
    action: await captureServerAction(page, () => removeForm.getByRole('button', { name: 'Remove' }).click()),
  });
  await expect(page.locator(`[id="remove-form-doomed-${stamp}@acme.test"]`)).toHaveCount(0);

  await page.goto(`${ACME}/settings/domains`);
  const addDomain = page.locator('#add-domain-form');
  await addDomain.getByLabel('Domain').fill(`app.${stamp}.example`);
  actions.push({
    name: 'addDomain',
    adminOnly: true,
    action: await captureServerAction(page, () => addDomain.getByRole('button', { name: 'Add domain' }).click()),
  });
  await expect(page.locator(`[data-testid="domain-row"][data-hostname="app.${stamp}.example"]`)).toBeVisible();
  const removeDomain = page.locator(`[id="remove-domain-form-app.${stamp}.example"]`);
  actions.push({
    name: 'removeDomain',
    adminOnly: true,
    action: await captureServerAction(page, () => removeDomain.getByRole('button', { name: 'Remove' }).click()),
  });
  await expect(page.locator(`[data-testid="domain-row"][data-hostname="app.${stamp}.example"]`)).toHaveCount(0);

  const grace = await cookieOf('grace@globex.test', GLOBEX_HOST);
  const bob = await cookieOf('bob@acme.test');
  const before = { acme: await snapshot('acme'), globex: await snapshot('globex') };

  for (const { name, adminOnly, action } of actions) {
    const attempts: { who: string; cookies: string; host?: string; origin?: string | null; expect?: string }[] = [
      { who: 'signed out', cookies: '', expect: REFUSED.signedOut },
      { who: "another workspace's owner", cookies: grace, expect: REFUSED.notMember },
      { who: 'no Origin', cookies: alice, origin: null, expect: REFUSED.crossSite },
      { who: "another workspace's origin", cookies: alice, origin: origin(ACCOUNTS_SERVER, 'globex') },
    ];
    if (adminOnly) attempts.push({ who: 'a member', cookies: bob, expect: REFUSED.role });
    // Acme's ids sent to globex's host by globex's owner: globex's rows only, so nothing to act on.
    if (CARRY_IDS.has(name)) {
      const globex = origin(ACCOUNTS_SERVER, 'globex');
      attempts.push({ who: "acme's ids on globex", cookies: grace, host: new URL(globex).host, origin: globex });
    }
    for (const attempt of attempts) {
      const answer = await replayServerAction(action, attempt);
      if (attempt.expect) expect(answer.text, `${name} / ${attempt.who}`).toContain(attempt.expect);
      expect(answer.status, `${name} / ${attempt.who}`).toBeLessThan(500 + (attempt.expect ? 0 : 100));
    }
  }
  expect(await snapshot('acme')).toBe(before.acme);
  expect(await snapshot('globex')).toBe(before.globex);
});
