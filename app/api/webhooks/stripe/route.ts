// Stripe's webhook endpoint: verify, then process once (lib/billing/webhooks/). Thin on purpose.
// 2xx tells Stripe to stop; anything else makes it retry (for up to three days).
import { stripeClient } from '@/lib/billing/stripe-client';
import { handleStripeEvent } from '@/lib/billing/webhooks/handle-stripe-event';
import { verifyStripeEvent } from '@/lib/billing/webhooks/verify-stripe-event';
import { env } from '@/lib/env';
import { readLimitedText } from '@/lib/http/read-limited-text';

// Stripe's events are a few KiB; anything far larger is not one, and is not read to the end.
const MAX_BODY_BYTES = 1024 * 1024;

export async function POST(request: Request) {
  const stripe = stripeClient();
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret) return new Response('billing is not configured', { status: 503 });
  const body = await readLimitedText(request, MAX_BODY_BYTES);
  if (!body.ok) return new Response('payload too large', { status: 413 });
  const event = verifyStripeEvent(stripe, body.text, request.headers.get('stripe-signature'), secret);
  if (!event) return new Response('invalid signature', { status: 400 });
  try {
    const outcome = await handleStripeEvent(stripe, event);
    if (outcome === 'unmatched')
      return Response.json({ outcome, retry: 'no workspace has this customer yet' }, { status: 409 });
    return Response.json({ received: true, outcome });
  } catch (error) {
    console.error(`[billing] webhook ${event.id} (${event.type}) failed; Stripe will retry:`, error);
    return new Response('processing failed; retry later', { status: 500 });
  }
}
