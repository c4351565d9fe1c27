// The cookie that binds a WebAuthn challenge to the browser that asked for it (./webauthn-challenge.ts
// holds only its hash). One per ceremony kind, so adding a passkey and signing in do not overwrite
// each other's; strict, http-only, sent only to the passkey endpoints, gone after two minutes.
import type { NextResponse } from 'next/server';
import { appUrl } from '../app-url';
import { CHALLENGE_TTL_MS, type ChallengePurpose } from './webauthn-challenge';

const PATH = '/api/passkeys';

export function challengeCookieName(purpose: ChallengePurpose): string {
  // __Secure- (not __Host-, which requires Path=/) over https: a sibling subdomain cannot plant it.
  return `${appUrl().protocol === 'https:' ? '__Secure-' : ''}tenantry.webauthn-${purpose}`;
}

export function setChallengeCookie(response: NextResponse, purpose: ChallengePurpose, token: string): void {
  response.cookies.set(challengeCookieName(purpose), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: appUrl().protocol === 'https:',
    path: PATH,
    maxAge: CHALLENGE_TTL_MS / 1000,
  });
}

export function clearChallengeCookie(response: NextResponse, purpose: ChallengePurpose): void {
  response.cookies.set(challengeCookieName(purpose), '', { path: PATH, maxAge: 0 });
}
