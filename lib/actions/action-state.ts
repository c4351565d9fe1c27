// What a server action returns to its form (useActionState). Expected failures are values shown
// beside the form or the field; unexpected ones are thrown and reach app/error.tsx and the log.
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionState =
  | { status: 'idle' }
  | { status: 'ok'; message: string }
  | { status: 'error'; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export const IDLE: ActionState = { status: 'idle' };

export function failure(message: string, fieldErrors?: FieldErrors): ActionState {
  return { status: 'error', message, ...(fieldErrors ? { fieldErrors } : {}) };
}

export function success(message: string): ActionState {
  return { status: 'ok', message };
}
