// Why a single sign-on was refused, as codes (they travel in the sign-in page's ?error=) and the
// words the sign-in page shows for each. Pure.
export const SSO_REFUSALS = {
  SsoRequired: 'Your organisation requires single sign-on for this address. Continue with single sign-on.',
  SsoDomainNotVerified:
    'This address is not in an email domain the workspace has verified, so its identity provider cannot sign it in.',
  SsoEmailUnverified: 'Your identity provider did not confirm this email address.',
  SsoDeactivated: 'Your identity provider has deactivated your access to this workspace.',
  SsoNoSeat: 'This workspace has no free seat. Ask one of its owners to upgrade the plan.',
  SsoUnavailable: 'Single sign-on is not set up for this workspace any more.',
  SsoIdentityChanged:
    'Your identity provider now gives your account a different email address. Ask your administrator to fix it.',
  SsoFailed: 'Single sign-on failed. Try again, or ask your administrator.',
} as const;

export type SsoRefusalCode = keyof typeof SSO_REFUSALS;

export function isSsoRefusalCode(value: string): value is SsoRefusalCode {
  return Object.hasOwn(SSO_REFUSALS, value);
}
