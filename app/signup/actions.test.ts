// Flooding sign-up through the form's action (each attempt costs a password hash and may create an
// account and a workspace): limited per address and per network.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { stubRequest } from '../../tests/support/next-request-stub';
import { createTenant } from '../../tests/support/tenants';
import { signUpAction } from './actions';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));

const unique = () => randomUUID().slice(0, 8);
const randomIp = () => `192.0.2.${Math.floor(Math.random() * 256)}`;

// A taken workspace address: refused beside the field, so nothing is created, but the attempt counts.
const taken = await createTenant('taken');

async function trySignUp(email: string, ip: string) {
  stubRequest({ host: 'localhost:3000', origin: 'http://localhost:3000', 'x-forwarded-for': ip });
  const form = new FormData();
  for (const [name, value] of Object.entries({
    name: 'Nina',
    email,
    password: 'a long enough password',
    workspaceName: 'Co',
    slug: taken.slug,
  })) {
    form.set(name, value);
  }
  const state = await signUpAction({ status: 'idle' }, form);
  return state.status === 'error' ? state.message : state.status;
}

describe('sign-up requests', () => {
  it('one address gets 10 attempts in 15 minutes', async () => {
    const email = `nina-${unique()}@example.test`;
    const answers = [];
    for (let i = 0; i < 11; i += 1) answers.push(await trySignUp(email, `198.18.0.${i}`));
    expect(answers.slice(0, 10)).toEqual(Array(10).fill('Please correct the fields marked below.'));
    expect(answers[10]).toBe('Too many sign-ups for this address. Try again in 15 minutes.');
  });

  it('+tag variants of the address share its 10 attempts', async () => {
    const id = unique();
    const answers = [];
    for (let i = 0; i < 10; i += 1) answers.push(await trySignUp(`nina-${id}+${i}@example.test`, `198.18.1.${i}`));
    answers.push(await trySignUp(`Nina-${id}@example.test`, '198.18.1.99'));
    expect(answers.slice(0, 10)).toEqual(Array(10).fill('Please correct the fields marked below.'));
    expect(answers[10]).toBe('Too many sign-ups for this address. Try again in 15 minutes.');
  });

  it('one network gets 20 sign-ups an hour, across addresses', async () => {
    const ip = `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.1`;
    const answers = [];
    for (let i = 0; i < 21; i += 1) answers.push(await trySignUp(`nina-${unique()}@example.test`, ip));
    expect(answers.slice(0, 20)).toEqual(Array(20).fill('Please correct the fields marked below.'));
    expect(answers[20]).toBe('Too many sign-ups from your network. Try again in 60 minutes.');
    expect(await trySignUp(`nina-${unique()}@example.test`, randomIp())).toBe(
      'Please correct the fields marked below.',
    );
  });
});
