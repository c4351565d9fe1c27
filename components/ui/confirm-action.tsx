'use client';
// A destructive action behind a real confirmation dialog (Radix AlertDialog: focus trapped, Escape
// cancels, announced as an alert dialog). The dialog's form posts to the server action; the result
// is a toast, and a refusal stays in the dialog to be read.
import { AlertDialog } from 'radix-ui';
import { type ReactNode, useActionState, useState } from 'react';
import { toast } from 'sonner';
import { type ActionState, IDLE } from '@/lib/actions/action-state';

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function ConfirmAction({
  action,
  fields,
  trigger,
  triggerLabel,
  title,
  description,
  confirm,
}: {
  action: FormAction;
  fields: Record<string, string>;
  trigger: ReactNode;
  /** The trigger's accessible name when its text alone is ambiguous ("Delete" among many). */
  triggerLabel?: string;
  title: string;
  description: ReactNode;
  confirm: string;
}) {
  const [open, setOpen] = useState(false);
  // The toast is raised as the answer arrives, not after it renders: a successful delete removes
  // this very component from the page with the same answer.
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.status === 'ok') {
      toast.success(result.message);
      setOpen(false);
    }
    return result;
  }, IDLE);
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Trigger
        aria-label={triggerLabel}
        className="rounded-md px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50"
      >
        {trigger}
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 w-[min(28rem,90vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">{description}</AlertDialog.Description>
          <form action={formAction} className="mt-6 flex justify-end gap-3">
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            {state.status === 'error' && (
              <p role="alert" className="mr-auto text-sm text-red-700">
                {state.message}
              </p>
            )}
            <AlertDialog.Cancel className="rounded-md border border-slate-300 px-4 py-2 text-sm">
              Cancel
            </AlertDialog.Cancel>
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-50"
            >
              {pending ? 'Working…' : confirm}
            </button>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
