'use client';
// Edit a title in place: the title is the input; Enter (or Save) sends it. A plain form with a
// server action, so it works before JavaScript loads too; errors appear beside it.
import { useActionState } from 'react';
import { type ActionState, IDLE } from '@/lib/actions/action-state';

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function InlineTitleForm({
  action,
  fields,
  name,
  value,
  label,
}: {
  action: FormAction;
  fields: Record<string, string>;
  name: string;
  value: string;
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = state.status === 'error' ? (state.fieldErrors?.[name]?.join(' ') ?? state.message) : null;
  return (
    <form action={formAction} className="group flex min-w-0 flex-1 items-center gap-2" key={value}>
      {Object.entries(fields).map(([field, fieldValue]) => (
        <input key={field} type="hidden" name={field} value={fieldValue} />
      ))}
      <input
        name={name}
        defaultValue={value}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        className="min-w-0 flex-1 rounded border border-transparent bg-transparent px-1 py-0.5 hover:border-slate-300 focus:border-slate-400 aria-[invalid]:border-red-500"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded px-2 py-0.5 text-xs text-slate-600 opacity-0 hover:bg-slate-100 focus:opacity-100 group-focus-within:opacity-100 disabled:opacity-50"
      >
        {pending ? 'Saving…' : 'Save'}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
