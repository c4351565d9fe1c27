// The one filter form Okta and Entra ID send: `attribute eq "value"`. Anything else is refused
// (400 invalidFilter) rather than ignored, so a typo never lists everyone.
import { ScimFailure } from './scim-failure';

export type ScimEquality = { attribute: string; value: string };

const EQUALITY = /^\s*([A-Za-z][A-Za-z0-9.]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

export function parseScimFilter(filter: string | null, attributes: readonly string[]): ScimEquality | null {
  if (filter === null || filter.trim() === '') return null;
  const match = filter.length <= 500 ? EQUALITY.exec(filter) : null;
  const attribute = attributes.find((name) => name.toLowerCase() === match?.[1]?.toLowerCase());
  if (!match || match[2] === undefined || !attribute) {
    throw new ScimFailure(
      400,
      `Only filters of the form ${attributes.join(' | ')} eq "value" are supported.`,
      'invalidFilter',
    );
  }
  return { attribute, value: match[2].replace(/\\(.)/g, '$1') };
}
