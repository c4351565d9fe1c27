// Against a real DNS server on 127.0.0.1 and Node's own resolver: wire format, chunked TXT, NXDOMAIN
// versus NODATA and timeouts are the real ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type TestDnsServer } from '../../tests/support/dns-server';
import { checkDomainDns, createDomainResolver, type DomainResolver } from './check-domain-dns';
import { nextStatus } from './next-domain-status';

const TOKEN = 'vt_4f9c2a7e1b8d';
const TARGET = { cname: 'cname.myapp.com', aRecords: ['203.0.113.10', '203.0.113.11'] };

let dns: TestDnsServer;
let resolver: DomainResolver;

beforeAll(async () => {
  dns = await startDnsServer();
  resolver = dns.resolver();
});

afterAll(async () => {
  await dns?.close();
});

const check = (hostname: string) => checkDomainDns(hostname, TOKEN, TARGET, resolver);

describe('checkDomainDns, subdomain with CNAME', () => {
  it('is verified with the TXT token and a CNAME to our target', async () => {
    dns.set('_tenantry-challenge.app.verified.test', 'TXT', [TOKEN]);
    dns.set('app.verified.test', 'CNAME', ['cname.myapp.com']);
    expect(await check('app.verified.test')).toMatchObject({ state: 'verified' });
  });

  it('is pending without the TXT record, and says routing is already right', async () => {
    dns.set('app.no-txt.test', 'CNAME', ['cname.myapp.com']);
    expect(await check('app.no-txt.test')).toEqual({
      state: 'pending',
      reason: expect.stringContaining('No TXT record at _tenantry-challenge.app.no-txt.test'),
      routing: { pointsAtUs: true },
    });
  });

  it('is pending when the TXT record holds another value', async () => {
    dns.set('_tenantry-challenge.app.wrong-txt.test', 'TXT', ['vt_someone_else']);
    dns.set('app.wrong-txt.test', 'CNAME', ['cname.myapp.com']);
    expect(await check('app.wrong-txt.test')).toMatchObject({
      state: 'pending',
      reason: expect.stringContaining('does not contain'),
    });
  });

  it('is pending, not routed, with neither record', async () => {
    expect(await check('app.nothing.test')).toMatchObject({
      state: 'pending',
      routing: { pointsAtUs: false, reason: expect.stringContaining('no CNAME record') },
    });
  });

  it('is misconfigured when the CNAME points elsewhere', async () => {
    dns.set('_tenantry-challenge.app.elsewhere.test', 'TXT', [TOKEN]);
    dns.set('app.elsewhere.test', 'CNAME', ['shops.other-host.net']);
    expect(await check('app.elsewhere.test')).toEqual({
      state: 'misconfigured',
      reason: 'app.elsewhere.test is a CNAME to shops.other-host.net, not to cname.myapp.com.',
    });
  });

  it('follows the issue: TXT present → verified; CNAME gone → misconfigured; TXT wrong → pending', async () => {
    const host = 'shop.lifecycle.test';
    dns.set(`_tenantry-challenge.${host}`, 'TXT', [TOKEN]);
    dns.set(host, 'CNAME', ['cname.myapp.com']);
    const first = nextStatus('pending', await check(host));
    expect(first).toMatchObject({ status: 'verified', changed: true });

    dns.delete(host, 'CNAME');
    const second = nextStatus(first.status, await check(host));
    expect(second).toMatchObject({ status: 'misconfigured', changed: true });
    expect(second.reason).toContain('no CNAME record');

    dns.set(host, 'CNAME', ['cname.myapp.com']);
    dns.set(`_tenantry-challenge.${host}`, 'TXT', ['vt_wrong']);
    expect(await check(host)).toMatchObject({ state: 'pending', routing: { pointsAtUs: true } });
  });

  it('accepts our A records on a subdomain without a CNAME', async () => {
    dns.set('_tenantry-challenge.app.a-records.test', 'TXT', [TOKEN]);
    dns.set('app.a-records.test', 'A', ['203.0.113.11']);
    expect(await check('app.a-records.test')).toMatchObject({ state: 'verified' });
  });
});

