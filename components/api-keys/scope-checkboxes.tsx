'use client';
// The new key's scopes, one checkbox each (`scope:<scope>`), with the form's error for them.
import { useFormResult } from '@/components/forms/action-form';
import { API_KEY_SCOPES } from '@/lib/api-keys/api-key-scopes';

export function ScopeCheckboxes() {
  const result = useFormResult();
  const errors = result.status === 'error' ? result.fieldErrors?.scopes : undefined;
  return (
    <fieldset aria-invalid={errors ? true : undefined} aria-describedby={errors ? 'scopes-error' : undefined}>
      <legend className="block text-sm font-medium">Scopes</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {API_KEY_SCOPES.map((scope) => (
          <label key={scope} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`scope:${scope}`} />
            <code>{scope}</code>
          </label>
        ))}
      </div>
      {errors && (
        <p id="scopes-error" className="mt-1 text-sm text-red-700">
          {errors.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
