// A webhook's signature and timestamp, checked on the raw body exactly as Stripe signed it (a
// parsed and re-serialised body would not verify). Null for anything that does not verify.
import 'server-only';
import type Stripe from 'stripe';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function verifyStripeEvent(
  stripe: Stripe,
  rawBody: string,
  signature: string | null,
  secret: string,
): Stripe.Event | null {
  if (!signature) return null;
  try {
    return stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch {
    return null; // bad signature, wrong secret, stale timestamp, or not JSON
  }
}
