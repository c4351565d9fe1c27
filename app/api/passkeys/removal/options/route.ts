// Root site: before removing a passkey, the person answers with one of their passkeys (the one being
// removed will do) when they have no authenticator app or recovery codes: a stolen session and the
// password must not be enough to take away their second factor. Options for this user's passkeys
// only, with a challenge stored under this session (no cookie of its own), so only this session's
// removal form can redeem it, once.
import { z } from 'zod';
import { passkeyAccountSession } from '@/lib/auth/passkeys/passkey-account-session';
import { passkeyAnswer, readPasskeyRequest } from '@/lib/auth/passkeys/passkey-request';
import { startPasskeyAssertion } from '@/lib/auth/passkeys/start-passkey-assertion';
import { passkeyRemovalChallengeToken } from '@/lib/auth/passkeys/webauthn-challenge';

export async function POST(request: Request) {
  const input = await readPasskeyRequest(request, z.object({}));
  if (!input.ok) return input.response;
  const account = await passkeyAccountSession();
  if (!account.ok) return passkeyAnswer({ error: account.error }, account.status);
  const { options } = await startPasskeyAssertion(
    account.user.id,
    passkeyRemovalChallengeToken(account.sessionFamilyId),
  );
  if (!options.allowCredentials?.length) return passkeyAnswer({ error: 'You have no passkey to remove.' }, 404);
  return passkeyAnswer({ options });
}
