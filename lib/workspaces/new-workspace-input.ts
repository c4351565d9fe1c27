// The fields of a new workspace, as typed in the sign-up and new-workspace forms.
import { z } from 'zod';
import { storableText } from '../text/storable-text';
import { WorkspaceSlug } from './workspace-slug';

export const NewWorkspaceInput = z.object({
  workspaceName: storableText().trim().min(2, 'Use at least 2 characters.').max(80, 'Use at most 80 characters.'),
  slug: WorkspaceSlug,
});
