// next-auth's storage for users, linked OAuth accounts and magic-link tokens, over our global
// tables. Written here rather than @next-auth/prisma-adapter because that one expects next-auth's
// own column names and a bare PrismaClient; ours go through authDb and map names explicitly.
// Sessions are not stored through the adapter: see lib/auth/session-store.ts.
import 'server-only';
import type { Adapter, AdapterAccount, AdapterUser, VerificationToken } from 'next-auth/adapters';
import { authDb } from '../db/auth-db';

const USER_FIELDS = { id: true, email: true, name: true, emailVerified: true, image: true } as const;

export function authAdapter(): Adapter {
  const db = authDb();
  return {
    async createUser(user: Omit<AdapterUser, 'id'>): Promise<AdapterUser> {
      return db.user.create({
        data: {
          email: user.email.toLowerCase(),
          name: user.name ?? null,
          image: user.image ?? null,
          emailVerified: user.emailVerified,
        },
        select: USER_FIELDS,
      });
    },
    // next-auth asks this only for "the user already signed in" (the cookie's `sub`), to link a new
    // OAuth account to them. Our sessions are rows: that cookie may be revoked, or bound to one
    // workspace's IdP, and linking through it would mint an unbound session for its user. So no
    // implicit linking: an OAuth sign-in finds its user by the account, or by a proven email.
    getUser: async () => null,
    getUserByEmail: (email) => db.user.findFirst({ where: { email: email.toLowerCase() }, select: USER_FIELDS }),
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findFirst({
        where: { provider, providerAccountId },
        select: { user: { select: USER_FIELDS } },
      });
      return account?.user ?? null;
    },
    updateUser: ({ id, name, image, emailVerified }) =>
      db.user.update({ where: { id }, data: { name, image, emailVerified }, select: USER_FIELDS }),
    async linkAccount(account: AdapterAccount) {
      await db.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refreshToken: account.refresh_token ?? null,
          accessToken: account.access_token ?? null,
          expiresAt: account.expires_at ?? null,
          tokenType: account.token_type ?? null,
          scope: account.scope ?? null,
          idToken: account.id_token ?? null,
          sessionState: typeof account.session_state === 'string' ? account.session_state : null,
        },
      });
    },
    async createVerificationToken(token: VerificationToken) {
      await db.verificationToken.create({ data: token });
      return token;
    },
    // Single use: the row is deleted as it is read, so two clicks on one link sign in once.
    async useVerificationToken({ identifier, token }) {
      const rows = await db.$queryRaw<VerificationToken[]>`
        DELETE FROM verification_tokens WHERE identifier = ${identifier} AND token = ${token}
        RETURNING identifier, token, expires`;
      return rows[0] ?? null;
    },
  };
}
