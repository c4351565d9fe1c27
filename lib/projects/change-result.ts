// What every project and task write returns: its expected failures are values (shown by the form,
// the field named when one is at fault), never exceptions.
export type ChangeResult<Done = { name: string }> =
  | ({ ok: true } & Done)
  | { ok: false; field?: string; error: string };

// Another workspace's id reads exactly like an unknown one.
export const PROJECT_NOT_FOUND = 'That project no longer exists.';
export const TASK_NOT_FOUND = 'That task no longer exists.';
