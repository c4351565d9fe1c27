import { describe, expect, it } from 'vitest';
import { classifyHost, normalizeHost } from './classify-host';

const OPTIONS = { rootDomain: 'myapp.com' };

describe('classifyHost', () => {
  it.each([
    ['myapp.com', { kind: 'root' }],
    ['www.myapp.com', { kind: 'root' }],
    ['MyApp.COM:443', { kind: 'root' }],
    ['acme.myapp.com', { kind: 'tenant', slug: 'acme' }],
    ['ACME.myapp.com.', { kind: 'tenant', slug: 'acme' }],
    ['acme.myapp.com:3000', { kind: 'tenant', slug: 'acme' }],
    ['api.myapp.com', { kind: 'reserved', label: 'api' }],
    ['WWW.acme.myapp.com', { kind: 'invalid' }],
    ['a.b.myapp.com', { kind: 'invalid' }],
    ['app.acme-corp.com', { kind: 'custom', host: 'app.acme-corp.com' }],
    ['evilmyapp.com', { kind: 'custom', host: 'evilmyapp.com' }],
    ['myapp.com.evil.com', { kind: 'custom', host: 'myapp.com.evil.com' }],
    ['', { kind: 'invalid' }],
    ['.', { kind: 'invalid' }],
    ['acme..myapp.com', { kind: 'invalid' }],
    ['acme.myapp.com..', { kind: 'invalid' }],
    ['-acme.myapp.com', { kind: 'invalid' }],
    ['acme-.myapp.com', { kind: 'invalid' }],
    ['acme_.myapp.com', { kind: 'invalid' }],
    ['acme.myapp.com:abc', { kind: 'invalid' }],
    ['acme.myapp.com:', { kind: 'invalid' }],
    [`${'a'.repeat(64)}.myapp.com`, { kind: 'invalid' }],
    [`${'a.'.repeat(130)}myapp.com`, { kind: 'invalid' }],
    ['acme.myapp.com/../x', { kind: 'invalid' }],
    ['acme.myapp.com\\x', { kind: 'invalid' }],
    ['user@acme.myapp.com', { kind: 'invalid' }],
    [' acme.myapp.com', { kind: 'invalid' }],
    ['acme.myapp.com\r\nX-Injected: 1', { kind: 'invalid' }],
    ['[::1]:3000', { kind: 'invalid' }],
  ])('%j → %o', (host, expected) => {
    expect(classifyHost(host, OPTIONS)).toEqual(expected);
  });

  it('refuses punycode and look-alike workspace names', () => {
    // "аcme" with a Cyrillic а, as a browser sends it (punycode) and as Unicode.
    expect(classifyHost('xn--cme-5cd.myapp.com', OPTIONS)).toEqual({ kind: 'invalid' });
    expect(classifyHost('\u0430cme.myapp.com', OPTIONS)).toEqual({ kind: 'invalid' });
    expect(classifyHost('ab--cd.myapp.com', OPTIONS)).toEqual({ kind: 'invalid' });
  });

  it('treats an internationalised custom domain in its ASCII form', () => {
    expect(classifyHost('app.münchen.de', OPTIONS)).toEqual({ kind: 'custom', host: 'app.xn--mnchen-3ya.de' });
    // A look-alike of our root is just someone else's domain: it routes only if verified.
    expect(classifyHost('myаpp.com', OPTIONS)).toEqual({ kind: 'custom', host: 'xn--mypp-63d.com' });
  });

  it('works for the development root, localhost', () => {
    const dev = { rootDomain: 'localhost' };
    expect(classifyHost('acme.localhost:3000', dev)).toEqual({ kind: 'tenant', slug: 'acme' });
    expect(classifyHost('localhost:3000', dev)).toEqual({ kind: 'root' });
  });

  it('accepts Vercel preview hosts only when enabled', () => {
    const host = 'acme---feature-x.myproject.vercel.app';
    expect(classifyHost(host, { ...OPTIONS, vercelPreviews: true })).toEqual({ kind: 'tenant', slug: 'acme' });
    expect(classifyHost(host, OPTIONS)).toEqual({ kind: 'custom', host });
    expect(classifyHost('api---x.p.vercel.app', { ...OPTIONS, vercelPreviews: true })).toEqual({
      kind: 'reserved',
      label: 'api',
    });
  });

  it('rejects missing and absurd values', () => {
    expect(normalizeHost(null)).toBeNull();
    expect(normalizeHost(undefined)).toBeNull();
    expect(normalizeHost('x'.repeat(300))).toBeNull();
  });
});

describe('the platform’s DNS names', () => {
  it('the default CNAME target of custom domains is a reserved subdomain, not a workspace', () => {
    expect(classifyHost('cname.myapp.com', OPTIONS)).toEqual({ kind: 'reserved', label: 'cname' });
  });
});
