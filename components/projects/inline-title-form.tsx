'use client';
// Edit a title in place: "Edit" turns the title into an input; Enter (or Save) sends it, Escape
// cancels. Errors appear beside it. Without JavaScript the same field is in the item's details form.
import { type ReactNode, useActionState, useEffect, useState } from 'react';
import { type ActionState, IDLE } from '@/lib/actions/action-state';

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function InlineTitleForm({
  action,
  fields,
  name,
  value,
  label,
  editText = 'Edit',
  children,
}: {
  action: FormAction;
  fields: Record<string, string>;
  name: string;
  value: string;
  /** The edit button's and the input's accessible name, e.g. "Rename Rocket Skates"; it must
   *  contain the button's visible text (editText), so voice control finds the button by what it shows. */
  label: string;
  editText?: string;
  /** How the title reads when not being edited (a link, a struck-through text…). */
  children: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [state, formAction, pending] = useActionState(action, IDLE);
  useEffect(() => {
    if (state.status === 'ok') setEditing(false);
  }, [state]);
  const error = state.status === 'error' ? (state.fieldErrors?.[name]?.join(' ') ?? state.message) : null;
  if (!editing)
    return (
      <div className="flex min-w-0 flex-1 items-center gap-2">
        <div className="min-w-0 truncate">{children}</div>
        <button
          type="button"
          onClick={() => setEditing(true)}
          aria-label={label}
          className="rounded px-1.5 text-xs text-slate-500 hover:bg-slate-100"
        >
          {editText}
        </button>
      </div>
    );
  return (
    <form action={formAction} className="flex min-w-0 flex-1 items-center gap-2">
      {Object.entries(fields).map(([field, fieldValue]) => (
        <input key={field} type="hidden" name={field} value={fieldValue} />
      ))}
      <input
        name={name}
        defaultValue={value}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this very field
        autoFocus
        onKeyDown={(event) => {
          if (event.key === 'Escape') setEditing(false);
        }}
        className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-0.5 aria-[invalid]:border-red-500"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-slate-900 px-2 py-0.5 text-xs text-white disabled:opacity-50"
      >
        {pending ? 'Saving…' : 'Save'}
      </button>
      <button type="button" onClick={() => setEditing(false)} className="text-xs text-slate-600">
        Cancel
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
