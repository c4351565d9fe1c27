// Sends one email through SMTP_URL. Without it, development prints the email to the server log (so
// magic links show up in the terminal) and production refuses, so mail is never silently dropped.
import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { type Env, env } from '../env';

export type EmailMessage = { to: string; subject: string; text: string; html?: string };
export type SendEmail = (message: EmailMessage) => Promise<void>;
export type EmailSenderConfig = { smtpUrl: string | undefined; from: string; nodeEnv: Env['NODE_ENV'] };

/** A sender bound to explicit config, so tests need not touch process.env or env()'s cache. */
export function createEmailSender({ smtpUrl, from, nodeEnv }: EmailSenderConfig): SendEmail {
  // Created on first send: importing this module must not open connections or need SMTP at build.
  let transport: Transporter | undefined;
  return async (message) => {
    if (!smtpUrl) {
      if (nodeEnv === 'production') throw new Error('SMTP_URL is not set: cannot send email in production');
      const lines = [`To: ${message.to}`, `Subject: ${message.subject}`, '', ...message.text.split('\n')];
      console.info(lines.map((line) => `[email] ${line}`.trimEnd()).join('\n'));
      return;
    }
    transport ??= nodemailer.createTransport(smtpUrl);
    // Rejects when the server refuses the message or is unreachable: callers decide what that means.
    await transport.sendMail({
      from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  };
}

let defaultSender: SendEmail | undefined;

export async function sendEmail(message: EmailMessage): Promise<void> {
  if (!defaultSender) {
    const { SMTP_URL, EMAIL_FROM, NODE_ENV } = env();
    defaultSender = createEmailSender({ smtpUrl: SMTP_URL, from: EMAIL_FROM, nodeEnv: NODE_ENV });
  }
  await defaultSender(message);
}
