import { describe, expect, it } from 'vitest';
import { challengeRecordName, isApexHostname, requiredRecords } from './dns-records';

const TARGET = { cname: 'cname.myapp.com', aRecords: ['76.76.21.21', '76.76.21.22'] };

describe('requiredRecords', () => {
  it('asks a subdomain for the TXT challenge and one CNAME to our target', () => {
    expect(requiredRecords('app.acme-corp.com', 'tok-123', TARGET)).toEqual([
      { type: 'TXT', name: '_tenantry-challenge.app.acme-corp.com', value: 'tok-123' },
      { type: 'CNAME', name: 'app.acme-corp.com', value: 'cname.myapp.com' },
    ]);
  });

  it('asks an apex for the TXT challenge and one A record per address of ours', () => {
    expect(requiredRecords('acme-corp.com', 'tok-123', TARGET)).toEqual([
      { type: 'TXT', name: '_tenantry-challenge.acme-corp.com', value: 'tok-123' },
      { type: 'A', name: 'acme-corp.com', value: '76.76.21.21' },
      { type: 'A', name: 'acme-corp.com', value: '76.76.21.22' },
    ]);
  });

  it('normalises case and trailing dots of the host and the target', () => {
    expect(requiredRecords('App.Acme-Corp.COM.', 'Tok', { cname: 'CNAME.MyApp.com.', aRecords: [] })).toEqual([
      { type: 'TXT', name: '_tenantry-challenge.app.acme-corp.com', value: 'Tok' },
      { type: 'CNAME', name: 'app.acme-corp.com', value: 'cname.myapp.com' },
    ]);
  });

  it('gives an apex no routing record when no A records are configured', () => {
    expect(requiredRecords('acme-corp.com', 'tok', { cname: 'cname.myapp.com', aRecords: [] })).toEqual([
      { type: 'TXT', name: '_tenantry-challenge.acme-corp.com', value: 'tok' },
    ]);
  });
});

describe('isApexHostname', () => {
  it.each([
    ['acme-corp.com', true],
    ['ACME-corp.com.', true],
    ['app.acme-corp.com', false],
    ['a.b.acme-corp.com', false],
    // Known limitation (no public-suffix list): a .co.uk apex counts as a subdomain.
    ['acme.co.uk', false],
  ])('%s → %s', (hostname, expected) => {
    expect(isApexHostname(hostname)).toBe(expected);
  });
});

describe('challengeRecordName', () => {
  it('prefixes the canonical host name', () => {
    expect(challengeRecordName('Shop.Acme-Corp.com.')).toBe('_tenantry-challenge.shop.acme-corp.com');
  });
});
