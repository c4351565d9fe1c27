// A form sends an empty string for "none" (no assignee, no due date); the domain says null.
import { z } from 'zod';

export function emptyAsNull<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (value === '' ? null : value), schema);
}
