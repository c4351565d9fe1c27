// What the Domains settings page shows for one domain: its status, what it means or what to do,
// and the DNS records still to create. Pure, so every state, a takeover included, is table-tested.
import { type RequiredRecord, type RoutingTarget, requiredRecords } from './dns-records';
import type { DomainStatus } from './next-domain-status';

export type DomainRow = {
  id: string;
  hostname: string;
  status: DomainStatus;
  statusReason: string | null;
  verificationToken: string;
  verifiedAt: Date | null;
  lastCheckedAt: Date | null;
};

export type DomainView = {
  id: string;
  hostname: string;
  status: DomainStatus;
  /** What the status means for the admin, or what to do next. */
  message: string;
  /** Another workspace proved ownership through DNS and now serves this domain. */
  takenOver: boolean;
  /** When DNS was last checked, e.g. "2026-11-22 14:03 UTC"; null if never. */
  lastChecked: string | null;
  /** The records to create, TXT first; none once verified. */
  records: RequiredRecord[];
};

/**
 * How record_domain_check() (custom_domains migration) words the reason on the row of the workspace
 * it displaces. That row's next conclusive DNS check replaces the reason, and the notice with it.
 */
export const TAKEOVER_REASON_PREFIX = 'Another workspace proved through DNS';

export function describeDomain(row: DomainRow, target: RoutingTarget): DomainView {
  const takenOver = row.status === 'misconfigured' && row.statusReason?.startsWith(TAKEOVER_REASON_PREFIX) === true;
  return {
    id: row.id,
    hostname: row.hostname,
    status: row.status,
    message: takenOver ? takeoverMessage(row.lastCheckedAt) : statusMessage(row),
    takenOver,
    lastChecked: row.lastCheckedAt && formatUtc(row.lastCheckedAt),
    records: row.status === 'verified' ? [] : requiredRecords(row.hostname, row.verificationToken, target),
  };
}

// The takeover writes last_checked_at on the displaced row, so it dates the takeover.
function takeoverMessage(takenAt: Date | null): string {
  const when = takenAt ? ` on ${formatUtc(takenAt)}` : '';
  return `Another workspace proved ownership of this domain${when}; prove it again with the TXT record to take it back.`;
}

function statusMessage(row: DomainRow): string {
  switch (row.status) {
    case 'verified': {
      const since = row.verifiedAt ? ` since ${formatUtc(row.verifiedAt)}` : '';
      return [`Serves this workspace${since}.`, row.statusReason].filter(Boolean).join(' ');
    }
    case 'pending':
      return row.statusReason ?? 'Create the DNS records below, then press “Check now”.';
    case 'misconfigured':
      return row.statusReason ?? 'The DNS records below are not all in place.';
  }
}

// UTC and fixed-format: the same text on the server and in every test, whatever the machine's locale.
function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
