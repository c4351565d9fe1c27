import { describe, expect, it } from 'vitest';
import { isPublicAddress, resolvesToPublicAddresses } from './public-address';

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['2001:4860:4860::8888', true],
    ['127.0.0.1', false],
    ['10.20.30.40', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['::', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['not-an-ip', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('resolvesToPublicAddresses', () => {
  it('refuses loopback names and literals, and names that do not resolve', async () => {
    expect(await resolvesToPublicAddresses('localhost')).toBe(false);
    expect(await resolvesToPublicAddresses('127.0.0.1')).toBe(false);
    expect(await resolvesToPublicAddresses('[::1]')).toBe(false);
    expect(await resolvesToPublicAddresses('does-not-exist.invalid')).toBe(false);
    expect(await resolvesToPublicAddresses('93.184.215.14')).toBe(true);
  });
});
