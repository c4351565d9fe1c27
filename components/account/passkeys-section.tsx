// The account page's passkeys: the list (name, added, last used) with a re-authenticated "Remove"
// for each, and "Add a passkey". Accounts with a password confirm with it; accounts without one need
// a recent sign-in (lib/auth/reauthenticate.ts), which the hint says. Removing also needs a second
// factor: a code for someone with the app or recovery codes, else a passkey's answer.
import { removePasskeyAction } from '@/app/account/passkey-actions';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { listPasskeys } from '@/lib/auth/passkeys/list-passkeys';
import { passkeyRemovalAsks } from '@/lib/auth/passkeys/passkey-removal-proof';
import { hasPassword, RECENT_SIGN_IN_MINUTES } from '@/lib/auth/reauthenticate';
import { AddPasskeyForm } from './add-passkey-form';
import { RemoveWithPasskeyButton } from './remove-with-passkey-button';

const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export async function PasskeysSection({ userId }: { userId: string }) {
  const [passkeys, askPassword, removalAsks] = await Promise.all([
    listPasskeys(userId),
    hasPassword(userId),
    passkeyRemovalAsks(userId),
  ]);
  return (
    <section>
      <h2 className="text-lg font-semibold">Passkeys</h2>
      <p className="mt-1 text-sm text-slate-600">
        Sign in with your device’s fingerprint, face or PIN instead of a password.
        {!askPassword && ` Adding or removing one needs a sign-in within the last ${RECENT_SIGN_IN_MINUTES} minutes.`}
      </p>
      {passkeys.length > 0 && (
        <ul className="mt-4 divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="passkeys">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="p-3" data-testid="passkey" data-name={passkey.name}>
              <p className="font-medium">{passkey.name}</p>
              <p className="text-xs text-slate-500">
                Added {DATE.format(passkey.createdAt)} UTC ·{' '}
                {passkey.lastUsedAt ? `last used ${DATE.format(passkey.lastUsedAt)} UTC` : 'never used'}
                {passkey.synced && ' · synced'}
              </p>
              <ActionForm action={removePasskeyAction} id={`remove-passkey-${passkey.id}`} className="mt-2 space-y-2">
                <input type="hidden" name="passkeyId" value={passkey.id} />
                {askPassword && (
                  <TextField
                    name="currentPassword"
                    label="Current password"
                    type="password"
                    autoComplete="current-password"
                  />
                )}
                {removalAsks === 'code' ? (
                  <>
                    <TextField name="code" label="Code from the app, or a recovery code" autoComplete="one-time-code" />
                    <SubmitButton tone="danger">Remove</SubmitButton>
                  </>
                ) : (
                  <RemoveWithPasskeyButton />
                )}
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <AddPasskeyForm askPassword={askPassword} />
    </section>
  );
}
