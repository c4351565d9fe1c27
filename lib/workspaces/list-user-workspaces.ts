// The workspaces of the signed-in user, for the switcher and the account page. Memberships are
// tenant rows, so this goes through the reviewed database function session_workspaces(), which
// answers only for a live session's id: the cookie's, which tenant code cannot read or list.
import 'server-only';
import { globalDb } from '../db/global-db';
import type { Role } from '../generated/prisma/enums';

export type UserWorkspace = { slug: string; name: string; role: Role };

export function listSessionWorkspaces(sessionId: string): Promise<UserWorkspace[]> {
  return globalDb().$queryRaw<UserWorkspace[]>`SELECT slug, name, role FROM session_workspaces(${sessionId}::uuid)`;
}
