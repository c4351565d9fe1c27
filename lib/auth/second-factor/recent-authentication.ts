// Changing a second factor asks the person to prove again who they are: the same rule as every
// other change to how one signs in (../reauthenticate.ts), as an error for the form or null.
import 'server-only';
import { reauthenticate } from '../reauthenticate';

/** An error to show beside the form, or null when the person has just proven who they are. */
export async function reauthenticationProblem(
  user: { id: string; sessionFamilyId: string },
  currentPassword: string | undefined,
): Promise<string | null> {
  const result = await reauthenticate(user, currentPassword);
  return result.ok ? null : result.error;
}
