import { describe, expect, it } from 'vitest';
import { type DomainRow, describeDomain, TAKEOVER_REASON_PREFIX } from './describe-domain';

const TARGET = { cname: 'cname.myapp.com', aRecords: ['203.0.113.10', '203.0.113.11'] };
const CHECKED = new Date('2026-11-22T14:03:59.123Z');
const TAKEOVER_REASON = `${TAKEOVER_REASON_PREFIX} that it controls this domain, and now serves it.`;

const row = (overrides: Partial<DomainRow>): DomainRow => ({
  id: '3f1c2b9e-5d7a-4c1e-9b8f-0a2d4e6f8a1b',
  hostname: 'app.acme-corp.com',
  status: 'pending',
  statusReason: null,
  verificationToken: 'tok-123',
  verifiedAt: null,
  lastCheckedAt: null,
  ...overrides,
});

const TXT = { type: 'TXT', name: '_tenantry-challenge.app.acme-corp.com', value: 'tok-123' };
const CNAME = { type: 'CNAME', name: 'app.acme-corp.com', value: 'cname.myapp.com' };

// row, expected message, taken over, record types to create
const TABLE: [string, Partial<DomainRow>, string, boolean, string[]][] = [
  ['new, never checked', {}, 'Create the DNS records below, then press “Check now”.', false, ['TXT', 'CNAME']],
  [
    'pending with a reason',
    { statusReason: 'No TXT record at _tenantry-challenge.app.acme-corp.com', lastCheckedAt: CHECKED },
    'No TXT record at _tenantry-challenge.app.acme-corp.com',
    false,
    ['TXT', 'CNAME'],
  ],
  [
    'verified',
    { status: 'verified', verifiedAt: CHECKED, lastCheckedAt: CHECKED },
    'Serves this workspace since 2026-11-22 14:03 UTC.',
    false,
    [],
  ],
  [
    'verified, TXT since removed',
    { status: 'verified', verifiedAt: CHECKED, statusReason: 'The TXT record was removed, which is fine.' },
    'Serves this workspace since 2026-11-22 14:03 UTC. The TXT record was removed, which is fine.',
    false,
    [],
  ],
  [
    'misconfigured by DNS',
    { status: 'misconfigured', statusReason: 'app.acme-corp.com has no CNAME record.', lastCheckedAt: CHECKED },
    'app.acme-corp.com has no CNAME record.',
    false,
    ['TXT', 'CNAME'],
  ],
  [
    'taken over by another workspace',
    { status: 'misconfigured', statusReason: TAKEOVER_REASON, lastCheckedAt: CHECKED },
    'Another workspace proved ownership of this domain on 2026-11-22 14:03 UTC; prove it again with the TXT record to take it back.',
    true,
    ['TXT', 'CNAME'],
  ],
  [
    'taken over, no date recorded',
    { status: 'misconfigured', statusReason: TAKEOVER_REASON },
    'Another workspace proved ownership of this domain; prove it again with the TXT record to take it back.',
    true,
    ['TXT', 'CNAME'],
  ],
  // After a takeover, the next conclusive check of the displaced row replaces the reason.
  [
    'pending after a takeover was re-checked',
    { statusReason: 'Routing points at us again, but ownership must be proven again.' },
    'Routing points at us again, but ownership must be proven again.',
    false,
    ['TXT', 'CNAME'],
  ],
  // Only misconfigured rows are displaced ones; the same words elsewhere are not a takeover.
  ['verified with takeover words', { status: 'verified', statusReason: TAKEOVER_REASON }, 'Serves', false, []],
  ['apex domain', { hostname: 'acme-corp.com' }, 'Create the DNS records', false, ['TXT', 'A', 'A']],
];

describe('describeDomain', () => {
  it.each(TABLE)('%s', (_name, overrides, message, takenOver, recordTypes) => {
    const view = describeDomain(row(overrides), TARGET);
    expect(view.message).toContain(message);
    expect(view.takenOver).toBe(takenOver);
    expect(view.records.map((record) => record.type)).toEqual(recordTypes);
  });

  it('lists the exact records of a pending subdomain, with its own token', () => {
    expect(describeDomain(row({}), TARGET).records).toEqual([TXT, CNAME]);
  });

  it('dates the last check in UTC, to the minute, or says it never happened', () => {
    expect(describeDomain(row({ lastCheckedAt: CHECKED }), TARGET).lastChecked).toBe('2026-11-22 14:03 UTC');
    expect(describeDomain(row({}), TARGET).lastChecked).toBeNull();
  });
});
