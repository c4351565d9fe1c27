// Text a person or a script may send for a name, a title or a description: PostgreSQL refuses the
// NUL character in text (22021), so it is refused here first, as a field error, not a 500 (a review
// sent "x\u0000y" as a project name). Build every such field from this.
import { z } from 'zod';

export function storableText() {
  return z.string().refine((text) => !text.includes('\u0000'), 'Remove the NUL character (\\u0000).');
}
