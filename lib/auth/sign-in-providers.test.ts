// OAuth providers switch on by environment; password and magic link are always there.
import { expect, it } from 'vitest';

Object.assign(process.env, { GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 'secret', GOOGLE_CLIENT_ID: 'only-half' });
const { signInProviders } = await import('./sign-in-providers');

it('offers password and magic link, and each OAuth provider whose id and secret are both set', () => {
  // next-auth applies a provider's own options (our id "password") over its defaults when it loads them.
  const ids = signInProviders().map((provider) => {
    const options: unknown = 'options' in provider ? provider.options : undefined;
    return typeof options === 'object' && options && 'id' in options ? String(options.id) : provider.id;
  });
  expect(ids).toEqual(['password', 'email', 'github']);
});
