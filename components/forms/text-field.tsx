'use client';
// A labelled input with its validation errors beside it, refilled after a failed submit.
import { useFormField } from './use-form-field';

export function TextField({
  name,
  label,
  type = 'text',
  defaultValue,
  autoComplete,
  required,
  hint,
}: {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'date';
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  hint?: string;
}) {
  const { id, errors, kept, errorId, invalidProps } = useFormField(name);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={kept ?? defaultValue}
        key={kept}
        autoComplete={autoComplete}
        required={required}
        {...invalidProps}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid]:border-red-500"
      />
      {hint && !errors && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {errors && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
