// How often one address, and one network, may ask for something sent or created for an email
// address (docs/decisions/017): password-reset emails, sign-in links, sign-ups. Every request
// counts, whether or not the address has an account, so a refusal tells nothing about who has one.
// An address counts as the mailbox it reaches (./canonical-mailbox.ts): victim+1@ is victim@.
// Sign-up allows more per address: a person may retry a taken workspace address a few times.
import 'server-only';
import { canonicalMailbox } from './canonical-mailbox';
import { type LimitRefusal, refusal } from './limit-refusal';
import { windowCounter } from './window-counter';

type Budget = { max: number; windowSeconds: number };
export type AddressRequestPolicy = { perAddress: Budget; perNetwork: Budget };

const QUARTER_HOUR = 15 * 60;
const HOUR = 60 * 60;

export const ADDRESS_REQUEST_POLICIES = {
  'password-reset': {
    perAddress: { max: 3, windowSeconds: QUARTER_HOUR },
    perNetwork: { max: 20, windowSeconds: HOUR },
  },
  'magic-link': { perAddress: { max: 3, windowSeconds: QUARTER_HOUR }, perNetwork: { max: 20, windowSeconds: HOUR } },
  'sign-up': { perAddress: { max: 10, windowSeconds: QUARTER_HOUR }, perNetwork: { max: 20, windowSeconds: HOUR } },
} as const satisfies Record<string, AddressRequestPolicy>;

export type AddressRequestPurpose = keyof typeof ADDRESS_REQUEST_POLICIES;

export function addressRequestLimit(purpose: string, policy: AddressRequestPolicy) {
  const byAddress = windowCounter(`${purpose}:address`, policy.perAddress.windowSeconds);
  const byNetwork = windowCounter(`${purpose}:network`, policy.perNetwork.windowSeconds);
  /** Counts one request; a refusal when the address or the network has had its share. */
  return async (email: string, clientIp: string): Promise<LimitRefusal | null> => {
    const [address, network] = await Promise.all([byAddress.hit(canonicalMailbox(email)), byNetwork.hit(clientIp)]);
    if (address.count > policy.perAddress.max) return refusal('address', address.msLeft);
    if (network.count > policy.perNetwork.max) return refusal('network', network.msLeft);
    return null;
  };
}

const limits = new Map<AddressRequestPurpose, ReturnType<typeof addressRequestLimit>>();

export function limitAddressRequest(purpose: AddressRequestPurpose, email: string, clientIp: string) {
  let limit = limits.get(purpose);
  if (!limit) {
    limit = addressRequestLimit(purpose, ADDRESS_REQUEST_POLICIES[purpose]);
    limits.set(purpose, limit);
  }
  return limit(email, clientIp);
}
