// The frame around every workspace page (docs/decisions/027): on a phone the links fold behind a
// menu button; the switcher lists every workspace of the person with its host; the theme follows
// the system and the toggle; a skip link reaches the content; pricing comes from the plan table.
import { expect, test } from '@playwright/test';
import { HOSTS_SERVER } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';

const ACME = `http://acme.localhost:${HOSTS_SERVER.port}`;
// Carol is a member of both seeded workspaces.
const CAROL = 'carol@consulting.test';

test.beforeEach(async ({ context }) => {
  await signInAs(context, HOSTS_SERVER, CAROL, 'acme.localhost');
});

test('on a phone the links fold behind a menu button that opens and closes them', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${ACME}/`);
  const members = page.getByRole('link', { name: 'Members' });
  await expect(members).toBeHidden();
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await members.click();
  await page.waitForURL(`${ACME}/settings/members`);
  await expect(page.getByRole('link', { name: 'Projects' })).toBeHidden(); // closed again by the navigation
});

test('at desktop width the links are a row and there is no menu button', async ({ page }) => {
  await page.goto(`${ACME}/`);
  await expect(page.getByRole('link', { name: 'Members' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
});

test('the switcher lists every workspace with its host, marks this one, and offers a new one', async ({ page }) => {
  await page.goto(`${ACME}/`);
  await page.getByTestId('switcher').click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveCount(3);
  await expect(menu.getByRole('menuitem', { name: /Acme Inc\..*acme\.localhost/ })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(menu.getByRole('menuitem', { name: /Globex Corporation.*globex\.localhost/ })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Create a workspace' })).toHaveAttribute(
    'href',
    /\/account#new-workspace$/,
  );
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(page.getByTestId('switcher')).toBeFocused();
});

test('the theme follows the system until the toggle chooses one, and the choice stays', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${ACME}/`);
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();

  await page.locator('[data-testid=theme-toggle]:visible').selectOption('light');
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  expect(await background()).not.toBe(dark);
  await page.reload();
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/); // the choice outranks the system
  await expect(page.locator('[data-testid=theme-toggle]:visible')).toHaveValue('light');
});

test('a skip link is the first stop of the keyboard and reaches the content', async ({ page }) => {
  await page.goto(`${ACME}/`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#content')).toBeFocused();
});

test("the home page shows usage against the plan's limits as meters, and what is due soon", async ({ page }) => {
  await page.goto(`${ACME}/`);
  const meters = page.getByRole('meter');
  await expect(meters).toHaveCount(3);
  await expect(page.getByRole('meter', { name: 'Members' })).toHaveAttribute('aria-valuetext', /^\d+ of 50$/);
  await expect(page.getByRole('heading', { name: 'Due soon' })).toBeVisible();
});

test('the pricing page shows each plan with its limits from the plan table', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Pricing' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pricing');
  const plans = page.getByTestId('plans').getByRole('listitem');
  await expect(plans).toHaveCount(2);
  await expect(plans.first()).toContainText('Free');
  await expect(plans.first()).toContainText('$0');
  await expect(plans.nth(1)).toContainText('Pro');
  await expect(plans.nth(1)).toContainText('6,000');
});
