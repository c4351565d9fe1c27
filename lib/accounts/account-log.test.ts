// One account log: every change to how a person signs in (authenticator app on and off, recovery
// codes replaced or used, passkeys added and removed) is a line in their own account_events, and
// their workspaces' audit logs hear only that their two-factor protection turned on (from none) or
// off (to none), never which device, nor their recovery codes.
import { randomUUID } from 'node:crypto';
import { base32 } from '@otplib/plugin-base32-scure';
import { crypto } from '@otplib/plugin-crypto-node';
import { generate } from '@otplib/totp';
import { describe, expect, it } from 'vitest';
import { createCredential, softAuthenticator } from '../../tests/support/soft-authenticator';
import { createTenant } from '../../tests/support/tenants';
import { finishPasskeyRegistration } from '../auth/passkeys/finish-passkey-registration';
import { RegistrationResponseInput } from '../auth/passkeys/passkey-response-input';
import { relyingParty } from '../auth/passkeys/relying-party';
import { removePasskey } from '../auth/passkeys/remove-passkey';
import { startPasskeyRegistration } from '../auth/passkeys/start-passkey-registration';
import { regenerateRecoveryCodes, useRecoveryCode } from '../auth/second-factor/recovery-codes';
import { beginTotpEnrolment, confirmTotpEnrolment, removeTotp } from '../auth/second-factor/totp-enrolment';
import { createMainSession } from '../auth/session-store';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';

const code = (secret: string, steps = 0) => generate({ secret, crypto, base32, epoch: Date.now() / 1000 + steps * 30 });

async function memberOfTwoWorkspaces() {
  const [acme, globex] = [await createTenant('log-a'), await createTenant('log-b')];
  const user = await authDb().user.create({
    data: { email: `log-${randomUUID().slice(0, 8)}@example.test`, name: 'Pat' },
    select: { id: true, email: true, name: true },
  });
  for (const tenant of [acme, globex])
    await tenantDb(tenant.id).membership.create({ data: { userId: user.id, role: 'member' } });
  return { user, sessionId: await createMainSession(user.id), workspaces: [acme, globex] };
}

const personalLog = async (userId: string) =>
  (await authDb().accountEvent.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } })).map(
    (event) => event.action,
  );
const workspaceLog = async (tenantId: string) =>
  (await tenantDb(tenantId).auditEvent.findMany({ orderBy: { createdAt: 'asc' } })).map((event) => ({
    action: event.action,
    details: event.details,
    actorEmail: event.actorEmail,
  }));

describe('the account log', () => {
  it('records every sign-in-protection change for the person, and tells workspaces only on and off', async () => {
    const { user, sessionId, workspaces } = await memberOfTwoWorkspaces();

    const { secret } = await beginTotpEnrolment(user.id, user.email);
    const confirmed = await confirmTotpEnrolment(user.id, await code(secret), sessionId);
    if (!confirmed.ok) throw new Error(confirmed.error);
    const [firstCode] = await regenerateRecoveryCodes(user.id, sessionId);
    expect(await useRecoveryCode(user.id, firstCode ?? '')).toBe(true);

    const { options, challengeToken } = await startPasskeyRegistration(user, 'Phone');
    const credential = RegistrationResponseInput.parse(
      createCredential(softAuthenticator(), options, relyingParty().origin),
    );
    const added = await finishPasskeyRegistration(user.id, challengeToken, credential, sessionId);
    if (!added.ok) throw new Error(added.error);
    await removeTotp(user.id, sessionId); // the passkey still protects the account
    await removePasskey(user.id, added.passkeyId, sessionId); // now nothing does

    expect(await personalLog(user.id)).toEqual([
      'two_factor.enrolled',
      'two_factor.recovery_codes_regenerated',
      'two_factor.recovery_code_used',
      'passkey.added',
      'two_factor.removed',
      'passkey.removed',
    ]);
    for (const workspace of workspaces) {
      expect(await workspaceLog(workspace.id)).toEqual([
        { action: 'two_factor.enrolled', details: { factor: 'totp' }, actorEmail: user.email },
        { action: 'two_factor.removed', details: { factor: 'passkey' }, actorEmail: user.email },
      ]);
    }
  });

  it('tells workspaces when a passkey is the first second factor', async () => {
    const { user, sessionId, workspaces } = await memberOfTwoWorkspaces();
    const { options, challengeToken } = await startPasskeyRegistration(user, 'Laptop');
    const credential = RegistrationResponseInput.parse(
      createCredential(softAuthenticator(), options, relyingParty().origin),
    );
    expect(await finishPasskeyRegistration(user.id, challengeToken, credential, sessionId)).toMatchObject({ ok: true });
    const [workspace] = workspaces;
    expect(await workspaceLog(workspace?.id ?? '')).toEqual([
      { action: 'two_factor.enrolled', details: { factor: 'passkey' }, actorEmail: user.email },
    ]);
  });
});
