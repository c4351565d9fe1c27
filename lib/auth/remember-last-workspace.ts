// Remembers the workspace a member is using, so that signing in next time lands there
// (./sign-in-landing.ts). Called by the workspace layout once it has found the membership; the
// session already holds the remembered id, so only a change costs a write.
import 'server-only';
import { authDb } from '../db/auth-db';
import type { LiveSession } from './session-store';

export async function rememberLastWorkspace(session: LiveSession, workspaceId: string): Promise<void> {
  if (session.user.lastWorkspaceId === workspaceId) return;
  await authDb().userLastWorkspace.upsert({
    where: { userId: session.user.id },
    create: { userId: session.user.id, workspaceId },
    update: { workspaceId, updatedAt: new Date() },
  });
}
