// A service's ChangeResult as its form's state: a field error beside the field at fault, another
// failure beside the form, and on success the pages refreshed and a message.
import type { ChangeResult } from '../projects/change-result';
import { type ActionState, failure, success } from './action-state';

export function answerChange(
  result: ChangeResult,
  message: (name: string) => string,
  refresh: () => void,
): ActionState {
  if (!result.ok)
    return result.field
      ? failure('Please correct the fields marked below.', { [result.field]: [result.error] })
      : failure(result.error);
  refresh();
  return success(message(result.name));
}
