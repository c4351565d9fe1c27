// SCIM's paging parameters (RFC 7644 §3.4.2.4): a 1-based startIndex (below 1 means 1) and a count
// (below 0 means 0), clamped to what one page may hold. Anything that is not a plain integer of a
// sane size (1e308, "abc", 1.5, 0x10) is the client's error, 400 invalidValue, never a database one.
import { ScimFailure } from './scim-failure';

export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 100;
const INTEGER = /^[+-]?\d{1,9}$/;

export type ScimPage = { startIndex: number; count: number };

export function scimPage(params: URLSearchParams): ScimPage {
  const startIndex = Math.max(1, integerParam(params, 'startIndex') ?? 1);
  const count = Math.min(MAX_PAGE_SIZE, Math.max(0, integerParam(params, 'count') ?? DEFAULT_PAGE_SIZE));
  return { startIndex, count };
}

function integerParam(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null) return null;
  if (!INTEGER.test(raw.trim())) {
    throw new ScimFailure(400, `${name} must be an integer of at most 9 digits.`, 'invalidValue');
  }
  return Number.parseInt(raw, 10);
}
