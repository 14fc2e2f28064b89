import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import {
  memberships,
  people,
  personIdentities,
  type Role,
  sessions,
} from '../src/features/accounts/accounts.table.ts';
import { EMAIL_LINK_ISSUER } from '../src/features/auth/identities.tsx';
import { ABSOLUTE_TIMEOUT_MS, hashToken, newToken, SESSION_COOKIE } from '../src/features/auth/sessions.ts';
import { groupMemberships, groups } from '../src/features/groups/groups.table.ts';
import { organisations } from '../src/features/organisations/organisations.table.ts';
import type { TestApp } from './test-app.ts';

export type PersonSpec = {
  name?: string;
  email?: string;
  /** Organisation slug → role there. */
  roles?: Record<string, Role>;
  /** Group slugs the person is a member of. */
  groups?: string[];
};

/** A person with an e-mail-link identity, roles and groups, written straight to the database. */
export async function createPerson(db: Db, spec: PersonSpec = {}): Promise<number> {
  const email = spec.email ?? `person-${Math.random().toString(36).slice(2, 10)}@example.se`;
  const [person] = await db
    .insert(people)
    .values({ name: spec.name ?? 'Test Testsson', email })
    .returning({ id: people.id });
  if (!person) throw new Error('no person');
  await db
    .insert(personIdentities)
    .values({ personId: person.id, issuer: EMAIL_LINK_ISSUER, subject: email.toLowerCase() });
  for (const [slug, role] of Object.entries(spec.roles ?? {})) {
    const [organisation] = await db.select().from(organisations).where(eq(organisations.slug, slug));
    if (!organisation) throw new Error(`no organisation ${slug}`);
    await db.insert(memberships).values({ personId: person.id, organisationId: organisation.id, role });
  }
  for (const slug of spec.groups ?? []) {
    const [group] = await db.select().from(groups).where(eq(groups.slug, slug));
    if (!group) throw new Error(`no group ${slug}`);
    await db.insert(groupMemberships).values({ personId: person.id, groupId: group.id });
  }
  return person.id;
}

/**
 * A live session for the person, as signing in would leave it, and the Cookie header that carries it.
 * For tests of what a signed-in person may do; the sign-in flows themselves are tested end to end.
 */
export async function sessionCookieFor(db: Db, personId: number, now: Date): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    personId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
  });
  return `${SESSION_COOKIE}=${token}`;
}

/** A person and a cookie in one step. */
export async function signedInPerson(
  subject: Pick<TestApp, 'deps'>,
  spec: PersonSpec = {},
): Promise<{ personId: number; cookie: string }> {
  const personId = await createPerson(subject.deps.db, spec);
  return { personId, cookie: await sessionCookieFor(subject.deps.db, personId, subject.deps.clock.now()) };
}
