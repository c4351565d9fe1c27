import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isPublicAddress, publicAddressLookup, resolvesToPublicAddresses } from './public-address';

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
    ['::ffff:7f00:1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['2002:a9fe:a9fe::', false],
    ['2001:0:4136:e378::1', false],
    ['2001:db8::1', false],
    ['192.0.2.10', false],
    ['203.0.113.7', false],
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

describe('publicAddressLookup', () => {
  it('refuses, at connection time, a host that resolves to a non-public address', async () => {
    const answer = await new Promise<{ error: NodeJS.ErrnoException | null }>((resolve) =>
      publicAddressLookup('localhost', {}, (error) => resolve({ error })),
    );
    expect(answer.error?.message).toContain('does not resolve to a public address');
  });

  it('works as http.request’s lookup: the request never connects', async () => {
    const server = createServer((_request, response) => response.end('reached'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const outcome = await new Promise<string>((resolve) => {
        const request = httpRequest({ host: 'localhost', port, lookup: publicAddressLookup }, () =>
          resolve('connected'),
        );
        request.on('error', (error) => resolve(error.message));
        request.end();
      });
      expect(outcome).toContain('does not resolve to a public address');
    } finally {
      server.close();
    }
  });
});
