'use client';
// Inside an ActionForm: the recovery codes its action just returned, shown this once.
import { useFormResult } from '@/components/forms/action-form';
import { recoveryCodesIn } from '@/lib/auth/second-factor/recovery-codes-state';

export function RecoveryCodesShown() {
  const codes = recoveryCodesIn(useFormResult());
  if (!codes) return null;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <ol className="grid grid-cols-2 gap-1 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <a href="/account" className="mt-3 inline-block text-sm underline">
        I have saved them
      </a>
    </div>
  );
}
