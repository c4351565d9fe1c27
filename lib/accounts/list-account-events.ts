// The person's own account log for the account page: their latest lines only, newest first, in
// words. The user id comes from the session, never from a form.
import 'server-only';
import { authDb } from '../db/auth-db';

export const ACCOUNT_EVENTS_SHOWN = 20;

export type AccountEventListing = { id: string; createdAt: Date; summary: string };

export async function listAccountEvents(userId: string): Promise<AccountEventListing[]> {
  const events = await authDb().accountEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: ACCOUNT_EVENTS_SHOWN,
    select: { id: true, createdAt: true, action: true, details: true },
  });
  return events.map(({ action, details, ...event }) => ({ ...event, summary: summaryOf(action, details) }));
}

export function summaryOf(action: string, details: unknown): string {
  const detail = (key: string): unknown =>
    details && typeof details === 'object' && !Array.isArray(details)
      ? (details as Record<string, unknown>)[key]
      : undefined;
  switch (action) {
    case 'two_factor.enrolled':
      return 'Authenticator app turned on';
    case 'two_factor.removed':
      return 'Authenticator app turned off';
    case 'two_factor.recovery_codes_regenerated':
      return 'New recovery codes made; the old ones stopped working';
    case 'two_factor.recovery_code_used':
      return typeof detail('remaining') === 'number'
        ? `Recovery code used (${detail('remaining')} left)`
        : 'Recovery code used';
    case 'passkey.added':
      return `Passkey “${String(detail('name') ?? '')}” added`;
    case 'passkey.removed':
      return `Passkey “${String(detail('name') ?? '')}” removed`;
    default:
      return action;
  }
}
