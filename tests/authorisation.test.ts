import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFeedback } from '../src/features/feedback/feedback.table.ts';
import { groups } from '../src/features/groups/groups.table.ts';
import { organisations } from '../src/features/organisations/organisations.table.ts';
import { recordHistory } from '../src/features/register/register.table.ts';
import { createPerson, sessionCookieFor } from './people.ts';
import { PUBLIC_PAGES } from './public-pages.ts';
import { isMiddlewareEntry, OPEN_ROUTES } from './route-catalogue.ts';
import { createTestApp, formPost } from './test-app.ts';

/**
 * The authorisation table (QUALITY.md, issue 3): every protected route × every role × own/other
 * organisation × signed out, with the answer each must get. A route the app has that is neither here
 * nor in OPEN_ROUTES fails the first test, so a new route cannot ship without a line in this table.
 *
 * Everyone signed in belongs to the working group for Södertörns högskola ("own" group) and not to the
 * one for Karolinska Institutet ("other"); the member and the editor belong to barn- och
 * utbildningsförvaltningen ("own" organisation), not to gymnasie- och arbetsmarknadsförvaltningen.
 */
const ROLES = ['member', 'editor', 'coordinator', 'administrator'] as const;
type Role = (typeof ROLES)[number];
type Who = Role | 'signed out';
type Target = 'own' | 'other' | 'any';

const OWN_ORGANISATION = 'barn-och-utbildningsforvaltningen';
const OTHER_ORGANISATION = 'gymnasie-och-arbetsmarknadsforvaltningen';
const OWN_GROUP = 'arbetsgrupp-sodertorns-hogskola';
const OTHER_GROUP = 'arbetsgrupp-karolinska-institutet';

type Request = { path: string; form?: Record<string, string> };

type Entry = {
  /** Which targets each role may reach; signed out may reach none. */
  allowed: Record<Role, Target[]>;
  /** The targets this route has: own/other where an organisation or group decides, else any. */
  targets: Target[];
  /** The status when allowed. */
  ok: number;
  /** The request for one target; may create what it needs (a fresh person to disable, …). */
  request: (target: Target) => Promise<Request>;
};

const everyone: Record<Role, Target[]> = {
  member: ['any'],
  editor: ['any'],
  coordinator: ['any'],
  administrator: ['any'],
};
const administratorsOnly = (targets: Target[]): Record<Role, Target[]> => ({
  member: [],
  editor: [],
  coordinator: [],
  administrator: targets,
});
const feedbackViewers: Record<Role, Target[]> = {
  member: [],
  editor: ['any', 'own'],
  coordinator: ['any', 'own', 'other'],
  administrator: ['any', 'own', 'other'],
};

let subject: Awaited<ReturnType<typeof createTestApp>>;
const cookies = {} as Record<Role, string>;
const ids = { own: 0, other: 0 };

const db = () => subject.deps.db;

