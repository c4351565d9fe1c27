// The event log on real PostgreSQL, without the in-process sharing of handle-stripe-event.ts: what
// a duplicate delivered to another instance meets. The primary key makes it wait for the first
// transaction; it then finds the event done, or records it itself if the first rolled back.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { billingDb } from '../../db/billing-db';
import { platformDb } from '../../db/platform-db';
import { recordStripeEvent, stripeEventHandled } from './stripe-event-log';

const newEvent = () => ({ id: `evt_${randomUUID().replaceAll('-', '')}`, type: 'customer.subscription.updated' });
const rows = (id: string) => platformDb().stripeEvent.findMany({ where: { id } });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise and its resolve, to start the duplicate only once the first has written its row. */
function signal(): { done: Promise<void>; fire: () => void } {
  let fire = () => {};
  const done = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { done, fire };
}

describe('recordStripeEvent', () => {
  it('makes a concurrent duplicate wait for the first transaction, then answers duplicate', async () => {
    const event = newEvent();
    let secondDone = false;
    const firstWrote = signal();
    const first = billingDb().$transaction(async (tx) => {
      const recorded = await recordStripeEvent(tx, event, 'cus_1', 'processed');
      firstWrote.fire();
      await pause(300); // the billing state would be stored here
      expect(secondDone).toBe(false);
      return recorded;
    });
    await firstWrote.done;
    const second = billingDb()
      .$transaction((tx) => recordStripeEvent(tx, event, 'cus_1', 'processed'))
      .finally(() => {
        secondDone = true;
      });

    expect(await Promise.all([first, second])).toEqual(['recorded', 'duplicate']);
    expect(await rows(event.id)).toEqual([expect.objectContaining({ status: 'processed', attempts: 1 })]);
    expect(await stripeEventHandled(event.id)).toBe(true);
  });

  it('lets the duplicate record the event when the first transaction rolls back', async () => {
    const event = newEvent();
    const firstWrote = signal();
    const failed = billingDb().$transaction(async (tx) => {
      await recordStripeEvent(tx, event, 'cus_1', 'processed');
      firstWrote.fire();
      await pause(200);
      throw new Error('storing the billing state failed');
    });
    await firstWrote.done;
    const retried = billingDb().$transaction((tx) => recordStripeEvent(tx, event, 'cus_1', 'processed'));

    await expect(failed).rejects.toThrow('storing the billing state failed');
    expect(await retried).toBe('recorded');
    expect(await rows(event.id)).toEqual([expect.objectContaining({ status: 'processed', attempts: 1 })]);
  });

  it('records an unmatched event again on redelivery, counting the attempt', async () => {
    const event = newEvent();
    await billingDb().$transaction((tx) => recordStripeEvent(tx, event, 'cus_2', 'unmatched'));
    expect(await stripeEventHandled(event.id)).toBe(false);
    expect(await rows(event.id)).toEqual([expect.objectContaining({ status: 'unmatched', processedAt: null })]);

    expect(await billingDb().$transaction((tx) => recordStripeEvent(tx, event, 'cus_2', 'processed'))).toBe('recorded');
    expect(await rows(event.id)).toEqual([
      expect.objectContaining({ status: 'processed', attempts: 2, processedAt: expect.any(Date) }),
    ]);
    expect(await billingDb().$transaction((tx) => recordStripeEvent(tx, event, 'cus_2', 'processed'))).toBe(
      'duplicate',
    );
  });
});
