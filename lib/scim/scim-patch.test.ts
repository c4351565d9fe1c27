// The pure pieces of SCIM: PATCH as Okta and Entra ID send it, the filter, the token's format.
import { describe, expect, it } from 'vitest';
import { applyGroupPatch } from './group-patch';
import { parseScimFilter } from './scim-filter';
import { ScimPatchInput } from './scim-input';
import { newScimToken, tenantIdOfScimToken } from './scim-token-format';
import { applyUserPatch } from './user-patch';

const operations = (ops: object[]) => ScimPatchInput.parse({ Operations: ops }).Operations;
const user = {
  userName: 'ada@example.test',
  externalId: null,
  active: true,
  email: 'ada@example.test',
  displayName: 'Ada',
};

describe('applyUserPatch', () => {
  it.each([
    ['Okta', [{ op: 'replace', value: { active: false } }]],
    ['Entra ID', [{ op: 'Replace', path: 'active', value: 'False' }]],
  ])('deactivates with %s’s shape', (_, ops) => {
    expect(applyUserPatch(user, operations(ops)).active).toBe(false);
  });

  it('changes userName (lower-cased) and externalId, and ignores attributes it does not keep', () => {
    const next = applyUserPatch(
      user,
      operations([
        { op: 'replace', path: 'userName', value: 'Ada.L@Example.test' },
        { op: 'add', path: 'externalId', value: 'x-1' },
        { op: 'replace', path: 'name.givenName', value: 'Ada' },
      ]),
    );
    expect(next).toEqual({ ...user, userName: 'ada.l@example.test', externalId: 'x-1' });
  });

  it.each([
    ['Entra ID', { op: 'Replace', path: 'emails[type eq "work"].value', value: 'New@Example.test' }],
    [
      'Okta',
      { op: 'replace', value: { emails: [{ value: 'x@example.test' }, { value: 'new@example.test', primary: true }] } },
    ],
  ])('reads a new address in %s’s shape (whether it may change is not its call)', (_, op) => {
    expect(applyUserPatch(user, operations([op])).email).toBe('new@example.test');
  });

  it('keeps the name the IdP sends: displayName, name.formatted or a name object', () => {
    const named = (op: object) => applyUserPatch(user, operations([op])).displayName;
    expect(named({ op: 'replace', path: 'displayName', value: 'Ada L' })).toBe('Ada L');
    expect(named({ op: 'replace', path: 'name.formatted', value: 'Ada Lovelace' })).toBe('Ada Lovelace');
    expect(named({ op: 'replace', value: { name: { givenName: 'Ada', familyName: 'King' } } })).toBe('Ada King');
  });

  it('refuses an email that is not an address', () => {
    const op = { op: 'replace', path: 'emails[type eq "work"].value', value: 'nope' };
    expect(() => applyUserPatch(user, operations([op]))).toThrow();
  });

  it('refuses a value that is not a boolean', () => {
    expect(() => applyUserPatch(user, operations([{ op: 'replace', path: 'active', value: 'maybe' }]))).toThrow();
  });
});

describe('applyGroupPatch', () => {
  const group = { displayName: 'Eng', externalId: null, memberIds: ['a', 'b'] };

  it('adds, removes by filter and by value list, and replaces members', () => {
    const add = applyGroupPatch(
      group,
      operations([{ op: 'add', path: 'members', value: [{ value: 'c' }, { value: 'a' }] }]),
    );
    expect(add.memberIds).toEqual(['a', 'b', 'c']);
    const byFilter = applyGroupPatch(group, operations([{ op: 'remove', path: 'members[value eq "a"]' }]));
    expect(byFilter.memberIds).toEqual(['b']);
    const byList = applyGroupPatch(group, operations([{ op: 'Remove', path: 'members', value: [{ value: 'b' }] }]));
    expect(byList.memberIds).toEqual(['a']);
    const replaced = applyGroupPatch(group, operations([{ op: 'replace', path: 'members', value: [{ value: 'z' }] }]));
    expect(replaced.memberIds).toEqual(['z']);
  });

  it('renames through Okta’s value object', () => {
    expect(applyGroupPatch(group, operations([{ op: 'replace', value: { displayName: 'Eng 2' } }])).displayName).toBe(
      'Eng 2',
    );
  });
});

describe('parseScimFilter', () => {
  it('reads `attribute eq "value"` case-insensitively and refuses everything else', () => {
    expect(parseScimFilter('USERNAME eq "a@b.test"', ['userName'])).toEqual({
      attribute: 'userName',
      value: 'a@b.test',
    });
    expect(parseScimFilter(null, ['userName'])).toBeNull();
    expect(() => parseScimFilter('userName co "a"', ['userName'])).toThrow();
    expect(() => parseScimFilter('password eq "a"', ['userName'])).toThrow();
  });
});

describe('SCIM token format', () => {
  it('names its workspace, and nothing else parses', () => {
    const tenantId = '0b6f7f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(tenantIdOfScimToken(newScimToken(tenantId))).toBe(tenantId);
    expect(tenantIdOfScimToken('scim_short_token')).toBeNull();
    expect(tenantIdOfScimToken(`${newScimToken(tenantId)}x`)).toBeNull();
  });
});
