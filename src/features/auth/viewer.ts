import { eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler, Next } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import { languageFor, messagesFor } from '../../web/i18n/messages.ts';
import { memberships } from '../accounts/accounts.table.ts';
import { findPerson } from '../accounts/people.queries.ts';
import { groupMemberships } from '../groups/groups.table.ts';
import type { Viewer } from './permissions.ts';
import { clearSessionCookie, endAllSessions, findLiveSession, SESSION_COOKIE } from './sessions.ts';

/**
 * Sets `viewer` (the signed-in person, or null) on every request. Requests without our cookie cost
 * nothing. Every answer to a signed-in request is `Cache-Control: no-store`: it may hold personal data.
 */
export function loadViewer(): MiddlewareHandler<AppEnv> {
  // Not async on the common path: most requests are residents reading pages, with no cookie at all, and
  // they pass on after one header look-up without another promise.
  return (c, next) => {
    if (!cookieHeader(c)?.includes(SESSION_COOKIE)) {
      c.set('viewer', null);
      c.set('sessionCookieSent', false);
      return next();
    }
    return loadSignedIn(c, next);
  };
}

async function loadSignedIn(c: Context<AppEnv>, next: Next): Promise<void> {
  c.set('sessionCookieSent', true);
  const session = await findLiveSession(c);
  const viewer = session ? await viewerFor(c.get('deps').db, session.personId) : null;
  c.set('viewer', viewer);
  const language = languageFor(viewer?.language);
  c.set('lang', language);
  c.set('t', messagesFor(language));
  if (!viewer) clearSessionCookie(c);
  await next();
  c.header('Cache-Control', 'no-store');
}

/**
 * The Cookie header, read straight from Node's parsed headers when the request came over HTTP (a plain
 * property read: this runs for every page view), else through the Fetch API request (tests).
 */
function cookieHeader(c: Context<AppEnv>): string | undefined {
  const incoming = (c.env as { incoming?: { headers?: Record<string, string | string[] | undefined> } })
    ?.incoming;
  const fromNode = incoming?.headers?.cookie;
  return typeof fromNode === 'string' ? fromNode : c.req.header('cookie');
}

/** The person with their roles and groups; null (and no sessions left) if disabled or erased. */
export async function viewerFor(db: Db, personId: number): Promise<Viewer | null> {
  const person = await findPerson(db, personId);
  if (!person) return null;
  if (person.disabledAt || person.erasedAt) {
    // Disabling and erasure end sessions at once; this catches one started a moment before.
    await endAllSessions(db, personId);
    return null;
  }
  const [roles, groups] = await Promise.all([
    db
      .select({ organisationId: memberships.organisationId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.personId, personId)),
    db
      .select({ groupId: groupMemberships.groupId })
      .from(groupMemberships)
      .where(eq(groupMemberships.personId, personId)),
  ]);
  return {
    personId,
    name: person.name,
    email: person.email,
    language: person.language,
    memberships: roles,
    groupIds: groups.map((group) => group.groupId),
  };
}
