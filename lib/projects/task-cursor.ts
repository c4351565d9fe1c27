// Where a page of tasks ends, for the next page's link (?after=…): the last row's place in the
// list's order, (position, id). A keyset, not an offset: page 200 of 10,000 tasks costs what page 1
// does. Pure, so a forged or stale cursor is simply no cursor.
export type TaskCursor = { position: number; id: string };

const CURSOR = /^(-?\d{1,10})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const INT4 = 2 ** 31;

export function encodeTaskCursor(cursor: TaskCursor): string {
  return `${cursor.position}.${cursor.id}`;
}

export function decodeTaskCursor(value: string | undefined): TaskCursor | null {
  const match = value ? CURSOR.exec(value) : null;
  if (!match?.[1] || !match[2]) return null;
  const position = Number(match[1]);
  if (position < -INT4 || position >= INT4) return null;
  return { position, id: match[2] };
}
