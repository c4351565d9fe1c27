// The workspaces a user belongs to, for the switcher and the account page. Memberships are tenant
// rows, so this goes through the reviewed database function user_workspaces(), given the user id
// from the verified session only.
import 'server-only';
import { globalDb } from '../db/global-db';
import type { Role } from '../generated/prisma/enums';

export type UserWorkspace = { slug: string; name: string; role: Role };

export function listUserWorkspaces(userId: string): Promise<UserWorkspace[]> {
  return globalDb().$queryRaw<UserWorkspace[]>`SELECT slug, name, role FROM user_workspaces(${userId}::uuid)`;
}
