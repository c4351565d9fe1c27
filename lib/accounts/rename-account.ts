// The account page's name field. Users are auth_user's to write (app_user only reads the directory).
import 'server-only';
import { authDb } from '../db/auth-db';

export async function renameAccount(userId: string, name: string): Promise<void> {
  await authDb().user.updateMany({ where: { id: userId }, data: { name } });
}
