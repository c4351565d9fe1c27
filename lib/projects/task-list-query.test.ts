import { describe, expect, it } from 'vitest';
import { taskListQuery } from './task-list-query';

const ID = '0b6f6c8e-3c1e-4d5a-9f00-1234567890ab';

describe('a project page’s search params', () => {
  it('become filters and a cursor', () => {
    expect(taskListQuery({ status: 'done', assignee: ID, q: ' launch ', after: `3.${ID}` })).toEqual({
      filters: { status: 'done', assignee: ID, text: 'launch' },
      at: { after: { position: 3, id: ID } },
    });
    expect(taskListQuery({ before: `-2.${ID}` }).at).toEqual({ before: { position: -2, id: ID } });
    expect(taskListQuery({ assignee: 'none' }).filters.assignee).toBe('none');
  });

  it('drop what is malformed instead of failing the page', () => {
    const query = taskListQuery({
      status: 'archived',
      assignee: "x' OR 1=1",
      q: 'x'.repeat(101),
      after: 'nonsense',
      before: '1',
    });
    expect(query).toEqual({ filters: { status: undefined, assignee: undefined, text: undefined }, at: null });
    expect(taskListQuery({ status: ['done', 'todo'], q: '   ' })).toEqual({
      filters: { status: 'done', assignee: undefined, text: undefined },
      at: null,
    });
  });
});
