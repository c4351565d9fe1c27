'use client';
// A labelled select with its validation errors beside it.
import { useId } from 'react';
import { useFormResult } from './action-form';

export function SelectField({
  name,
  label,
  options,
  defaultValue,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
}) {
  const id = useId();
  const result = useFormResult();
  const errors = result.status === 'error' ? result.fieldErrors?.[name] : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors ? true : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errors && <p className="mt-1 text-sm text-red-700">{errors.join(' ')}</p>}
    </div>
  );
}
