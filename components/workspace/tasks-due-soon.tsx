// The home page's "due soon": the nearest open tasks, overdue ones marked, each linking to its project.
import Link from 'next/link';
import { listTasksDueSoon } from '@/lib/projects/list-tasks-due-soon';

const DAY = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

export async function TasksDueSoon({ tenantId }: { tenantId: string }) {
  const tasks = await listTasksDueSoon(tenantId);
  const today = new Date().toISOString().slice(0, 10);
  if (tasks.length === 0) return <p className="mt-3 text-sm text-slate-500">Nothing due this week.</p>;
  return (
    <ul className="mt-3 space-y-2 text-sm" data-testid="tasks-due-soon">
      {tasks.map((task) => {
        const due = task.dueOn.toISOString().slice(0, 10);
        return (
          <li key={task.id} className="flex justify-between gap-3">
            <Link href={`/projects/${task.projectId}`} className="truncate hover:underline">
              {task.title} <span className="text-slate-500">· {task.projectName}</span>
            </Link>
            <time dateTime={due} className={due < today ? 'font-medium text-red-700' : 'text-slate-600'}>
              {due < today ? 'overdue, ' : ''}
              {DAY.format(task.dueOn)}
            </time>
          </li>
        );
      })}
    </ul>
  );
}
