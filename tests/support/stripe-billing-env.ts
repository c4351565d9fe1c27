// The local Stripe fake with the Pro price seeded, and the environment that sends the app's Stripe
// client to it. Call it before anything reads lib/env (which caches it), then import the code under
// test dynamically.
import { type StripeFake, startStripeFake } from './stripe-fake';

export async function startStripeBilling(webhookSecret: string): Promise<{ fake: StripeFake; proPriceId: string }> {
  const fake = await startStripeFake();
  const pro = fake.seedPrice({
    currency: 'usd',
    unit_amount: 2900,
    recurring: { interval: 'month' },
    product_data: { name: 'Pro' },
  });
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: fake.secretKey,
    STRIPE_API_URL: fake.url,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_PRICE_PRO: pro.id,
  });
  return { fake, proPriceId: pro.id };
}
