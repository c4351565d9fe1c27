// Root site: where signing in goes when nothing asked for a page (lib/auth/sign-in-landing.ts).
// A page, not a route handler: a server action's redirect (the second-factor step) comes here by
// client navigation, which a page's redirect() answers and a route handler's would not.
import { redirect } from 'next/navigation';
import { currentSession } from '@/lib/auth/current-session';
import { signInLandingUrl } from '@/lib/auth/sign-in-landing';

export const dynamic = 'force-dynamic';

export default async function SignInLanding() {
  const session = await currentSession();
  redirect(session ? await signInLandingUrl(session) : '/signin');
}
