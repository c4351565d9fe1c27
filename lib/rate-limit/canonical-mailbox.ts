// The mailbox an address reaches, as the key of every per-address and per-account limit
// (docs/decisions/017), so writing one mailbox differently buys no fresh budget. Mail still goes to
// the address as typed, and accounts are still found by it. Pure.
//  - Case: lower-cased throughout (no mail provider people use tells local parts apart by case).
//  - Subaddresses: everything from the first "+" of the local part goes (victim+1@x is victim@x).
//  - Gmail ignores dots in the local part and answers googlemail.com as gmail.com, so we do too
//    there only: at other domains a.b@ and ab@ may well be two people.
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function canonicalMailbox(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return lower;
  const domain = lower.slice(at + 1).replace(/\.$/, '');
  const local = lower.slice(0, at).split('+', 1)[0] ?? '';
  return GMAIL_DOMAINS.has(domain) ? `${local.replaceAll('.', '')}@gmail.com` : `${local}@${domain}`;
}
