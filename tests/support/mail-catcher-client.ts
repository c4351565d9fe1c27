// Reads the mail catcher over its HTTP API, for code in another process than the catcher (Playwright
// tests): wait for the email a page just caused, then follow the link in it.
import type { CaughtEmail } from './mail-catcher';

const POLL_INTERVAL_MS = 100;

/** The emails caught so far, oldest first, optionally only those to one address (case-insensitive). */
export async function fetchEmails(httpUrl: string, to?: string): Promise<CaughtEmail[]> {
  const url = new URL('/messages', httpUrl);
  if (to !== undefined) url.searchParams.set('to', to);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Mail catcher answered ${response.status} for ${url}`);
  const body: unknown = await response.json();
  if (!Array.isArray(body)) throw new Error(`Mail catcher answered something other than a list for ${url}`);
  return body as CaughtEmail[];
}

/** Forgets every caught email, e.g. before a test, so waitForEmailVia cannot return an older one. */
export async function clearEmailsVia(httpUrl: string): Promise<void> {
  const response = await fetch(new URL('/messages', httpUrl), { method: 'DELETE' });
  if (!response.ok) throw new Error(`Mail catcher answered ${response.status} to DELETE /messages`);
}

/**
 * The newest email to `to` (and with a matching subject) already caught, else the next to arrive,
 * polling until timeoutMs. Errors while polling (catcher not up yet) are retried until then.
 */
export async function waitForEmailVia(
  httpUrl: string,
  to: string,
  { timeoutMs = 10_000, subject }: { timeoutMs?: number; subject?: RegExp } = {},
): Promise<CaughtEmail> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let seen: string[] = [];
  for (;;) {
    try {
      const emails = await fetchEmails(httpUrl, to);
      seen = emails.map((email) => email.subject);
      const found = emails.findLast((email) => subject === undefined || subject.test(email.subject));
      if (found) return found;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  const wanted = subject ? ` with a subject matching ${subject}` : '';
  const detail = lastError ? `last error: ${String(lastError)}` : `subjects to it: ${JSON.stringify(seen)}`;
  throw new Error(`No email to ${to}${wanted} within ${timeoutMs} ms (${detail})`);
}

/** The first http(s) URL in the text body (matching `pattern`, if given); throws if there is none. */
export function linkIn(email: CaughtEmail, pattern?: RegExp): string {
  // Sentence punctuation right after a URL is not part of it.
  const urls = (email.text.match(/https?:\/\/[^\s<>"']+/g) ?? []).map((url) => url.replace(/[.,;:!?]+$/, ''));
  const url = pattern ? urls.find((candidate) => pattern.test(candidate)) : urls[0];
  if (url === undefined) {
    const wanted = pattern ? ` matching ${pattern}` : '';
    throw new Error(`No link${wanted} in the email "${email.subject}" to ${email.to}`);
  }
  return url;
}
