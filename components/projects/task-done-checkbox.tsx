'use client';
// Complete a task with one click. The box flips at once (useOptimistic) while the action runs; the
// page's fresh data replaces it when the action succeeds, and if it fails the optimistic value
// simply ends with the transition, so the box flips back, and a toast says why.
import { startTransition, useOptimistic } from 'react';
import { toast } from 'sonner';
import { type ActionState, IDLE } from '@/lib/actions/action-state';

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function TaskDoneCheckbox({
  action,
  taskId,
  title,
  done,
  disabled,
}: {
  action: FormAction;
  taskId: string;
  title: string;
  done: boolean;
  disabled?: boolean;
}) {
  const [optimisticDone, setOptimisticDone] = useOptimistic(done);
  function toggle(next: boolean) {
    startTransition(async () => {
      setOptimisticDone(next);
      const formData = new FormData();
      formData.set('taskId', taskId);
      formData.set('done', String(next));
      const result = await action(IDLE, formData);
      if (result.status === 'error') toast.error(`Could not update “${title}”: ${result.message}`);
    });
  }
  return (
    <input
      type="checkbox"
      className="size-5 accent-slate-900"
      checked={optimisticDone}
      disabled={disabled}
      aria-label={`Done: ${title}`}
      onChange={(event) => toggle(event.currentTarget.checked)}
    />
  );
}
