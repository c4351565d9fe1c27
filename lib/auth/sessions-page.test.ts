// The sessions page's actions through the real checks (Origin, a live main session on the root
// site) and the real database: a person ends their own sessions, never anyone else's, and "sign out
// everywhere else" keeps this browser (and the hosts it was handed to) signed in.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { endSessionAction, signOutOtherSessionsAction } from '../../app/account/sessions/actions';
import { stubRequest } from '../../tests/support/next-request-stub';
import { IDLE } from '../actions/action-state';
import { authDb } from '../db/auth-db';
import { appUrl } from './app-url';
import { listUserSessions } from './list-user-sessions';
import { sessionCookieName } from './session-cookie';
import { createHandedSession, createMainSession, findLiveSession } from './session-store';
import { encodeSessionToken } from './session-token';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

type Person = { id: string; sessionId: string; token: string };

/** A user signed in on the root site in one browser (Chrome). */
async function person(): Promise<Person> {
  const user = await authDb().user.create({ data: { email: `p-${randomUUID()}@example.test` } });
  const sessionId = await createMainSession(user.id, null, CHROME);
  return { id: user.id, sessionId, token: await encodeSessionToken({ userId: user.id, sessionId }) };
}

function submitAs(who: Person, action: typeof endSessionAction, fields: Record<string, string> = {}) {
  const host = appUrl().hostname;
  stubRequest({ host, origin: appUrl().origin }, { [sessionCookieName(host)]: who.token });
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return action(IDLE, formData);
}

const alive = async (id: string) => (await authDb().session.count({ where: { id } })) === 1;
const expiresIn = (days: number) => new Date(Date.now() + days * 86_400_000);

let a: Person;
let b: Person;
beforeEach(async () => {
  [a, b] = await Promise.all([person(), person()]);
});

describe('ending one session', () => {
  it("refuses another person's session id, and that session lives on", async () => {
    const result = await submitAs(a, endSessionAction, { sessionId: b.sessionId });
    expect(result).toMatchObject({ status: 'error', message: 'Session not found.' });
    expect(await alive(b.sessionId)).toBe(true);
    expect(await alive(a.sessionId)).toBe(true);
  });

  it("refuses another person's handed session too, with the same answer as an unknown id", async () => {
    const handed = await createHandedSession(
      { id: b.sessionId, userId: b.id, expires: expiresIn(1), ssoTenantId: null },
      'portal.b.example',
    );
    expect(await submitAs(a, endSessionAction, { sessionId: handed })).toMatchObject({ message: 'Session not found.' });
    expect(await submitAs(a, endSessionAction, { sessionId: randomUUID() })).toMatchObject({
      message: 'Session not found.',
    });
    expect(await alive(handed)).toBe(true);
  });

  it('ends one of my other sessions and every host it was handed to', async () => {
    const laptop = await createMainSession(a.id, null, FIREFOX);
    const handed = await createHandedSession(
      { id: laptop, userId: a.id, expires: expiresIn(1), ssoTenantId: null },
      'portal.a.example',
    );
    expect(await submitAs(a, endSessionAction, { sessionId: laptop })).toMatchObject({ status: 'ok' });
    expect(await alive(laptop)).toBe(false);
    expect(await alive(handed)).toBe(false);
    expect(await alive(a.sessionId)).toBe(true);
    expect(revalidatePath).toHaveBeenCalledWith('/account/sessions');
  });

  it('refuses to end the session in use (that is signing out), and a malformed id', async () => {
    expect(await submitAs(a, endSessionAction, { sessionId: a.sessionId })).toMatchObject({ status: 'error' });
    expect(await submitAs(a, endSessionAction, { sessionId: "x' OR 1=1 --" })).toMatchObject({ status: 'error' });
    expect(await alive(a.sessionId)).toBe(true);
  });

  it('refuses a post from another site, and a signed-out one', async () => {
    const laptop = await createMainSession(a.id);
    stubRequest(
      { host: appUrl().hostname, origin: 'http://evil.example' },
      { [sessionCookieName(appUrl().hostname)]: a.token },
    );
    const formData = new FormData();
    formData.set('sessionId', laptop);
    expect(await endSessionAction(IDLE, formData)).toMatchObject({ status: 'error' });
    stubRequest({ host: appUrl().hostname, origin: appUrl().origin });
    expect(await endSessionAction(IDLE, formData)).toMatchObject({ status: 'error' });
    expect(await alive(laptop)).toBe(true);
  });
});

describe('sign out everywhere else', () => {
  it('ends my other sessions, keeps this one and its handed hosts, and touches nobody else', async () => {
    const phone = await createMainSession(a.id, null, FIREFOX);
    const mine = await createHandedSession(
      { id: a.sessionId, userId: a.id, expires: expiresIn(1), ssoTenantId: null },
      'portal.a.example',
    );
    const result = await submitAs(a, signOutOtherSessionsAction);
    expect(result).toMatchObject({ status: 'ok', message: 'Signed out of 1 other session.' });
    expect(await alive(phone)).toBe(false);
    expect(await alive(a.sessionId)).toBe(true);
    expect(await alive(mine)).toBe(true);
    expect(await alive(b.sessionId)).toBe(true);
  });
});

describe('the list', () => {
  it('shows my sessions only, handed ones under their main session, this device marked', async () => {
    const phone = await createMainSession(a.id, null, FIREFOX);
    const handed = await createHandedSession(
      { id: phone, userId: a.id, expires: expiresIn(1), ssoTenantId: null },
      'portal.a.example',
      FIREFOX,
    );
    const listed = await listUserSessions(a.id, a.sessionId);
    expect(listed.map((s) => [s.id, s.device, s.isCurrent, s.handed.map((h) => [h.id, h.host])])).toEqual([
      [a.sessionId, 'Chrome on Linux', true, []],
      [phone, 'Firefox on Windows', false, [[handed, 'portal.a.example']]],
    ]);
    expect(listed[0]?.createdAt).toBeInstanceOf(Date);
    expect(listed[0]?.lastSeenAt).toBeInstanceOf(Date);
  });
});

describe('last seen', () => {
  it('is written when a request finds it five minutes old, not on every request', async () => {
    const host = appUrl().hostname;
    const claims = { userId: a.id, sessionId: a.sessionId };
    const lastSeen = async () => (await authDb().session.findUniqueOrThrow({ where: { id: a.sessionId } })).lastSeenAt;
    const fresh = await lastSeen();
    await findLiveSession(claims, host, true);
    expect(await lastSeen()).toEqual(fresh);

    const old = new Date(Date.now() - 6 * 60_000);
    await authDb().session.update({ where: { id: a.sessionId }, data: { lastSeenAt: old } });
    await findLiveSession(claims, host, true);
    expect((await lastSeen()).getTime()).toBeGreaterThan(Date.now() - 5_000);
  });
});
