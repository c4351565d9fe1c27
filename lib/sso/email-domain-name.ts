// An email domain as the admin types it (Acme.COM., münchen.de, @acme.com) → the form we store and
// compare: lower-case ASCII (punycode), no trailing dot. Null when it is not a domain name. Pure.
import { domainToASCII } from 'node:url';

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function emailDomainName(input: string): string | null {
  const trimmed = input.trim().replace(/^@/, '').replace(/\.$/, '').toLowerCase();
  // domainToASCII parses URLs too (acme.com/x → acme.com): anything URL-ish is not a domain name.
  if (!trimmed || trimmed.length > 253 || /[\s/\\:@?#%]/.test(trimmed)) return null;
  const ascii = domainToASCII(trimmed);
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  if (/^\d+$/.test(labels.at(-1) ?? '')) return null;
  return ascii;
}

/** The domain of an email address, in the same form; null when the address has none. */
export function domainOfEmail(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0 ? emailDomainName(email.slice(at + 1)) : null;
}
