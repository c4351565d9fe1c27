// The reviewer's race: an attacker signs up with a future employee's address at the very moment the
// IdP provisions it. Adoption happens in one auth_user transaction that creates or adopts the account,
// so a sign-up right after it finds the address taken, and one right before it is forgotten; either
// way the attacker's password never signs in to the provisioned member. The interleaving is forced
// by signing up just after the real provenAccountFor returns.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it, vi } from 'vitest';
import * as usersRoute from '../../app/t/[tenant]/api/scim/v2/Users/route';
import { newAddress, type ScimTenant, scim, scimWorkspace, userBody } from '../../tests/support/scim-client';
import { type SignUpResult, signUp } from '../accounts/sign-up';
import { findMembership } from '../auth/membership';
import { signInWithPassword } from '../auth/password-sign-in';
import { authDb } from '../db/auth-db';
import { globalDb } from '../db/global-db';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));

const ATTACKER_PASSWORD = 'attacker password 123';
let racedAddress = '';
let racedSignUp: SignUpResult | undefined;

vi.mock('../accounts/proven-account', async (original) => {
  const real = await original<typeof import('../accounts/proven-account')>();
  return {
    ...real,
    provenAccountFor: async (email: string, name: string | null) => {
      const account = await real.provenAccountFor(email, name);
      if (email === racedAddress) {
        racedSignUp = await signUp({
          name: 'Mallory',
          email,
          password: ATTACKER_PASSWORD,
          workspaceName: 'Mallory',
          slug: `m${randomUUID().slice(0, 8)}`,
        });
      }
      return account;
    },
  };
});

let a: ScimTenant;
beforeAll(async () => {
  const admin = await authDb().user.create({ data: { email: `admin-${randomUUID()}@example.test` } });
  a = await scimWorkspace('race', admin);
});

it('a sign-up racing the provisioning gets no account, and its password signs nobody in', async () => {
  racedAddress = newAddress(a.domain);
  const created = await scim(a, usersRoute.POST, 'POST', { body: userBody(racedAddress) });
  expect(created.status).toBe(201);
  expect(racedSignUp).toMatchObject({ ok: false, field: 'email' });
  const user = await globalDb().user.findFirstOrThrow({ where: { email: racedAddress } });
  expect(user.emailVerified).not.toBeNull();
  expect(await findMembership(a.id, user.id)).toMatchObject({ role: 'member' });
  expect(await signInWithPassword({ email: racedAddress, password: ATTACKER_PASSWORD }, '198.51.100.7')).toMatchObject({
    ok: false,
  });
});
