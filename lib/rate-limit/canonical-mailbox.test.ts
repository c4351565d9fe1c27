import { describe, expect, it } from 'vitest';
import { canonicalMailbox } from './canonical-mailbox';

describe('canonicalMailbox', () => {
  it.each([
    // [the address as typed, the mailbox its limits are counted against]
    ['victim@example.com', 'victim@example.com'],
    ['Victim@Example.COM', 'victim@example.com'],
    ['victim+0@example.com', 'victim@example.com'], // a subaddress reaches the same mailbox
    ['victim+a+b@example.com', 'victim@example.com'],
    ['VICTIM+News@example.com', 'victim@example.com'],
    ['+tag@example.com', '@example.com'],
    ['first.last@example.com', 'first.last@example.com'], // dots matter outside Gmail
    ['f.i.r.s.t.last@gmail.com', 'firstlast@gmail.com'], // Gmail ignores dots
    ['First.Last+x@GoogleMail.com', 'firstlast@gmail.com'], // and googlemail.com is gmail.com
    ['first.last@gmail.com.example', 'first.last@gmail.com.example'],
    ['a@b@example.com', 'a@b@example.com'], // only the last @ separates the domain
    ['victim@example.com.', 'victim@example.com'],
    ['  victim@example.com ', 'victim@example.com'],
    ['not an address', 'not an address'],
  ])('%s → %s', (address, mailbox) => {
    expect(canonicalMailbox(address)).toBe(mailbox);
  });
});
