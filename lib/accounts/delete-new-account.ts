// Undoes an account created a moment ago when what it was created for failed (sign-up's first
// workspace, a SCIM provisioning over the seat limit): a refusal leaves nothing behind. Only for an
// account this request created; it has no memberships or history yet.
import 'server-only';
import { authDb } from '../db/auth-db';

export async function deleteNewAccount(userId: string): Promise<void> {
  await authDb().user.deleteMany({ where: { id: userId } });
}
