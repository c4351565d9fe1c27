import { describe, expect, it } from 'vitest';
import { suggestSlug, WorkspaceSlug } from './workspace-slug';

const TOO_SHORT = 'Use at least 3 characters.';
const TOO_LONG = 'Use at most 32 characters.';
const CHARACTERS = 'Use only letters a–z, digits and hyphens: no spaces, accents or other symbols.';
const EDGES = 'Start and end with a letter or a digit.';
const DOUBLE_HYPHEN = 'Do not put two hyphens in a row.';
const DIGITS_ONLY = 'Include at least one letter.';

describe('WorkspaceSlug', () => {
  it.each([
    ['acme', 'acme'],
    ['globex', 'globex'],
    ['acme-corp', 'acme-corp'],
    ['a1b2', 'a1b2'],
    ['abc', 'abc'],
    ['  Acme  ', 'acme'],
    ['ACME-Corp', 'acme-corp'],
    ['a'.repeat(32), 'a'.repeat(32)],
    ['123-go', '123-go'],
    ['next', 'next'],
  ])('accepts %j as %j', (input, slug) => {
    expect(WorkspaceSlug.parse(input)).toBe(slug);
  });

  it.each([
    ['ab', TOO_SHORT],
    ['', TOO_SHORT],
    ['   a  ', TOO_SHORT],
    ['a'.repeat(33), TOO_LONG],
    ['Acme Corp', CHARACTERS],
    ['acme.corp', CHARACTERS],
    ['acme_corp', CHARACTERS],
    ['_next', CHARACTERS],
    ['\u0430cme', CHARACTERS], // Cyrillic а
    ['café', CHARACTERS],
    ['-acme', EDGES],
    ['acme-', EDGES],
    ['ac--me', DOUBLE_HYPHEN],
    ['xn--cme-8cd', DOUBLE_HYPHEN],
    ['acme---main', DOUBLE_HYPHEN],
    ['12345', DIGITS_ONLY],
    ['1-2-3', DIGITS_ONLY],
    ['www', '“www” is reserved. Choose another name.'],
    ['api', '“api” is reserved. Choose another name.'],
    ['Admin', '“admin” is reserved. Choose another name.'],
    ['adm1n', '“adm1n” looks too much like “admin”, which is reserved. Choose another name.'],
    ['adrnin', '“adrnin” looks too much like “admin”, which is reserved. Choose another name.'],
    ['a-p-i', '“a-p-i” looks too much like “api”, which is reserved. Choose another name.'],
    ['vvww', '“vvww” looks too much like “www”, which is reserved. Choose another name.'],
    ['cname', '“cname” is reserved. Choose another name.'],
    ['cnarne', '“cnarne” looks too much like “cname”, which is reserved. Choose another name.'],
    ['ns1', '“ns1” is reserved. Choose another name.'],
    ['nsl', '“nsl” looks too much like “ns1”, which is reserved. Choose another name.'],
    ['staglng', '“staglng” looks too much like “staging”, which is reserved. Choose another name.'],
  ])('refuses %j: %s', (input, message) => {
    const result = WorkspaceSlug.safeParse(input);
    expect(result.success).toBe(false);
    // One message, the first rule broken: the form shows it as is.
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe('suggestSlug', () => {
  it.each([
    ['Acme Inc.', 'acme-inc'],
    ['Globex Corporation', 'globex-corporation'],
    ['  Café Déjà Vu  ', 'cafe-deja-vu'],
    ['Łódź Straße Studio', 'lodz-strasse-studio'],
    ['Ærøskøbing', 'aeroskobing'],
    ['İstanbul', 'istanbul'],
    ['ＡＣＭＥ', 'acme'],
    ['R&D -- Lab!', 'r-d-lab'],
    ['---acme---', 'acme'],
    ['日本', ''],
    ['A very long workspace name that goes on and on', 'a-very-long-workspace-name-that'],
    ['abcdefghij abcdefghij abcdefghij x', 'abcdefghij-abcdefghij-abcdefghij'],
    ['abcdefghij abcdefghij abcdefghi x', 'abcdefghij-abcdefghij-abcdefghi'],
  ])('%j → %j', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  it.each(['Acme Inc.', 'Café Déjà Vu', 'Łódź Studio', 'A very long workspace name that goes on and on'])(
    'suggests a valid slug for %j',
    (name) => {
      expect(WorkspaceSlug.safeParse(suggestSlug(name)).success).toBe(true);
    },
  );

  it('may suggest a reserved name, which validation then refuses', () => {
    expect(suggestSlug('API')).toBe('api');
    expect(WorkspaceSlug.safeParse('api').success).toBe(false);
  });
});
