// The ways to sign in: email + password and email magic links always; GitHub and Google when their
// credentials are in the environment.
import 'server-only';
import CredentialsProvider from 'next-auth/providers/credentials';
import EmailProvider from 'next-auth/providers/email';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import type { Provider } from 'next-auth/providers/index';
import { z } from 'zod';
import { authDb } from '../db/auth-db';
import { magicLinkEmail } from '../email/email-templates';
import { sendEmail } from '../email/send-email';
import { env } from '../env';
import { magicLinkConfirmationUrl } from './magic-link-confirmation';
import { PASSWORD_MAX_LENGTH, verifyNothing, verifyPassword } from './password';

const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

const PasswordSignIn = z.object({
  email: z.email().max(320).toLowerCase(),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export function signInProviders(): Provider[] {
  const { SMTP_URL, EMAIL_FROM, GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET, GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET } =
    env();
  const providers: Provider[] = [
    CredentialsProvider({
      id: 'password',
      name: 'Email and password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials) {
        const input = PasswordSignIn.safeParse(credentials);
        if (!input.success) return null;
        const user = await authDb().user.findFirst({
          where: { email: input.data.email },
          select: { id: true, email: true, name: true, password: { select: { hash: true } } },
        });
        const valid = user?.password
          ? await verifyPassword(user.password.hash, input.data.password)
          : await verifyNothing(input.data.password);
        if (!user || !valid) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    EmailProvider({
      // A string, not an object: next-auth 4 merges an empty auth object into an object config.
      server: SMTP_URL ?? 'smtp://127.0.0.1:25',
      from: EMAIL_FROM,
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      // Sent through our mailer (printed in development when SMTP_URL is unset), wrapped in a
      // confirmation page so that opening a link someone else minted does not sign anyone in.
      async sendVerificationRequest({ identifier, url }) {
        const link = magicLinkConfirmationUrl(url);
        await sendEmail({ to: identifier, ...magicLinkEmail({ url: link, host: new URL(link).host }) });
      },
    }),
  ];
  if (GITHUB_CLIENT_ID && GITHUB_CLIENT_SECRET) {
    providers.push(GitHubProvider({ clientId: GITHUB_CLIENT_ID, clientSecret: GITHUB_CLIENT_SECRET }));
  }
  if (GOOGLE_CLIENT_ID && GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: GOOGLE_CLIENT_ID, clientSecret: GOOGLE_CLIENT_SECRET }));
  }
  return providers;
}