async function organisationId(slug: string): Promise<number> {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
async function groupId(slug: string): Promise<number> {
  const [row] = await db().select().from(groups).where(eq(groups.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
/** A person in the own or the other organisation, for the admin pages about one person. */
async function personIn(target: Target): Promise<number> {
  return createPerson(db(), {
    name: `Berörd ${target}`,
    roles: { [target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION]: 'member' },
    groups: [OWN_GROUP],
  });
}
/** A feedback answer on a page the own or the other organisation owns. */
async function feedbackOn(target: Target): Promise<string> {
  const slug = target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION;
  const [row] = await db()
    .insert(pageFeedback)
    .values({ pagePath: `/organisationer/${slug}`, helpful: false, comment: 'Saknar kontaktuppgifter' })
    .returning({ id: pageFeedback.id });
  return row!.id;
}

const ownOrOther: Target[] = ['own', 'other'];

/** Editors: their own organisation and what is under it; coordinators and administrators everything. */
const registerEditors: Record<Role, Target[]> = {
  member: [],
  editor: ['own'],
  coordinator: ['own', 'other'],
  administrator: ['own', 'other'],
};
const coordinatorsOnly: Record<Role, Target[]> = {
  member: [],
  editor: [],
  coordinator: ['own', 'other'],
  administrator: ['own', 'other'],
};

let units = 0;
/**
 * A fresh unit under the own or the other organisation, with its first version in the history, so each
 * request edits, deletes or restores an organisation of its own.
 */
async function unitUnder(target: Target): Promise<{ slug: string; id: number; parentId: number }> {
  units += 1;
  const parentId = await organisationId(target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION);
  const values = { name: `Enhet ${units}`, kind: 'unit' as const, parentId };
  const [row] = await db()
    .insert(organisations)
    .values({ slug: `enhet-${units}`, ...values })
    .returning({ id: organisations.id, slug: organisations.slug });
  await db()
    .insert(recordHistory)
    .values({
      recordType: 'organisation',
      recordId: row!.id,
      version: 1,
      action: 'created',
      changes: {},
      snapshot: { ...values, shortName: null, website: null, description: '' },
    });
  return { ...row!, parentId };
}
const unitForm = (name: string, parentId: number) => ({
  name,
  shortName: '',
  kind: 'unit',
  parentId: String(parentId),
  website: '',
  description: '',
});

const PROTECTED_ROUTES: Record<string, Entry> = {
  'GET /mina-uppgifter': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mina-uppgifter' }),
  },
  'POST /mina-uppgifter': {
    allowed: everyone,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: '/mina-uppgifter',
      form: { name: 'Ny Namnsson', email: 'ny@example.se', keywords: 'skola, forskning', language: 'sv' },
    }),
  },
  'GET /mina-uppgifter/export': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mina-uppgifter/export' }),
  },
  'GET /mina-uppgifter/radera': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mina-uppgifter/radera' }),
  },
  // Ending one's own sessions or erasing oneself is run with a throwaway session: see `requestAs`.
  'POST /mina-uppgifter/logga-ut-overallt': {
    allowed: everyone,
    targets: ['any'],
    ok: 303,
    request: async () => ({ path: '/mina-uppgifter/logga-ut-overallt', form: {} }),
  },
  'POST /mina-uppgifter/radera': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mina-uppgifter/radera', form: { bekrafta: 'ja' } }),
  },
  'GET /admin': {
    allowed: administratorsOnly(['any']),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/admin' }),
  },
  'GET /admin/bjud-in': {
    allowed: administratorsOnly(['any']),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/admin/bjud-in' }),
  },
  'POST /admin/bjud-in': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: '/admin/bjud-in',
      form: {
        name: 'Inbjuden Person',
        email: `inbjuden-${Math.random().toString(36).slice(2)}@example.se`,
        organisationId: String(
          await organisationId(target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION),
        ),
        role: 'member',
      },
    }),
  },
  'GET /admin/logg': {
    allowed: administratorsOnly(['any']),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/admin/logg' }),
  },
  'GET /admin/personer/:id': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/admin/personer/${await personIn(target)}` }),
  },
  'POST /admin/personer/:id/medlemskap': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/admin/personer/${await personIn(target)}/medlemskap`,
      form: { organisationId: String(await organisationId('sodertorns-hogskola')), role: 'editor' },
    }),
  },
  'POST /admin/personer/:id/medlemskap/:organisationId/ta-bort': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => {
      const slug = target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION;
      return {
        path: `/admin/personer/${await personIn(target)}/medlemskap/${await organisationId(slug)}/ta-bort`,
        form: {},
      };
    },
  },
  'POST /admin/personer/:id/grupper': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/admin/personer/${await personIn(target)}/grupper`,
      form: { groupId: String(await groupId(OTHER_GROUP)) },
    }),
  },
  'POST /admin/personer/:id/grupper/:groupId/ta-bort': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/admin/personer/${await personIn(target)}/grupper/${await groupId(OWN_GROUP)}/ta-bort`,
      form: {},
    }),
  },
  'POST /admin/personer/:id/stang-av': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({ path: `/admin/personer/${await personIn(target)}/stang-av`, form: {} }),
  },
  'POST /admin/personer/:id/aktivera': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({ path: `/admin/personer/${await personIn(target)}/aktivera`, form: {} }),
  },
  'GET /grupper/:slug/internt': {
    allowed: {
      member: ['own'],
      editor: ['own'],
      coordinator: ['own', 'other'],
      administrator: ['own', 'other'],
    },
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/grupper/${target === 'other' ? OTHER_GROUP : OWN_GROUP}/internt` }),
  },
  'GET /arbetsyta': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/arbetsyta' }),
  },
  'GET /organisationer/ny': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({
      path: `/organisationer/ny?under=${target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION}`,
    }),
  },
  'POST /organisationer/ny': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => {
      const parentId = await organisationId(target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION);
      return { path: '/organisationer/ny', form: unitForm(`Ny enhet ${Math.random()}`, parentId) };
    },
  },
  'GET /organisationer/:slug/andra': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/organisationer/${(await unitUnder(target)).slug}/andra` }),
  },
  'POST /organisationer/:slug/andra': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => {
      const unit = await unitUnder(target);
      return {
        path: `/organisationer/${unit.slug}/andra`,
        form: { ...unitForm('Omdöpt enhet', unit.parentId), version: '1' },
      };
    },
  },
  'GET /organisationer/:slug/ta-bort': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/organisationer/${(await unitUnder(target)).slug}/ta-bort` }),
  },
  'POST /organisationer/:slug/ta-bort': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/organisationer/${(await unitUnder(target)).slug}/ta-bort`,
      form: { version: '1' },
    }),
  },
  'GET /organisationer/:slug/historik': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/organisationer/${(await unitUnder(target)).slug}/historik` }),
  },
  'POST /organisationer/:slug/historik/:version/aterstall': {
    allowed: coordinatorsOnly,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/organisationer/${(await unitUnder(target)).slug}/historik/1/aterstall`,
      form: {},
    }),
  },
  'GET /aterkoppling/oversikt': {
    allowed: feedbackViewers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/aterkoppling/oversikt' }),
  },
  'GET /aterkoppling/oversikt.csv': {
    allowed: feedbackViewers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/aterkoppling/oversikt.csv' }),
  },
  'POST /aterkoppling/oversikt/:id/behandlad': {
    allowed: feedbackViewers,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/aterkoppling/oversikt/${await feedbackOn(target)}/behandlad`,
      form: { handled: 'ja', tillbaka: '/aterkoppling/oversikt' },
    }),
  },
};

beforeAll(async () => {
  subject = await createTestApp();
  const roleAt: Record<Role, [string, string]> = {
    member: [OWN_ORGANISATION, 'member'],
    editor: [OWN_ORGANISATION, 'editor'],
    coordinator: ['huddinge-kommun', 'coordinator'],
    administrator: ['huddinge-kommun', 'administrator'],
  };
  for (const role of ROLES) {
    const [slug, membership] = roleAt[role];
    const personId = await createPerson(db(), {
      name: `Persona ${role}`,
      roles: { [slug]: membership as 'member' },
      groups: [OWN_GROUP],
    });
    cookies[role] = await sessionCookieFor(db(), personId, subject.deps.clock.now());
  }
  ids.own = await organisationId(OWN_ORGANISATION);
  ids.other = await organisationId(OTHER_ORGANISATION);
});
afterAll(() => subject.cleanup());

/** Routes that end or erase the caller's own account run as a fresh copy of the persona. */
const SELF_ENDING = new Set(['POST /mina-uppgifter/logga-ut-overallt', 'POST /mina-uppgifter/radera']);

async function cookieFor(who: Who, route: string): Promise<string | undefined> {
  if (who === 'signed out') return undefined;
  if (!SELF_ENDING.has(route)) return cookies[who];
  const personId = await createPerson(db(), { name: `Kopia ${who}` });
  return sessionCookieFor(db(), personId, subject.deps.clock.now());
}

/** Routes neither protected nor open (missing), and lines that name no route any more (stale). */
function unlistedRoutes(appRoutes: { method: string; path: string }[]) {
  const routes = new Set(appRoutes.map((route) => `${route.method} ${route.path}`));
  const missing = [...routes].filter(
    (key) => !isMiddlewareEntry(key) && !(key in PROTECTED_ROUTES) && !(key in OPEN_ROUTES),
  );
  const stale = [...Object.keys(PROTECTED_ROUTES), ...Object.keys(OPEN_ROUTES)].filter(
    (key) => !routes.has(key),
  );
  return { missing, stale };
}

async function send(route: string, who: Who, request: Request): Promise<Response> {
  const cookie = await cookieFor(who, route);
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (request.form) return subject.request(request.path, formPost(request.form, headers));
  return subject.request(request.path, { headers });
}

function expectedStatus(route: string, who: Who, target: Target): number {
  const entry = PROTECTED_ROUTES[route]!;
  if (who === 'signed out') return route.startsWith('GET ') ? 303 : 401;
  return entry.allowed[who].includes(target) ? entry.ok : 403;
}

const cases = Object.entries(PROTECTED_ROUTES).flatMap(([route, entry]) =>
  (['signed out', ...ROLES] as Who[]).flatMap((who) =>
    entry.targets.map((target) => ({ route, who, target, expected: expectedStatus(route, who, target) })),
  ),
);

describe('the authorisation table', () => {
  it('names every route the app has, as protected or open', () => {
    expect(unlistedRoutes(subject.app.routes)).toEqual({ missing: [], stale: [] });
  });

  it('notices a route added without a line in the table', () => {
    const routes = [...subject.app.routes, { method: 'POST', path: '/admin/personer/:id/sla-ihop' }];
    expect(unlistedRoutes(routes).missing).toEqual(['POST /admin/personer/:id/sla-ihop']);
  });

  it.for(cases)('$route as $who, target $target → $expected', async ({ route, who, target, expected }) => {
    const response = await send(route, who, await PROTECTED_ROUTES[route]!.request(target));
    expect(response.status).toBe(expected);
    if (expected === 303 && who === 'signed out') {
      expect(response.headers.get('location')).toMatch(/^\/logga-in\?nasta=%2F/);
    }
    if (who !== 'signed out') expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('lets every role, and nobody signed in, read every public page', async () => {
    for (const who of ['signed out', ...ROLES] as Who[]) {
      for (const path of Object.values(PUBLIC_PAGES)) {
        const response = await send('GET public', who, { path });
        expect(response.status, `${who} ${path}`).toBe(200);
      }
    }
  });
});
