// The account page's two-factor section: set up an authenticator app (QR code and the secret as
// text), confirm it with a code, remove it, replace the recovery codes. Every change asks for the
// current password (or, without one, a sign-in within the last ten minutes).
import QRCode from 'qrcode';
import {
  confirmTotpAction,
  regenerateRecoveryCodesAction,
  removeTotpAction,
  startTotpAction,
} from '@/app/account/two-factor-actions';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { hasPassword, RECENT_SIGN_IN_MINUTES } from '@/lib/auth/reauthenticate';
import { unusedRecoveryCodeCount } from '@/lib/auth/second-factor/recovery-codes';
import { totpStatus } from '@/lib/auth/second-factor/totp-enrolment';
import type { SessionUser } from '@/lib/auth/session-store';
import { RecoveryCodesShown } from './recovery-codes-shown';

function Reauthenticate({ passwordSet }: { passwordSet: boolean }) {
  return passwordSet ? (
    <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
  ) : (
    <p className="text-sm text-slate-600">
      Your account has no password: this works within {RECENT_SIGN_IN_MINUTES} minutes of signing in.
    </p>
  );
}

export async function TwoFactorSection({ user }: { user: SessionUser }) {
  const [status, passwordSet] = await Promise.all([totpStatus(user.id, user.email), hasPassword(user.id)]);
  return (
    <section id="two-factor">
      <h2 className="text-lg font-semibold">Two-factor authentication</h2>
      <p className="mt-1 text-sm text-slate-600" data-testid="two-factor-status">
        {status.state === 'on'
          ? `On: signing in asks for a code from your authenticator app. ${await unusedRecoveryCodeCount(user.id)} recovery codes left.`
          : 'Off.'}
      </p>
      {status.state === 'off' && (
        <ActionForm action={startTotpAction} id="totp-start-form" className="mt-4 space-y-4">
          <Reauthenticate passwordSet={passwordSet} />
          <SubmitButton>Set up an authenticator app</SubmitButton>
        </ActionForm>
      )}
      {status.state === 'enrolling' && (
        <div className="mt-4 space-y-4">
          {/* biome-ignore lint/performance/noImgElement: a data URL rendered on the server */}
          <img
            src={`data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(status.uri, { type: 'svg', margin: 1 })).toString('base64')}`}
            alt="QR code to scan with your authenticator app"
            width={192}
            height={192}
          />
          <p className="text-sm">
            Or type this key: <code data-testid="totp-secret">{status.secret}</code>
          </p>
          <ActionForm action={confirmTotpAction} id="totp-confirm-form" className="space-y-4">
            <TextField name="code" label="Code from the app" autoComplete="one-time-code" />
            <SubmitButton>Turn on</SubmitButton>
            <RecoveryCodesShown />
          </ActionForm>
        </div>
      )}
      {status.state === 'on' && (
        <div className="mt-4 grid gap-8 sm:grid-cols-2">
          <ActionForm action={regenerateRecoveryCodesAction} id="recovery-codes-form" className="space-y-4">
            <Reauthenticate passwordSet={passwordSet} />
            <TextField name="code" label="Code from the app, or a recovery code" autoComplete="one-time-code" />
            <SubmitButton>New recovery codes</SubmitButton>
            <RecoveryCodesShown />
          </ActionForm>
          <ActionForm action={removeTotpAction} id="totp-remove-form" className="space-y-4">
            <Reauthenticate passwordSet={passwordSet} />
            <TextField name="code" label="Code from the app, or a recovery code" autoComplete="one-time-code" />
            <SubmitButton tone="danger">Turn off</SubmitButton>
          </ActionForm>
        </div>
      )}
    </section>
  );
}
