// The real Stripe client, configured by env: STRIPE_API_URL points it elsewhere (tests: the local
// fake in tests/support/stripe-fake.ts). Null when billing is not configured.
import 'server-only';
import Stripe from 'stripe';
import { env } from '../env';

let client: Stripe | null | undefined;

export function stripeClient(): Stripe | null {
  if (client !== undefined) return client;
  const { STRIPE_SECRET_KEY, STRIPE_API_URL } = env();
  if (!STRIPE_SECRET_KEY) {
    client = null;
    return client;
  }
  const api = STRIPE_API_URL ? new URL(STRIPE_API_URL) : null;
  client = new Stripe(STRIPE_SECRET_KEY, {
    ...(api
      ? {
          host: api.hostname,
          port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)),
          protocol: api.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
    maxNetworkRetries: 2,
    timeout: 10_000,
  });
  return client;
}
