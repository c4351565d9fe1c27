// Root site: "Add a passkey", step 1. The user re-authenticates (current password, or a recent
// sign-in: lib/auth/reauthenticate.ts) and names the passkey; the answer is creation options, and a
// cookie binds their challenge to this browser.
import { z } from 'zod';
import { setChallengeCookie } from '@/lib/auth/passkeys/challenge-cookie';
import { passkeyAccountSession, SSO_SESSION_CANNOT_ADD } from '@/lib/auth/passkeys/passkey-account-session';
import { passkeyAnswer, readPasskeyRequest } from '@/lib/auth/passkeys/passkey-request';
import { PasskeyName } from '@/lib/auth/passkeys/passkey-response-input';
import { startPasskeyRegistration } from '@/lib/auth/passkeys/start-passkey-registration';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password';
import { unprovenMailboxProblem } from '@/lib/auth/proven-mailbox-required';
import { reauthenticate } from '@/lib/auth/reauthenticate';

const AddPasskey = z.object({ name: PasskeyName, currentPassword: z.string().max(PASSWORD_MAX_LENGTH).optional() });

export async function POST(request: Request) {
  const input = await readPasskeyRequest(request, AddPasskey);
  if (!input.ok) return input.response;
  const account = await passkeyAccountSession();
  if (!account.ok) return passkeyAnswer({ error: account.error }, account.status);
  if (account.viaWorkspaceSso) return passkeyAnswer({ error: SSO_SESSION_CANNOT_ADD }, 403);
  const unproven = unprovenMailboxProblem(account.user);
  if (unproven) return passkeyAnswer({ error: unproven }, 403);
  const proof = await reauthenticate(
    { id: account.user.id, sessionFamilyId: account.sessionFamilyId },
    input.body.currentPassword,
  );
  if (!proof.ok) return passkeyAnswer({ error: proof.error, field: proof.field }, 403);

  const { options, challengeToken } = await startPasskeyRegistration(account.user, input.body.name);
  const response = passkeyAnswer({ options });
  setChallengeCookie(response, 'registration', challengeToken);
  return response;
}
