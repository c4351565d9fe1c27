// TOTP (RFC 6238) through otplib: 6 digits, 30-second steps, SHA-1 — what every authenticator app
// reads from an otpauth:// URI. A code is accepted for the current step and one step either side
// (clock drift), and only for a step later than the last one accepted (no replay).
import { randomBytes } from 'node:crypto';
import { base32 } from '@otplib/plugin-base32-scure';
import { crypto } from '@otplib/plugin-crypto-node';
import { verify } from '@otplib/totp';
import { generateTOTP } from '@otplib/uri';

export const TOTP_PERIOD_SECONDS = 30;
/** ±1 step: the code before and after the current one are accepted too. */
export const TOTP_TOLERANCE_STEPS = 1;
const ISSUER = 'Tenantry';

/** 160 random bits (RFC 4226's recommendation), base32 as apps expect it. */
export function newTotpSecret(): string {
  return base32.encode(randomBytes(20), { padding: false });
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateTOTP({ issuer: ISSUER, label: accountEmail, secret });
}

/** The time step the code belongs to, if it is right now and later than `afterStep`; else null. */
export async function matchingTotpStep(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    crypto,
    base32,
    epoch: Date.now() / 1000,
    epochTolerance: TOTP_TOLERANCE_STEPS * TOTP_PERIOD_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid ? result.timeStep : null;
}
