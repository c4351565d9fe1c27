// Cursor pagination for every list: newest first by (created_at, id), `limit` 1–100 (default 20),
// and an opaque `cursor` (base64url of the last row's position) that only continues the list it
// came from. A cursor that does not decode is the client's error (400), never a database one.
import { z } from 'zod';
import { ApiProblem } from './api-problem';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const PageLimit = z
  .string()
  .regex(/^\d{1,3}$/, `limit must be an integer from 1 to ${MAX_PAGE_SIZE}.`)
  .transform(Number)
  .pipe(
    z.number().int().min(1, 'limit must be at least 1.').max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}.`),
  )
  .optional()
  .meta({
    description: `How many items to return, 1–${MAX_PAGE_SIZE}.`,
    override: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
  });

export const PageCursor = z.string().max(200).optional().meta({ description: 'The next_cursor of the previous page.' });

export const PageQuery = z.strictObject({ limit: PageLimit, cursor: PageCursor });

/** A page of items as every list answers it. */
export function pageSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      next_cursor: z.string().nullable().meta({ description: 'Pass as cursor for the next page; null on the last.' }),
    })
    .meta({ id });
}

type Position = { createdAt: Date; id: string };

export function encodeCursor(row: Position): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

// A time PostgreSQL can compare with: year 0000 parses as ISO but fails in the query (a review found
// a 500 there). Rows are created now, so a cursor outside 1970–9999 was never given out.
const CursorTime = z.iso.datetime().refine((value) => {
  const year = new Date(value).getUTCFullYear();
  return year >= 1970 && year <= 9999;
});
const Decoded = z.tuple([CursorTime, z.uuid()]);

export function decodeCursor(cursor: string | undefined): Position | null {
  if (cursor === undefined) return null;
  try {
    const [createdAt, id] = Decoded.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt: new Date(createdAt), id };
  } catch {
    throw new ApiProblem(400, 'invalid_query', 'The cursor is not one this API gave out.', [
      { field: 'cursor', message: 'Unknown cursor.' },
    ]);
  }
}

/** The rows after the cursor, in list order: pass to a findMany's `where`, with `orderBy: LIST_ORDER`. */
export function afterCursor(cursor: Position | null) {
  if (!cursor) return {};
  return {
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

export const LIST_ORDER = [{ createdAt: 'desc' }, { id: 'desc' }] as const;

/** A list operation's findMany arguments for its page (spread them, add `where` filters and `select`),
 *  and the page size to cut with pageOf. */
export function pageWindow(query: { limit?: number; cursor?: string }) {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  return { limit, after: afterCursor(decodeCursor(query.cursor)), orderBy: [...LIST_ORDER], take: limit + 1 };
}

/** Fetch `limit + 1` rows; this cuts the page and says whether another follows. */
export function pageOf<R extends Position, T>(rows: R[], limit: number, toItem: (row: R) => T) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(toItem), next_cursor: rows.length > limit && last ? encodeCursor(last) : null };
}
