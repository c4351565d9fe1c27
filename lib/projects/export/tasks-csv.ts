// A project's tasks as CSV, for spreadsheets: CRLF lines, a header row, and cells that start like a
// formula (=, +, -, @, tab, CR) prefixed with a quote, so opening a task titled "=HYPERLINK(…)"
// runs nothing (csv-stringify's escape_formulas).
import { stringify } from 'csv-stringify/sync';
import type { TaskStatus } from '../../generated/prisma/enums';

export type TaskRow = { title: string; status: TaskStatus; createdAt: Date };

export const TASK_COLUMNS = ['title', 'status', 'created_at'];

export function tasksCsvHeader(): string {
  return stringify([TASK_COLUMNS], { record_delimiter: 'windows' });
}

export function tasksCsvRows(tasks: TaskRow[]): string {
  return stringify(
    tasks.map((task) => [task.title, task.status, task.createdAt.toISOString()]),
    { record_delimiter: 'windows', escape_formulas: true },
  );
}
