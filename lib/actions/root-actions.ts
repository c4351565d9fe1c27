// Actions that belong to the root site only (sign-up, password reset, the account page). Next
// routes an action POSTed on a workspace host to that host's page, where these do not exist, but
// that is routing, not a check: these refuse any other host themselves, and account changes need
// the main session (not one handed to a custom domain).
import 'server-only';
import type { z } from 'zod';
import { appUrl } from '../auth/app-url';
import { type ActionState, failure } from './action-state';
import { type FormAction, type PublicContext, publicAction } from './public-action';
import { type UserContext, userAction } from './user-action';

export const ROOT_ONLY_REFUSAL = 'This can only be done on the main site.';

function onRootSite(host: string): boolean {
  return host === appUrl().hostname;
}

export function rootPublicAction<Schema extends z.ZodType>(
  schema: Schema,
  handler: (input: z.output<Schema>, context: PublicContext) => Promise<ActionState>,
): FormAction {
  return publicAction(schema, (input, context) =>
    onRootSite(context.host) ? handler(input, context) : Promise.resolve(failure(ROOT_ONLY_REFUSAL)),
  );
}

export function accountAction<Schema extends z.ZodType>(
  schema: Schema,
  handler: (input: z.output<Schema>, context: UserContext) => Promise<ActionState>,
): FormAction {
  return userAction(schema, (input, context) =>
    onRootSite(context.host) && context.sessionId === context.sessionFamilyId
      ? handler(input, context)
      : Promise.resolve(failure(ROOT_ONLY_REFUSAL)),
  );
}
