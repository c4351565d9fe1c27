// Catches this machine's outgoing mail during development, instead of the server log:
//   npx tsx tests/support/mail-catcher-cli.ts --smtp 2525 --http 2526
// then start the app with SMTP_URL=smtp://127.0.0.1:2525 and read mail at
// http://127.0.0.1:2526/messages (or watch this terminal). Ports also come from
// MAIL_CATCHER_SMTP_PORT / MAIL_CATCHER_HTTP_PORT; 0 picks a free one.
import { parseArgs } from 'node:util';
import { startMailCatcher } from './mail-catcher';

function port(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    console.error(`${name} must be a port number (0-65535), got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const { values } = parseArgs({ options: { smtp: { type: 'string' }, http: { type: 'string' } } });

const catcher = await startMailCatcher({
  smtpPort: port('--smtp', values.smtp ?? process.env.MAIL_CATCHER_SMTP_PORT, 2525),
  httpPort: port('--http', values.http ?? process.env.MAIL_CATCHER_HTTP_PORT, 2526),
  onEmail: (email) => {
    console.info(`\n[mail-catcher] ${email.receivedAt} to ${email.to}: ${email.subject}\n${email.text}`);
  },
});

console.info(`Mail catcher running.
  SMTP_URL=${catcher.smtpUrl}
  Messages: ${catcher.httpUrl}/messages   (DELETE to clear)
Press Ctrl+C to stop.`);

const shutdown = () => {
  catcher.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
