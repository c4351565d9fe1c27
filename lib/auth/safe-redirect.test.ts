// Open redirects through callback URLs and `next` paths (THREATS.md, Accounts): table-tested.
import { describe, expect, it } from 'vitest';

// Before anything reads the environment (lib/env caches it per test file).
Object.assign(process.env, { ROOT_DOMAIN: 'myapp.test', APP_URL: 'https://myapp.test' });
const { safeCallbackUrl, safeNextPath } = await import('./safe-redirect');
const { cookieCoversHost, sessionCookieOptions, sessionCookieName } = await import('./session-cookie');
const { signInUrlFor } = await import('./sign-in-url');

describe('safeCallbackUrl', () => {
  it.each([
    ['https://myapp.test/account', 'https://myapp.test/account'],
    ['https://acme.myapp.test/projects/1?x=1', 'https://acme.myapp.test/projects/1?x=1'],
    ['/account', 'https://myapp.test/account'],
  ])('keeps %s', (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    'https://myapp.test.evil.example/',
    'https://evilmyapp.test/',
    'http://acme.myapp.test/', // another scheme
    'https://acme.myapp.test:8443/', // another port
    'https://user:pass@acme.myapp.test/',
    'https://api.myapp.test/', // reserved, never a workspace
    'https://xn--cme-8cd.myapp.test/', // look-alike
    'https://app.acme-corp.com/', // custom domains go through a handoff, never a direct redirect
    'javascript:alert(1)',
    'http://[::1',
    '',
    undefined,
  ])('sends %s to the root instead', (raw) => {
    expect(safeCallbackUrl(raw)).toBe('https://myapp.test/');
  });
});

describe('safeNextPath', () => {
  it.each(['/', '/projects/1', '/invite/abc?x=1#y'])('keeps %s', (path) => {
    expect(safeNextPath(path)).toBe(path);
  });
  it.each([
    '',
    'projects',
    '//evil.example',
    '/\\evil.example',
    '/a\\b',
    '/a\nb',
    'https://evil.example/',
    `/${'a'.repeat(2001)}`,
    null,
  ])('replaces %j with /', (path) => {
    expect(safeNextPath(path)).toBe('/');
  });
});

describe('the session cookie on a real root domain', () => {
  it('covers the root and its subdomains, not custom domains or look-alike suffixes', () => {
    expect(cookieCoversHost('myapp.test')).toBe(true);
    expect(cookieCoversHost('acme.myapp.test')).toBe(true);
    expect(cookieCoversHost('app.acme-corp.com')).toBe(false);
    expect(cookieCoversHost('evilmyapp.test')).toBe(false);
  });

  it('is secure, http-only, Lax, shared by domain on covered hosts and host-only elsewhere', () => {
    expect(sessionCookieName('acme.myapp.test')).toBe('__Secure-tenantry.session');
    expect(sessionCookieName('app.acme-corp.com')).toBe('__Host-tenantry.session');
    expect(sessionCookieOptions('acme.myapp.test')).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: true,
      domain: 'myapp.test',
    });
    expect(sessionCookieOptions('app.acme-corp.com').domain).toBeUndefined();
  });

  it('sends covered hosts to the root sign-in and other hosts to their own handoff start', () => {
    expect(signInUrlFor('acme.myapp.test', '/settings/members')).toBe(
      'https://myapp.test/signin?callbackUrl=https%3A%2F%2Facme.myapp.test%2Fsettings%2Fmembers',
    );
    expect(signInUrlFor('app.acme-corp.com', '//evil.example')).toBe('https://app.acme-corp.com/auth/start?next=%2F');
  });
});
