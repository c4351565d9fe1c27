// A zod error as the problem's `errors`: one entry per issue, its field as a dotted path ("body"
// for the whole document), and for an unknown field the field's own name.
import type { z } from 'zod';
import type { FieldError } from './api-problem';

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: at ? `${at}.${key}` : key, message: 'Unknown field.' }));
    }
    return [{ field: at || 'body', message: issue.message }];
  });
}
