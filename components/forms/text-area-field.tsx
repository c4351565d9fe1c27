'use client';
// A labelled multi-line input with its validation errors beside it, refilled after a failed submit.
import { useFormField } from './use-form-field';

export function TextAreaField({ name, label, defaultValue }: { name: string; label: string; defaultValue?: string }) {
  const { id, errors, kept, errorId, invalidProps } = useFormField(name);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={3}
        defaultValue={kept ?? defaultValue}
        key={kept}
        {...invalidProps}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid]:border-red-500"
      />
      {errors && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
