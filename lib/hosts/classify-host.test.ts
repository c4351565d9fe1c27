import { describe, expect, it } from 'vitest';
import { classifyHost, normalizeHost } from './classify-host';

const ROOT = 'myapp.com';

describe('classifyHost', () => {
  it.each([
    ['myapp.com', { kind: 'root' }],
    ['www.myapp.com', { kind: 'root' }],
    ['MyApp.COM:443', { kind: 'root' }],
    ['acme.myapp.com', { kind: 'tenant', slug: 'acme' }],
    ['ACME.myapp.com.', { kind: 'tenant', slug: 'acme' }],
    ['acme.myapp.com:3000', { kind: 'tenant', slug: 'acme' }],
    ['api.myapp.com', { kind: 'reserved', label: 'api' }],
    ['a.b.myapp.com', { kind: 'invalid' }],
    ['app.acme-corp.com', { kind: 'custom', host: 'app.acme-corp.com' }],
    ['evilmyapp.com', { kind: 'custom', host: 'evilmyapp.com' }],
    ['', { kind: 'invalid' }],
    ['acme..myapp.com', { kind: 'invalid' }],
    ['-acme.myapp.com', { kind: 'invalid' }],
    ['acme_.myapp.com', { kind: 'invalid' }],
    ['acme.myapp.com:abc', { kind: 'invalid' }],
    [`${'a'.repeat(64)}.myapp.com`, { kind: 'invalid' }],
    ['acme.myapp.com/../x', { kind: 'invalid' }],
  ])('%s → %o', (host, expected) => {
    expect(classifyHost(host, ROOT)).toEqual(expected);
  });

  it('works for the development root, localhost', () => {
    expect(classifyHost('acme.localhost:3000', 'localhost')).toEqual({ kind: 'tenant', slug: 'acme' });
    expect(classifyHost('localhost:3000', 'localhost')).toEqual({ kind: 'root' });
  });

  it('rejects missing and absurd values', () => {
    expect(normalizeHost(null)).toBeNull();
    expect(normalizeHost('x'.repeat(300))).toBeNull();
  });
});
