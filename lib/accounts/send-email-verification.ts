// Sign-up proves no mailbox, so it sends a link that does: single use, valid for 24 hours, stored
// hashed in verification_tokens under its own identifier prefix (password resets have theirs). The
// identifier names the user and the address, so the link proves that address and no later one.
// A new link replaces the previous one. At most one email a minute per account: one UPDATE decides,
// under the users row's lock, so concurrent requests send once.
import 'server-only';
import { appUrl } from '../auth/app-url';
import { hashToken, randomToken } from '../auth/random-token';
import { authDb } from '../db/auth-db';
import { emailVerificationEmail } from '../email/email-templates';
import { type SendEmail, sendEmail } from '../email/send-email';

export const EMAIL_VERIFICATION_PREFIX = 'email-verification:';
export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
export const RESEND_INTERVAL_SECONDS = 60;

export type SendVerificationResult = { ok: true; email: string } | { ok: false; reason: 'verified' | 'too-soon' };

export async function sendEmailVerification(
  userId: string,
  send: SendEmail = sendEmail,
): Promise<SendVerificationResult> {
  const [user] = await authDb().$queryRaw<{ email: string }[]>`
    UPDATE users SET verification_email_sent_at = now()
     WHERE id = ${userId}::uuid AND email_verified IS NULL
       AND (verification_email_sent_at IS NULL
            OR verification_email_sent_at <= now() - make_interval(secs => ${RESEND_INTERVAL_SECONDS}))
    RETURNING email`;
  if (!user) {
    const verified = await authDb().user.count({ where: { id: userId, emailVerified: { not: null } } });
    return { ok: false, reason: verified ? 'verified' : 'too-soon' };
  }
  const token = randomToken();
  await authDb().$transaction(async (tx) => {
    await tx.verificationToken.deleteMany({
      where: { identifier: { startsWith: `${EMAIL_VERIFICATION_PREFIX}${userId}:` } },
    });
    await tx.verificationToken.create({
      data: {
        identifier: `${EMAIL_VERIFICATION_PREFIX}${userId}:${user.email}`,
        token: hashToken(token),
        expires: new Date(Date.now() + EMAIL_VERIFICATION_TTL_MS),
      },
    });
  });
  const url = new URL('/verify-email', appUrl());
  url.searchParams.set('token', token);
  await send({ to: user.email, ...emailVerificationEmail({ url: url.toString(), email: user.email }) });
  return { ok: true, email: user.email };
}
