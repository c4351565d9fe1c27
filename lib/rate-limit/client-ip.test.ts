import { describe, expect, it } from 'vitest';
import { clientIpFrom, UNKNOWN_CLIENT } from './client-ip';

describe('clientIpFrom', () => {
  it.each([
    // [X-Forwarded-For, trusted hops, the network counted]
    ['203.0.113.7', 0, '203.0.113.7'], // next start, no proxy: the socket's address Next.js wrote
    ['::ffff:127.0.0.1', 0, '127.0.0.1'],
    ['10.9.9.9, 203.0.113.7', 1, '203.0.113.7'], // a client's own entry before our proxy's is ignored
    ['6.6.6.6, 203.0.113.7, 10.0.0.2', 2, '203.0.113.7'], // CDN then load balancer
    ['203.0.113.7:5555', 1, '203.0.113.7'],
    ['2001:db8:aa:bb:1:2:3:4', 1, '2001:db8:aa:bb::/64'],
    ['[2001:db8:aa:bb::9]:443', 1, '2001:db8:aa:bb::/64'],
    ['2001:db8::1', 1, '2001:db8:0:0::/64'],
    ['not an address', 1, UNKNOWN_CLIENT],
    ['', 1, UNKNOWN_CLIENT],
    [null, 0, UNKNOWN_CLIENT],
    ['203.0.113.7', 3, UNKNOWN_CLIENT], // fewer entries than declared proxies: nothing to trust
  ] as const)('%s with %i hops → %s', (header, hops, expected) => {
    expect(clientIpFrom(header, hops)).toBe(expected);
  });

  it('reads a header next-auth hands over as several values', () => {
    expect(clientIpFrom(['6.6.6.6', '203.0.113.7'], 1)).toBe('203.0.113.7');
  });
});
