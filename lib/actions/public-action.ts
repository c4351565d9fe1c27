// The first step of every server action: same-origin check, then the input parsed by its zod schema.
// A refused or invalid request changes nothing and gets its errors back, field by field.
//
//   export const signUp = publicAction(SignUp, async (input, { host }) => { ...; return success('…') });
import 'server-only';
import { headers } from 'next/headers';
import { z } from 'zod';
import { normalizeHost } from '../hosts/classify-host';
import { type ActionState, failure } from './action-state';
import { formInput } from './form-input';
import { isSameOrigin } from './same-origin';

export type PublicContext = { host: string };
export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export const CROSS_SITE_REFUSAL =
  'This form was sent from another site, so it was refused. Reload the page and try again.';

export function publicAction<Schema extends z.ZodType>(
  schema: Schema,
  handler: (input: z.output<Schema>, context: PublicContext) => Promise<ActionState>,
): FormAction {
  return async (_previous, formData) => {
    const requestHeaders = await headers();
    const host = normalizeHost(requestHeaders.get('host'));
    if (!host || !isSameOrigin(requestHeaders.get('origin'), host)) return failure(CROSS_SITE_REFUSAL);
    const values = formInput(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const { fieldErrors } = z.flattenError(parsed.error);
      return {
        status: 'error',
        message: 'Please correct the fields marked below.',
        fieldErrors,
        values: refill(values),
      };
    }
    const result = await handler(parsed.data, { host });
    return result.status === 'error' && !result.values ? { ...result, values: refill(values) } : result;
  };
}

// What the form gets back to refill its fields after a failure: never a secret (passwords, tokens,
// an IdP's client secret).
function refill(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !/password|token|secret/i.test(name)));
}
