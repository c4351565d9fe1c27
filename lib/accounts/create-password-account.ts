// A new account with its password, in one auth_user transaction: nobody (SCIM or SSO adopting the
// address, say) ever sees the account without the password its creator set, or the reverse.
import 'server-only';
import { authDb } from '../db/auth-db';

export async function createPasswordAccount(input: {
  email: string;
  name: string;
  passwordHash: string;
}): Promise<{ id: string; email: string }> {
  return authDb().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name },
      select: { id: true, email: true },
    });
    await tx.userPassword.create({ data: { userId: user.id, hash: input.passwordHash }, select: { userId: true } });
    return user;
  });
}
