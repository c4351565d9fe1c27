'use server';
// Admins' API keys: create (the secret is shown once, in the result) and revoke. Each service
// audits its own change.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { ApiKeyInput } from '@/lib/api-keys/api-key-input';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';

const settingsPath = (slug: string) => `/t/${slug}/settings/api-keys`;

export const createApiKeyAction = tenantAction(ApiKeyInput, 'apiKeys.manage', async (key, { db, user, workspace }) => {
  const { secret } = await createApiKey(db, user, key);
  revalidatePath(settingsPath(workspace.slug));
  return success(`Copy this key now; it will not be shown again: ${secret}`);
});

export const revokeApiKeyAction = tenantAction(
  z.object({ keyId: z.uuid() }),
  'apiKeys.manage',
  async ({ keyId }, { db, user, workspace }) => {
    if (!(await revokeApiKey(db, user, keyId))) return failure('That key does not exist or is already revoked.');
    revalidatePath(settingsPath(workspace.slug));
    return success('Revoked. Requests with this key are refused from now on.');
  },
);
