'use client';
// A form bound to a server action through useActionState. Its result is shared with the fields
// inside (errors beside each field, values kept after a failed submit) and announced to screen
// readers. Expected failures come back as state; nothing here catches real exceptions.
import { createContext, type ReactNode, useActionState, useContext } from 'react';
import { type ActionState, IDLE } from '@/lib/actions/action-state';

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const ActionStateContext = createContext<ActionState>(IDLE);

export function useFormResult(): ActionState {
  return useContext(ActionStateContext);
}

export function ActionForm({
  action,
  children,
  className,
  id,
  quietSuccess,
}: {
  action: FormAction;
  children: ReactNode;
  className?: string;
  id?: string;
  /** For small inline forms (move up, archive): success is announced to screen readers only,
   *  since the page itself shows the change; a failure is still shown. */
  quietSuccess?: boolean;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <ActionStateContext.Provider value={state}>
      <form action={formAction} className={className ?? 'space-y-4'} id={id} noValidate>
        {children}
        <p
          aria-live="polite"
          className={quietSuccess && state.status !== 'error' ? 'sr-only' : 'text-sm'}
          data-testid={id ? `${id}-result` : undefined}
        >
          {state.status === 'ok' && <span className="text-emerald-700">{state.message}</span>}
          {state.status === 'error' && <span className="text-red-700">{state.message}</span>}
        </p>
      </form>
    </ActionStateContext.Provider>
  );
}
