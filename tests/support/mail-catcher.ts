// A real SMTP server on 127.0.0.1 that keeps every email it receives, so tests run the real
// nodemailer client and the real wire format instead of a mock transport. It also answers a tiny
// HTTP API, for processes that cannot call it directly (Playwright tests, a developer's browser):
//   GET    /messages[?to=<email>]   → 200 JSON CaughtEmail[] (oldest first; `to` is case-insensitive)
//   DELETE /messages                → 204, forgets every email
// Plain SMTP only (STARTTLS disabled) and any credentials accepted, so SMTP_URL may carry a user.
// One CaughtEmail per envelope recipient: each address reads like its own mailbox.
import { createServer } from 'node:http';

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { LOOPBACK, listenOnLoopback } from './loopback-server';

export type CaughtEmail = {
  /** The envelope recipient (RCPT TO) this copy was delivered to. */
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  /** ISO 8601, so the in-process and HTTP views of an email are identical. */
  receivedAt: string;
};

export type WaitForEmailOptions = { timeoutMs?: number; subject?: RegExp };

export type MailCatcher = {
  /** smtp://127.0.0.1:PORT, ready for nodemailer.createTransport or SMTP_URL. */
  smtpUrl: string;
  /** http://127.0.0.1:PORT (no trailing slash), base of the HTTP API. */
  httpUrl: string;
  /** Copies of the emails caught so far, oldest first, optionally only those to one address. */
  messages(to?: string): CaughtEmail[];
  /** The newest email to `to` already caught, else the next to arrive; rejects after timeoutMs (5 s). */
  waitForEmail(to: string, options?: WaitForEmailOptions): Promise<CaughtEmail>;
  /** Forgets every email (what DELETE /messages does). */
  clear(): void;
  /** Closes both servers; pending waitForEmail calls reject. */
  stop(): Promise<void>;
};

export type MailCatcherOptions = {
  /** 0 (the default) picks a free port. */
  smtpPort?: number;
  httpPort?: number;
  /** Called for every email caught, e.g. to log it. */
  onEmail?: (email: CaughtEmail) => void;
};

type Waiter = { matches: (email: CaughtEmail) => boolean; resolve: (email: CaughtEmail) => void; fail: () => void };

const HOST = LOOPBACK;

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function emailMatches(email: CaughtEmail, to: string, subject?: RegExp): boolean {
  return sameAddress(email.to, to) && (subject === undefined || subject.test(email.subject));
}

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  let caught: CaughtEmail[] = [];
  let waiters: Waiter[] = [];

  const messages = (to?: string) =>
    structuredClone(to === undefined ? caught : caught.filter((e) => sameAddress(e.to, to)));

  const receive = (email: CaughtEmail) => {
    caught.push(email);
    options.onEmail?.(structuredClone(email));
    const ready = waiters.filter((waiter) => waiter.matches(email));
    waiters = waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(structuredClone(email));
  };

  const smtp = new SMTPServer({
    authOptional: true,
    // No TLS: nodemailer would otherwise upgrade to STARTTLS with smtp-server's self-signed certificate.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anyone' }),
    disableReverseLookup: true,
    logger: false,
    // Without this, stop() would wait up to 30 s for a client that never says QUIT.
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const receivedAt = new Date().toISOString();
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          for (const recipient of session.envelope.rcptTo) {
            receive({
              to: recipient.address,
              from,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              receivedAt,
            });
          }
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (url.pathname !== '/messages') {
      res.writeHead(404).end();
    } else if (req.method === 'GET') {
      const body = JSON.stringify(messages(url.searchParams.get('to') ?? undefined));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
    } else if (req.method === 'DELETE') {
      caught = [];
      res.writeHead(204).end();
    } else {
      res.writeHead(405, { allow: 'GET, DELETE' }).end();
    }
  });

  // smtp-server re-emits its socket's errors (EADDRINUSE, a client resetting): without a listener,
  // one would crash the test run. listen() below still sees EADDRINUSE on the socket itself.
  smtp.on('error', () => {});
  const smtpPort = await listenOnLoopback(smtp.server, options.smtpPort ?? 0);
  const closeSmtp = () => new Promise<void>((resolve) => smtp.close(() => resolve()));
  let httpPort: number;
  try {
    httpPort = await listenOnLoopback(http, options.httpPort ?? 0);
  } catch (error) {
    await closeSmtp();
    throw error;
  }

  return {
    smtpUrl: `smtp://${HOST}:${smtpPort}`,
    httpUrl: `http://${HOST}:${httpPort}`,
    messages,
    waitForEmail(to, { timeoutMs = 5_000, subject } = {}) {
      const existing = caught.findLast((email) => emailMatches(email, to, subject));
      if (existing) return Promise.resolve(structuredClone(existing));
      return new Promise<CaughtEmail>((resolve, reject) => {
        const waiter: Waiter = {
          matches: (email) => emailMatches(email, to, subject),
          resolve: (email) => {
            clearTimeout(timer);
            resolve(email);
          },
          fail: () => {
            clearTimeout(timer);
            reject(new Error(`Mail catcher stopped while waiting for an email to ${to}`));
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          const seen = messages(to).map((email) => email.subject);
          const wanted = subject ? ` with a subject matching ${subject}` : '';
          reject(
            new Error(`No email to ${to}${wanted} within ${timeoutMs} ms (subjects to it: ${JSON.stringify(seen)})`),
          );
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    clear() {
      caught = [];
    },
    async stop() {
      for (const waiter of waiters) waiter.fail();
      waiters = [];
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      // fetch keeps idle keep-alive sockets open, and close() would wait for them.
      http.closeAllConnections();
      await Promise.all([closeSmtp(), httpClosed]);
    },
  };
}
