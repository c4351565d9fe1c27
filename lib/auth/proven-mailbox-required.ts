// A second factor or a passkey can be added only to an account whose mailbox is proven. Proving the
// mailbox later (a magic link, SCIM, SSO) forgets whatever an unproven holder set up, factors
// included (lib/accounts/forget-unproven-account.ts): allowing factors on unproven accounts would
// either let a squatter keep theirs, or make a real owner's factor vanish at their next magic link.
export const UNPROVEN_MAILBOX_REFUSAL =
  'Verify your email address first (see the notice at the top of your account page), then add this.';

export function unprovenMailboxProblem(user: { emailVerified: Date | null }): string | null {
  return user.emailVerified ? null : UNPROVEN_MAILBOX_REFUSAL;
}
