import { describe, expect, it } from 'vitest';
import type { DomainCheck } from './check-domain-dns';
import { type DomainStatus, nextStatus } from './next-domain-status';

const CHECKS = {
  verified: { state: 'verified', publishedTokens: [] },
  misconfigured: { state: 'misconfigured', reason: 'CNAME points elsewhere' },
  'no TXT, routed to us': { state: 'pending', reason: 'No TXT', routing: { pointsAtUs: true } },
  'no TXT, not routed': { state: 'pending', reason: 'No TXT', routing: { pointsAtUs: false, reason: 'No CNAME' } },
  unknown: { state: 'unknown', reason: 'ETIMEOUT' },
} satisfies Record<string, DomainCheck>;

type CheckName = keyof typeof CHECKS;

// previous status, check, expected status, expected changed, text the reason must contain (null: no reason)
const TABLE: [DomainStatus, CheckName, DomainStatus, boolean, string | null][] = [
  ['pending', 'verified', 'verified', true, null],
  ['pending', 'misconfigured', 'misconfigured', true, 'CNAME points elsewhere'],
  ['pending', 'no TXT, routed to us', 'pending', false, 'No TXT'],
  ['pending', 'no TXT, not routed', 'pending', false, 'No TXT'],
  ['pending', 'unknown', 'pending', false, 'ETIMEOUT'],

  ['verified', 'verified', 'verified', false, null],
  ['verified', 'misconfigured', 'misconfigured', true, 'CNAME points elsewhere'],
  // Admins often delete the TXT once verified: routing still right → stays verified, with a note.
  ['verified', 'no TXT, routed to us', 'verified', false, 'TXT record was removed'],
  ['verified', 'no TXT, not routed', 'misconfigured', true, 'No CNAME'],
  // A resolver blip never takes a live domain offline.
  ['verified', 'unknown', 'verified', false, 'ETIMEOUT'],

  ['misconfigured', 'verified', 'verified', true, null],
  ['misconfigured', 'misconfigured', 'misconfigured', false, 'CNAME points elsewhere'],
  // Once routing broke, coming back without the TXT needs ownership proven again.
  ['misconfigured', 'no TXT, routed to us', 'pending', true, 'No TXT'],
  ['misconfigured', 'no TXT, not routed', 'misconfigured', false, 'No CNAME'],
  ['misconfigured', 'unknown', 'misconfigured', false, 'ETIMEOUT'],
];

describe('nextStatus', () => {
  it.each(TABLE)('%s + check "%s" → %s (changed: %s)', (previous, checkName, status, changed, reasonIncludes) => {
    const decision = nextStatus(previous, CHECKS[checkName]);
    expect(decision.status).toBe(status);
    expect(decision.changed).toBe(changed);
    if (reasonIncludes === null) expect(decision.reason).toBeNull();
    else expect(decision.reason).toContain(reasonIncludes);
  });
});
