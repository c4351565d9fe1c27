// Session rows (see prisma/schema.prisma, model Session). A main session (host null) is valid on
// the hosts its cookie covers; a handed session on its one host only, and it dies with its parent.
// A session opened through a workspace's IdP (ssoTenantId) serves that workspace only, and the root
// site (lib/auth/current-session.ts); its handed children inherit that.
import 'server-only';
import { authDb } from '../db/auth-db';
import { SESSION_MAX_AGE_SECONDS } from './session-cookie';
import { recordSessionSeen } from './session-last-seen';

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  emailVerified: Date | null;
  /** The workspace they last used (lib/auth/remember-last-workspace.ts). */
  lastWorkspaceId: string | null;
};
export type LiveSession = {
  id: string;
  host: string | null;
  parentId: string | null;
  ssoTenantId: string | null;
  /** How it was authenticated: pwd, email, oauth or sso, then otp or recovery for a second factor. */
  amr: string[];
  createdAt: Date;
  user: SessionUser;
};

/** True for a session handed to a custom domain (not to a subdomain of ours, as in development). */
export function isCustomDomainSession(session: Pick<LiveSession, 'host'>, rootDomain: string): boolean {
  return session.host !== null && session.host !== rootDomain && !session.host.endsWith(`.${rootDomain}`);
}

const USER_FIELDS = {
  id: true,
  email: true,
  name: true,
  emailVerified: true,
  lastWorkspace: { select: { workspaceId: true } },
} as const;

/** `userAgent`: the browser's, from lib/auth/request-user-agent.ts (shown on the sessions page).
 *  `amr`: how the user proved who they are, when more than one factor was seen (docs/decisions/019). */
export async function createMainSession(
  userId: string,
  ssoTenantId: string | null = null,
  userAgent: string | null = null,
  amr: string[] = [],
): Promise<string> {
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  const session = await authDb().session.create({
    data: { userId, expires, ssoTenantId, userAgent, amr },
    select: { id: true },
  });
  return session.id;
}

/** A second factor proven within a session (enrolment): the main session and its handed ones record it. */
export async function addToSessionFamilyAmr(familyId: string, value: string): Promise<void> {
  await authDb().$executeRaw`
    UPDATE sessions SET amr = array_append(amr, ${value})
     WHERE (id = ${familyId}::uuid OR parent_id = ${familyId}::uuid) AND NOT (${value} = ANY (amr))`;
}

/** A session for one host that the main session's cookie cannot reach; it expires with its parent. */
export async function createHandedSession(
  parent: { id: string; userId: string; expires: Date; ssoTenantId: string | null; amr?: string[] },
  host: string,
  userAgent: string | null = null,
) {
  const session = await authDb().session.create({
    data: {
      userId: parent.userId,
      host,
      parentId: parent.id,
      expires: parent.expires,
      ssoTenantId: parent.ssoTenantId,
      userAgent,
      amr: parent.amr ?? [],
    },
    select: { id: true },
  });
  return session.id;
}

/** The session if it is alive, belongs to this user and may be used on this host; otherwise null. */
export async function findLiveSession(
  claims: { sessionId: string; userId: string },
  host: string,
  coveredByMainCookie: boolean,
): Promise<LiveSession | null> {
  const session = await authDb().session.findFirst({
    where: { id: claims.sessionId, userId: claims.userId, expires: { gt: new Date() } },
    select: {
      id: true,
      host: true,
      parentId: true,
      ssoTenantId: true,
      lastSeenAt: true,
      amr: true,
      createdAt: true,
      user: { select: USER_FIELDS },
    },
  });
  if (!session) return null;
  const usableHere = session.host === null ? coveredByMainCookie : session.host === host;
  if (!usableHere) return null;
  await recordSessionSeen(session);
  const { lastWorkspace, ...user } = session.user;
  return { ...session, user: { ...user, lastWorkspaceId: lastWorkspace?.workspaceId ?? null } };
}

/** Ends the whole family: the main session and every host it was handed to. */
export async function endSessionFamily(sessionId: string): Promise<void> {
  const session = await authDb().session.findFirst({ where: { id: sessionId }, select: { parentId: true } });
  if (!session) return;
  await authDb().session.deleteMany({ where: { id: session.parentId ?? sessionId } });
}

/** Signs a user out of every other browser: every main session but `keepFamilyId`, and with each
 *  every host it was handed to (ON DELETE CASCADE). Password change, "Sign out everywhere else". */
export async function endOtherSessionFamilies(userId: string, keepFamilyId: string): Promise<number> {
  const { count } = await authDb().session.deleteMany({ where: { userId, parentId: null, id: { not: keepFamilyId } } });
  return count;
}

/** Signs a user out everywhere (password reset). */
export async function endAllSessionsOf(userId: string): Promise<void> {
  await authDb().session.deleteMany({ where: { userId } });
}
