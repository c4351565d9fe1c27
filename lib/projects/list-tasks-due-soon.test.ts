// The workspace home's "due soon", on PostgreSQL as app_user: open tasks due within a week or
// overdue, nearest first; done, undated and later tasks left out; another workspace's never.
import { describe, expect, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { tenantDb } from '../db/tenant-db';
import { listTasksDueSoon } from './list-tasks-due-soon';

const TODAY = new Date('2027-03-10T12:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('tasks due soon', () => {
  it('are the open ones due by a week from today, overdue first, nearest first', async () => {
    const [workspace, other] = [await createTenant('due'), await createTenant('due-other')];
    const db = tenantDb(workspace.id);
    const project = await db.project.create({ data: { name: 'Launch' } });
    const task = (title: string, dueOn: Date | null, status: 'todo' | 'done' = 'todo') =>
      db.task.create({ data: { projectId: project.id, title, dueOn, status } });
    await task('overdue', day('2027-03-01'));
    await task('in a week', day('2027-03-17'));
    await task('tomorrow', day('2027-03-11'));
    await task('done already', day('2027-03-11'), 'done');
    await task('next month', day('2027-04-10'));
    await task('no date', null);
    const otherProject = await tenantDb(other.id).project.create({ data: { name: 'Elsewhere' } });
    await tenantDb(other.id).task.create({
      data: { projectId: otherProject.id, title: 'not yours', dueOn: day('2027-03-11') },
    });

    const due = await listTasksDueSoon(workspace.id, TODAY);
    expect(due.map((entry) => entry.title)).toEqual(['overdue', 'tomorrow', 'in a week']);
    expect(due[0]).toMatchObject({ projectId: project.id, projectName: 'Launch' });
    expect(await listTasksDueSoon(workspace.id, TODAY, 2)).toHaveLength(2);
  });
});
