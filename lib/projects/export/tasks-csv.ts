// A project's tasks as CSV, for spreadsheets: CRLF lines, a header row, and cells that start like a
// formula (=, +, -, @, tab, CR) prefixed with a quote, so opening a task titled "=HYPERLINK(…)"
// runs nothing (csv-stringify's escape_formulas).
import { stringify } from 'csv-stringify/sync';

export type TaskRow = { title: string; done: boolean; createdAt: Date };

export const TASK_COLUMNS = ['title', 'done', 'created_at'];

export function tasksCsvHeader(): string {
  return stringify([TASK_COLUMNS], { record_delimiter: 'windows' });
}

export function tasksCsvRows(tasks: TaskRow[]): string {
  return stringify(
    tasks.map((task) => [task.title, task.done ? 'yes' : 'no', task.createdAt.toISOString()]),
    { record_delimiter: 'windows', escape_formulas: true },
  );
}
