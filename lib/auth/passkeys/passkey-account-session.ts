// Who may change passkeys: the holder of a main session on the root site (not one handed to a
// custom domain). A session opened through a workspace's IdP is good for that workspace alone, and
// a passkey added from it would sign in everywhere, so it may remove passkeys but not add them.
import 'server-only';
import { SIGNED_OUT_REFUSAL } from '../../actions/user-action';
import { currentSession } from '../current-session';
import type { SessionUser } from '../session-store';

export type PasskeyAccount =
  | { ok: true; user: SessionUser; sessionFamilyId: string; viaWorkspaceSso: boolean }
  | { ok: false; status: 401; error: string };

export async function passkeyAccountSession(): Promise<PasskeyAccount> {
  const session = await currentSession();
  if (!session || session.host !== null || session.parentId !== null) {
    return { ok: false, status: 401, error: SIGNED_OUT_REFUSAL };
  }
  return { ok: true, user: session.user, sessionFamilyId: session.id, viaWorkspaceSso: session.ssoTenantId !== null };
}

export const SSO_SESSION_CANNOT_ADD =
  'You signed in through your workspace’s single sign-on, which is good for that workspace only. Sign in with your password or a sign-in link to add a passkey.';
