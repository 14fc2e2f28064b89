import http from 'node:http';
import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { memberships, people, sessions } from '../src/features/accounts/accounts.table.ts';
import { ABSOLUTE_TIMEOUT_MS, hashToken, newToken, SESSION_COOKIE } from '../src/features/auth/sessions.ts';
import { organisations } from '../src/features/organisations/organisations.table.ts';

/** A coordinator with a live session, and the organisation the bench's editor changes. */
export async function prepareEditor(db: Db, slug: string) {
  const [municipality] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.slug, 'huddinge-kommun'));
  const [target] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  if (!municipality || !target) throw new Error('bench editor: seeded organisations are missing');
  const [person] = await db
    .insert(people)
    .values({ name: 'Bänk Samordnare', email: 'bank@example.se' })
    .returning({ id: people.id });
  await db
    .insert(memberships)
    .values({ personId: person!.id, organisationId: municipality.id, role: 'coordinator' });
  const token = newToken();
  const now = new Date();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    personId: person!.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
  });
  return {
    cookie: `${SESSION_COOKIE}=${token}`,
    slug,
    form: {
      name: target.name,
      shortName: target.shortName ?? '',
      kind: target.kind,
      parentId: target.parentId === null ? '' : String(target.parentId),
      website: target.website ?? '',
    },
    version: target.version,
  };
}

export type Editor = Awaited<ReturnType<typeof prepareEditor>>;

/**
 * Changes one organisation through the app once a second (a real signed-in POST: permissions, history,
 * page-cache invalidation in the same way an editor's save does), timing each save, until stopped.
 */
export function startEditing(port: number, editor: Editor, everyMs = 1_000) {
  const timings: number[] = [];
  let failures = 0;
  let stopped = false;
  const origin = `http://127.0.0.1:${port}`;
  const loop = (async () => {
    while (!stopped) {
      const body = new URLSearchParams({
        ...editor.form,
        description: `Ändrad av benchen ${editor.version}`,
        version: String(editor.version),
      }).toString();
      const started = performance.now();
      const status = await post(`${origin}/organisationer/${editor.slug}/andra`, body, editor.cookie, origin);
      timings.push(performance.now() - started);
      if (status === 303) editor.version += 1;
      else failures += 1;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return { timings, failures };
    },
  };
}

function post(url: string, body: string, cookie: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          cookie,
          origin,
        },
        timeout: 10_000,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(body);
  });
}
