// The account page's security section: whether the address is proven, and where the account is
// signed in (the sessions page).
import Link from 'next/link';
import type { SessionUser } from '@/lib/auth/session-store';
import { EmailProofNotice } from './email-proof-notice';

export function AccountSecuritySection({ user }: { user: SessionUser }) {
  return (
    <section className="space-y-4">
      <h2 className="text-lg font-semibold">Security</h2>
      <EmailProofNotice user={user} />
      <p>
        <Link href="/account/sessions" className="underline" data-testid="sessions-link">
          Where you are signed in
        </Link>
      </p>
    </section>
  );
}
