import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../app-deps.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { sessions } from '../accounts/accounts.table.ts';

/** A session ends after 30 minutes without a request, and 12 hours after sign-in whatever happens. */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 3_600_000;
/** `last_seen_at` is written at most this often, so reading pages does not mean a write per request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * `__Host-`: the browser only accepts it with Secure, Path=/ and no Domain, so no other site or
 * subdomain can plant or read it. Browsers count http://localhost and 127.0.0.1 as secure, so it works
 * in development too.
 */
export const SESSION_COOKIE = '__Host-samverkan';

/** What is stored of a secret token (sessions, sign-in links, OIDC state): never the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What `newToken` makes: 32 bytes in base64url, 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type SessionRow = typeof sessions.$inferSelect;

/** Starts a new session with a new random id (never one the browser brought) and sets the cookie. */
export async function startSession(c: Context<AppEnv>, db: DbOrTx, personId: number): Promise<void> {
  const now = c.get('deps').clock.now();
  // A session the browser already had ends here; its cookie is overwritten below.
  const earlier = getCookie(c, SESSION_COOKIE);
  if (earlier) await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(earlier)));
  const token = newToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    personId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
  });
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

/** The session the request's cookie names, if it is still alive; refreshes its idle clock. */
export async function findLiveSession(c: Context<AppEnv>): Promise<SessionRow | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  // Only what newToken makes is looked up: a junk cookie costs no database query.
  if (!token || !TOKEN_SHAPE.test(token)) return undefined;
  const { db, clock } = c.get('deps');
  const now = clock.now();
  const [row] = await db
    .select()
    .from(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)));
  if (!row) return undefined;
  if (!isAlive(row, now)) {
    await db.delete(sessions).where(eq(sessions.tokenHash, row.tokenHash));
    return undefined;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, row.tokenHash));
  }
  return row;
}

export function isAlive(session: Pick<SessionRow, 'lastSeenAt' | 'expiresAt'>, now: Date): boolean {
  return (
    now.getTime() < session.expiresAt.getTime() &&
    now.getTime() - session.lastSeenAt.getTime() < IDLE_TIMEOUT_MS
  );
}

/** Signs out: the session is deleted on the server, not only forgotten by the browser. */
export async function endSessionOfRequest(c: Context<AppEnv>, db: DbOrTx): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  clearSessionCookie(c);
}

/** Makes the browser forget its session cookie (the server side is ended separately). */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
}

/** "Logga ut överallt", and what disabling an account does. */
export async function endAllSessions(db: DbOrTx, personId: number): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.personId, personId)).returning();
  return ended.length;
}

/** Removes sessions that can no longer be used, so the table does not grow without end. */
export async function deleteDeadSessions(db: Db, now: Date): Promise<void> {
  await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS))),
    );
}