describe('checkDomainDns, apex with A records', () => {
  it('is verified when every A record is ours', async () => {
    dns.set('_tenantry-challenge.apex-ok.test', 'TXT', [TOKEN]);
    dns.set('apex-ok.test', 'A', ['203.0.113.10', '203.0.113.11']);
    expect(await check('apex-ok.test')).toMatchObject({ state: 'verified' });
  });

  it('is misconfigured when an A record is not ours', async () => {
    dns.set('_tenantry-challenge.apex-wrong.test', 'TXT', [TOKEN]);
    dns.set('apex-wrong.test', 'A', ['203.0.113.10', '198.51.100.7']);
    expect(await check('apex-wrong.test')).toEqual({
      state: 'misconfigured',
      reason:
        'apex-wrong.test resolves to 203.0.113.10, 198.51.100.7, not to us: it needs A record(s) 203.0.113.10, 203.0.113.11.',
    });
  });

  it('is misconfigured without any A record', async () => {
    dns.set('_tenantry-challenge.apex-bare.test', 'TXT', [TOKEN]);
    expect(await check('apex-bare.test')).toMatchObject({
      state: 'misconfigured',
      reason: expect.stringContaining('apex-bare.test has no A record'),
    });
  });

  it('never routes an apex when we have no A records configured', async () => {
    dns.set('_tenantry-challenge.apex-unconfigured.test', 'TXT', [TOKEN]);
    dns.set('apex-unconfigured.test', 'A', ['203.0.113.10']);
    const noAddresses = { cname: TARGET.cname, aRecords: [] };
    expect(await checkDomainDns('apex-unconfigured.test', TOKEN, noAddresses, resolver)).toMatchObject({
      state: 'misconfigured',
      reason: expect.stringContaining('(none configured)'),
    });
  });
});

describe('checkDomainDns, record details', () => {
  it('joins a TXT record split into chunks', async () => {
    const longToken = `vt_${'x'.repeat(300)}`;
    dns.set('_tenantry-challenge.app.chunked.test', 'TXT', [[longToken.slice(0, 255), longToken.slice(255)]]);
    dns.set('app.chunked.test', 'CNAME', ['cname.myapp.com']);
    expect(await checkDomainDns('app.chunked.test', longToken, TARGET, resolver)).toMatchObject({ state: 'verified' });
  });

  it('finds the token among several TXT records', async () => {
    dns.set('_tenantry-challenge.app.many-txt.test', 'TXT', ['google-site-verification=abc', TOKEN]);
    dns.set('app.many-txt.test', 'CNAME', ['cname.myapp.com']);
    expect(await check('app.many-txt.test')).toMatchObject({ state: 'verified' });
  });

  it('compares host names without regard to case or trailing dots', async () => {
    dns.set('_tenantry-challenge.app.case.test', 'TXT', [TOKEN]);
    dns.set('app.case.test', 'CNAME', ['CNAME.MyApp.com.']);
    const shoutedTarget = { cname: 'Cname.MYAPP.com.', aRecords: TARGET.aRecords };
    expect(await checkDomainDns('App.Case.TEST.', TOKEN, shoutedTarget, resolver)).toMatchObject({ state: 'verified' });
  });

  it('compares the token exactly (it is case-sensitive)', async () => {
    dns.set('_tenantry-challenge.app.token-case.test', 'TXT', [TOKEN.toUpperCase()]);
    dns.set('app.token-case.test', 'CNAME', ['cname.myapp.com']);
    expect(await check('app.token-case.test')).toMatchObject({ state: 'pending' });
  });
});

describe('checkDomainDns, DNS failures', () => {
  it('is unknown on SERVFAIL', async () => {
    dns.set('app.servfail.test', 'CNAME', ['cname.myapp.com']);
    dns.misbehave('_tenantry-challenge.app.servfail.test', 'servfail');
    expect(await check('app.servfail.test')).toEqual({
      state: 'unknown',
      reason: expect.stringContaining('ESERVFAIL'),
    });
  });

  it('is unknown, quickly, when the server does not answer', async () => {
    dns.set('_tenantry-challenge.app.silent.test', 'TXT', [TOKEN]);
    dns.misbehave('app.silent.test', 'silent');
    const boundedResolver = createDomainResolver({ servers: [`127.0.0.1:${dns.port}`], timeoutMs: 200, tries: 1 });
    const started = performance.now();
    const result = await checkDomainDns('app.silent.test', TOKEN, TARGET, boundedResolver);
    expect(result).toEqual({ state: 'unknown', reason: expect.stringContaining('ETIMEOUT') });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('is unknown, quickly, when the DNS server is gone', async () => {
    const stopped = await startDnsServer();
    const resolverOfStopped = createDomainResolver({
      servers: [`127.0.0.1:${stopped.port}`],
      timeoutMs: 200,
      tries: 1,
    });
    await stopped.close();
    const started = performance.now();
    const result = await checkDomainDns('app.verified.test', TOKEN, TARGET, resolverOfStopped);
    expect(result).toMatchObject({ state: 'unknown' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
