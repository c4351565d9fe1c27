// The status a custom domain moves to after a DNS check. Pure, so every transition is table-tested
// and the re-check job only stores the result.
//
// Decisions:
// - 'unknown' (DNS did not answer) never changes anything: a resolver blip must not take a live
//   domain offline.
// - A verified domain stays verified when its TXT record disappears while routing still points at
//   us: many admins delete the TXT once verified, and ownership was proven. The reason says so.
// - That grace lasts only while the domain stays verified. Once routing broke (misconfigured),
//   coming back needs the TXT again: the host may have changed hands meanwhile, and a new owner's
//   CNAME to us must not hand their domain to the old workspace.
import type { DomainCheck } from './check-domain-dns';

export type DomainStatus = 'pending' | 'verified' | 'misconfigured';

export type StatusDecision = {
  status: DomainStatus;
  /** Why, for the admin; null when verified with nothing to add. For 'unknown' checks: what failed. */
  reason: string | null;
  /** The status differs from the previous one (notify, audit, refresh the routing cache). */
  changed: boolean;
};

export function nextStatus(previous: DomainStatus, check: DomainCheck): StatusDecision {
  const decide = (status: DomainStatus, reason: string | null): StatusDecision => ({
    status,
    reason,
    changed: status !== previous,
  });

  switch (check.state) {
    case 'unknown':
      return decide(previous, `Last DNS check was inconclusive, status kept: ${check.reason}`);
    case 'verified':
      return decide('verified', null);
    case 'misconfigured':
      return decide('misconfigured', check.reason);
    case 'pending': {
      const { routing } = check;
      if (previous === 'pending') return decide('pending', check.reason);
      if (routing.pointsAtUs) {
        return previous === 'verified'
          ? decide(
              'verified',
              'Verified earlier; the TXT record was removed, which is fine while routing points at us.',
            )
          : decide('pending', `Routing points at us again, but ownership must be proven again. ${check.reason}`);
      }
      // Ownership was proven once (verified, or misconfigured with a correct TXT): fixing routing is the next step.
      return decide('misconfigured', `${routing.reason} (The TXT record is gone too.)`);
    }
  }
}
