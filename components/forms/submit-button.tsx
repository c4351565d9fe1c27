'use client';
// Disabled while its form is being sent, so a double click sends once.
import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** `name` and `value`: which of several buttons was pressed reaches the action in its form data. */
export function SubmitButton({
  children,
  tone = 'primary',
  name,
  value,
}: {
  children: ReactNode;
  tone?: 'primary' | 'danger';
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  const colors = tone === 'danger' ? 'bg-red-600 hover:bg-red-700' : 'bg-slate-900 hover:bg-slate-700';
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      className={`rounded-md px-4 py-2 text-sm font-medium text-white disabled:opacity-50 ${colors}`}
    >
      {pending ? 'Working…' : children}
    </button>
  );
}
