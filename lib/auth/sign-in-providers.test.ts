// OAuth providers switch on by environment; password and magic link are always there.
import { expect, it } from 'vitest';

Object.assign(process.env, { GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 'secret', GOOGLE_CLIENT_ID: 'only-half' });
const { signInProviders } = await import('./sign-in-providers');

it('offers password and magic link, and each OAuth provider whose id and secret are both set', () => {
  expect(signInProviders().map((provider) => provider.id)).toEqual(['password', 'email', 'github']);
});
