import { describe, expect, it } from 'vitest';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor';

const ID = '0b6f6c8e-3c1e-4d5a-9f00-1234567890ab';

describe('task cursors', () => {
  it('round-trip, negative positions included', () => {
    for (const position of [0, 7, -42]) {
      expect(decodeTaskCursor(encodeTaskCursor({ position, id: ID }))).toEqual({ position, id: ID });
    }
  });

  it.each([
    undefined,
    '',
    'nonsense',
    `1.${ID}x`,
    `1.5.${ID}`,
    `99999999999.${ID}`,
    `3000000000.${ID}`,
    `1.${ID.toUpperCase()}`,
    `1.${ID}'; DROP TABLE tasks; --`,
  ])('refuses %s', (value) => {
    expect(decodeTaskCursor(value)).toBeNull();
  });
});
