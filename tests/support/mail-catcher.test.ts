// The catcher is only useful if real mail reaches it: every message here goes through our
// createEmailSender and nodemailer over SMTP, and is read back both in-process and over HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { invitationEmail } from '../../lib/email/email-templates';
import { createEmailSender, type SendEmail } from '../../lib/email/send-email';
import { type MailCatcher, startMailCatcher } from './mail-catcher';
import { clearEmailsVia, fetchEmails, linkIn, waitForEmailVia } from './mail-catcher-client';

let catcher: MailCatcher;
let send: SendEmail;

beforeAll(async () => {
  catcher = await startMailCatcher();
  send = createEmailSender({ smtpUrl: catcher.smtpUrl, from: 'Tenantry <no-reply@myapp.test>', nodeEnv: 'test' });
});

afterEach(() => {
  catcher.clear();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await catcher?.stop();
});

describe('mail catcher, fed by the real nodemailer client', () => {
  it('catches a sent email with its subject, text, html and sender parsed', async () => {
    const content = invitationEmail({
      url: 'https://acme.myapp.test/invite/t0k3n',
      workspaceName: 'Acme <R&D>',
      inviterName: 'Ada',
      role: 'admin',
    });
    await send({ to: 'bob@example.com', ...content });

    const [email, ...others] = catcher.messages();
    expect(others).toEqual([]);
    expect(email).toMatchObject({
      to: 'bob@example.com',
      from: 'no-reply@myapp.test',
      subject: 'Ada invited you to Acme <R&D>',
      html: expect.stringContaining('Acme &lt;R&amp;D&gt;'),
    });
    expect(email?.text.trim()).toBe(content.text.trim());
    expect(Date.parse(email?.receivedAt ?? '')).not.toBeNaN();
    if (email) expect(linkIn(email)).toBe('https://acme.myapp.test/invite/t0k3n');
  });

  it('serves emails over HTTP, filtered by recipient case-insensitively, and DELETE clears them', async () => {
    await send({ to: 'Carol@Example.com', subject: 'For Carol', text: 'Hi Carol' });
    await send({ to: 'dave@example.com', subject: 'For Dave', text: 'Hi Dave' });

    const forCarol = await fetchEmails(catcher.httpUrl, 'carol@EXAMPLE.com');
    expect(forCarol.map((email) => email.subject)).toEqual(['For Carol']);
    expect(forCarol[0]).toEqual(catcher.messages('carol@example.com')[0]);
    expect(forCarol[0]?.html).toBeNull();
    // Stored as the envelope says: nodemailer lower-cases the domain, never the local part.
    expect((await fetchEmails(catcher.httpUrl)).map((email) => email.to)).toEqual([
      'Carol@example.com',
      'dave@example.com',
    ]);

    // mailparser ends a text body with a newline.
    const raw = await fetch(`${catcher.httpUrl}/messages?to=dave%40example.com`);
    expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await raw.json()).toEqual([expect.objectContaining({ to: 'dave@example.com', text: 'Hi Dave\n' })]);

    await clearEmailsVia(catcher.httpUrl);
    expect(await fetchEmails(catcher.httpUrl)).toEqual([]);
    expect(catcher.messages()).toEqual([]);
    expect((await fetch(`${catcher.httpUrl}/nothing`)).status).toBe(404);
  });

  it('waitForEmail resolves for an email that arrives later, matching recipient and subject', async () => {
    const waiting = catcher.waitForEmail('erin@example.com', { subject: /sign in/i, timeoutMs: 5_000 });
    await send({ to: 'erin@example.com', subject: 'Something else', text: 'not this one' });
    await send({
      to: 'ERIN@example.com',
      subject: 'Sign in to myapp.test',
      text: 'Open:\n\nhttps://myapp.test/x?t=1\n',
    });

    const email = await waiting;
    expect(email.subject).toBe('Sign in to myapp.test');
    expect(linkIn(email, /myapp\.test/)).toBe('https://myapp.test/x?t=1');
    // Already caught: resolves at once, in-process and over HTTP.
    await expect(catcher.waitForEmail('erin@example.com', { timeoutMs: 10 })).resolves.toMatchObject({
      subject: 'Sign in to myapp.test',
    });
    await expect(
      waitForEmailVia(catcher.httpUrl, 'erin@example.com', { subject: /else/, timeoutMs: 1_000 }),
    ).resolves.toMatchObject({ text: expect.stringContaining('not this one') });
  });

  it('waitForEmailVia polls until a later email arrives', async () => {
    const waiting = waitForEmailVia(catcher.httpUrl, 'frank@example.com', { timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 250));
    await send({ to: 'frank@example.com', subject: 'Reset your password', text: 'https://myapp.test/reset/abc' });
    expect(linkIn(await waiting)).toBe('https://myapp.test/reset/abc');
  });

  it('waitForEmail and waitForEmailVia reject after their timeout, naming what did arrive', async () => {
    await send({ to: 'gina@example.com', subject: 'Welcome', text: 'Hello' });
    const started = Date.now();
    await expect(catcher.waitForEmail('gina@example.com', { subject: /invite/, timeoutMs: 200 })).rejects.toThrow(
      'No email to gina@example.com with a subject matching /invite/ within 200 ms (subjects to it: ["Welcome"])',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await expect(waitForEmailVia(catcher.httpUrl, 'nobody@example.com', { timeoutMs: 200 })).rejects.toThrow(
      'No email to nobody@example.com within 200 ms',
    );
  });

  it('linkIn throws when the email has no matching link', async () => {
    await send({ to: 'hank@example.com', subject: 'No links', text: 'Nothing to click.' });
    const email = await catcher.waitForEmail('hank@example.com');
    expect(() => linkIn(email)).toThrow('No link in the email "No links" to hank@example.com');
  });
});

describe('createEmailSender without SMTP_URL', () => {
  it('refuses in production, so mail is never silently dropped', async () => {
    const log = vi.spyOn(console, 'info').mockImplementation(() => {});
    const sendInProduction = createEmailSender({ smtpUrl: undefined, from: 'x <x@x.test>', nodeEnv: 'production' });
    await expect(sendInProduction({ to: 'a@example.com', subject: 's', text: 't' })).rejects.toThrow(
      'SMTP_URL is not set: cannot send email in production',
    );
    expect(log).not.toHaveBeenCalled();
  });

  it('prints the email to the server log in development, link included', async () => {
    const log = vi.spyOn(console, 'info').mockImplementation(() => {});
    const sendInDev = createEmailSender({ smtpUrl: undefined, from: 'x <x@x.test>', nodeEnv: 'development' });
    await sendInDev({ to: 'a@example.com', subject: 'Sign in', text: 'Open:\n\nhttps://localhost:3000/x' });
    expect(log).toHaveBeenCalledOnce();
    const printed = String(log.mock.calls[0]?.[0]);
    expect(printed).toContain('[email] To: a@example.com');
    expect(printed).toContain('[email] Subject: Sign in');
    expect(printed).toContain('[email] https://localhost:3000/x');
  });
});

describe('createEmailSender with an unreachable SMTP server', () => {
  it('throws, so callers decide what a failed send means', async () => {
    const stopped = await startMailCatcher();
    await stopped.stop();
    const sendNowhere = createEmailSender({ smtpUrl: stopped.smtpUrl, from: 'x <x@x.test>', nodeEnv: 'test' });
    await expect(sendNowhere({ to: 'a@example.com', subject: 's', text: 't' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
