// The ways to sign in: email + password and email magic links always; GitHub and Google when their
// credentials are in the environment.
import 'server-only';
import CredentialsProvider from 'next-auth/providers/credentials';
import EmailProvider from 'next-auth/providers/email';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import type { Provider } from 'next-auth/providers/index';
import { magicLinkEmail } from '../email/email-templates';
import { sendEmail } from '../email/send-email';
import { env } from '../env';
import { clientIpFrom } from '../rate-limit/client-ip';
import { refusalCode } from '../rate-limit/limit-refusal';
import { magicLinkConfirmationUrl } from './magic-link-confirmation';
import { signInWithPassword } from './password-sign-in';

const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

export function signInProviders(): Provider[] {
  const { SMTP_URL, EMAIL_FROM, GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET, GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET } =
    env();
  const providers: Provider[] = [
    CredentialsProvider({
      id: 'password',
      name: 'Email and password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const ip = clientIpFrom(request.headers?.['x-forwarded-for'], env().TRUSTED_PROXY_HOPS);
        const result = await signInWithPassword(credentials, ip);
        if (result.ok) return result.user;
        // next-auth 4 turns null into ?error=CredentialsSignin, and a thrown error's message into
        // ?error=<message>: its only way to tell the sign-in page why.
        if (result.refusal) throw new Error(refusalCode(result.refusal));
        return null;
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
