-- Webhooks read Stripe outside any transaction and store what they read in a short one, so two
-- reads for one customer can commit in the other order than they were made. Each read takes a
-- ticket from this sequence just before asking Stripe; billing_states keeps the ticket of the read
-- it holds, and a read with a lower ticket (asked earlier, so possibly older) is not stored over it.
-- The sequence is cluster-wide and strictly increasing, unlike clocks of several app instances.
CREATE SEQUENCE "stripe_read_tickets" AS BIGINT;

-- 0: stored before tickets existed (or given by hand); any read replaces it.
ALTER TABLE "billing_states" ADD COLUMN "stripe_read_ticket" BIGINT NOT NULL DEFAULT 0;
