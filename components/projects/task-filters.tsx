// The task list's filters as a plain GET form: the URL holds them (?status=…&assignee=…&q=…), so a
// filtered list is a link that works, with or without JavaScript. Changing a filter starts again
// from the first page.
import Link from 'next/link';
import type { TaskFilters as Filters } from '@/lib/projects/list-tasks';
import { STATUS_LABELS, TASK_STATUSES } from '@/lib/projects/task-fields';

export function TaskFilters({
  filters,
  members,
}: {
  filters: Filters;
  members: readonly { userId: string; label: string }[];
}) {
  const active = Boolean(filters.status || filters.assignee || filters.text);
  return (
    <search aria-label="Filter tasks">
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="task-search" className="block text-sm font-medium">
            Search
          </label>
          <input
            id="task-search"
            type="search"
            name="q"
            defaultValue={filters.text ?? ''}
            placeholder="Title contains…"
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="task-status" className="block text-sm font-medium">
            Status
          </label>
          <select
            id="task-status"
            name="status"
            defaultValue={filters.status ?? ''}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">Any status</option>
            {TASK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="task-assignee" className="block text-sm font-medium">
            Assignee
          </label>
          <select
            id="task-assignee"
            name="assignee"
            defaultValue={filters.assignee ?? ''}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">Anyone</option>
            <option value="none">Unassigned</option>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
          Filter
        </button>
        {active && (
          <Link href="?" className="py-2 text-sm text-slate-600 underline">
            Clear filters
          </Link>
        )}
      </form>
    </search>
  );
}
