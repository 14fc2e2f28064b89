import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../../tests/people.ts';
import { createTestApp } from '../../../../tests/test-app.ts';
import { sv } from '../../../web/i18n/sv.ts';
import { agreements } from '../../agreements/agreements.table.ts';
import { groupMembers, groups } from '../../groups/groups.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { groupsResource } from './groups.resource.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

type Reference = { id: string; name: string; url: string };
type Member = {
  role: keyof typeof sv.memberRoles;
  personName: string | null;
  seat: string | null;
  organisation: Reference | null;
  isExampleData: boolean;
};
type Item = {
  id: string;
  url: string;
  name: string;
  kind: string;
  description: string;
  agreement: Reference | null;
  organisations: Reference[];
  members: Member[];
  isExampleData: boolean;
  updatedAt: string;
};

async function json(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json();
}

async function all(query = ''): Promise<Item[]> {
  return (await json(`/api/v1/groups?limit=100${query}`)).items;
}

const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The rows of the member table on a group's public page, as its three cells' text. */
async function memberTable(path: string): Promise<string[][]> {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  const page = await response.text();
  const body = /<table>\s*<caption>[^<]*<\/caption>[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page)?.[1];
  expect(body, path).toBeDefined();
  return [...(body ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => text(cell[1] ?? '')),
  );
}

/** A member as the page's table shows it: the name (or office), the role, the organisation. */
function asShown(member: Member): string[] {
  const name = member.personName ?? member.seat ?? '–';
  return [
    member.isExampleData ? `${name} ${sv.common.demo}` : name,
    sv.memberRoles[member.role],
    member.organisation?.name ?? '–',
  ];
}

describe('/api/v1/groups', () => {
  it('gives Högskolerådet at its own page with the seats and roles exactly as that page shows them', async () => {
    const council = (await json('/api/v1/groups/hogskoleradet')) as Item;
    expect(council).toMatchObject({
      id: 'hogskoleradet',
      url: 'http://localhost:3000/hogskoleradet',
      name: 'Högskolerådet',
      kind: 'council',
      agreement: null,
      isExampleData: false,
    });
    expect(council.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(council.members[0]).toEqual({
      role: 'chair',
      personName: null,
      seat: 'Ordförande i gymnasie- och arbetsmarknadsnämnden',
      organisation: {
        id: 'gymnasie-och-arbetsmarknadsnamnden',
        name: 'Gymnasie- och arbetsmarknadsnämnden',
        url: 'http://localhost:3000/organisationer/gymnasie-och-arbetsmarknadsnamnden',
      },
      isExampleData: false,
    });
    expect(council.organisations.map((organisation) => organisation.id)).toEqual(
      expect.arrayContaining([
        'huddinge-kommun',
        'sodertorns-hogskola',
        'karolinska-institutet',
        'studentkaren-i-flemingsberg',
      ]),
    );
    const rows = await memberTable('/hogskoleradet');
    expect(rows.length).toBeGreaterThan(8);
    expect(council.members.map(asShown)).toEqual(rows);
  });

  it('gives a working group with its agreement and its named members as the group page shows them', async () => {
    const slug = 'arbetsgrupp-sodertorns-hogskola';
    const group = (await json(`/api/v1/groups/${slug}`)) as Item;
    expect(group.url).toBe(`http://localhost:3000/grupper/${slug}`);
    expect(group.kind).toBe('working_group');
    expect(group.agreement).toEqual({
      id: 'samverkansavtal-sodertorns-hogskola',
      name: 'Samverkansavtal mellan Huddinge kommun och Södertörns högskola',
      url: 'http://localhost:3000/avtal/samverkansavtal-sodertorns-hogskola',
    });
    expect(group.members.some((member) => member.personName !== null)).toBe(true);
    expect(group.members.map(asShown)).toEqual(await memberTable(`/grupper/${slug}`));

    const network = (await json('/api/v1/groups/flemingsberg-science-parter')) as Item;
    expect(network.url).toBe('http://localhost:3000/flemingsberg-science');
    expect(network.kind).toBe('network');
    const page = await (await subject.request('/flemingsberg-science')).text();
    for (const organisation of network.organisations) {
      expect(page).toContain(organisation.name);
    }
    expect(network.organisations.map((organisation) => organisation.id)).toContain('region-stockholm');
  });

  it('has an example that passes its schema and is the council as the API gives it', async () => {
    const { item: schema, example } = groupsResource.schemas(sv);
    expect(schema.safeParse(example).success).toBe(true);
    const real = JSON.parse(
      JSON.stringify(await json(`/api/v1/groups/${example.id}`)).replaceAll(
        'http://localhost:3000',
        'https://samverkan.huddinge.se',
      ),
    );
    expect(real).toMatchObject({
      ...example,
      updatedAt: real.updatedAt,
      organisations: real.organisations,
      members: real.members,
    });
    expect(real.organisations.slice(0, example.organisations.length)).toEqual(example.organisations);
    expect(real.members.slice(0, example.members.length)).toEqual(example.members);
  });

  it('filters by kind, organisation, agreement and updatedSince', async () => {
    const everything = await all();
    const working = await all('&kind=working_group');
    expect(working.map((group) => group.id)).toEqual(
      expect.arrayContaining(['arbetsgrupp-karolinska-institutet', 'arbetsgrupp-sodertorns-hogskola']),
    );
    expect(working).toEqual(everything.filter((group) => group.kind === 'working_group'));
    const region = await all('&organisation=region-stockholm');
    expect(region.map((group) => group.id)).toEqual(['flemingsberg-science-parter']);
    const ki = await all('&organisation=karolinska-institutet');
    expect(ki).toEqual(
      everything.filter((group) => group.organisations.some((o) => o.id === 'karolinska-institutet')),
    );
    expect(ki.map((group) => group.id)).toEqual(
      expect.arrayContaining([
        'hogskoleradet',
        'flemingsberg-science-parter',
        'arbetsgrupp-karolinska-institutet',
      ]),
    );
    const byAgreement = await all('&agreement=samverkansavtal-karolinska-institutet');
    expect(byAgreement.map((group) => group.id)).toEqual(['arbetsgrupp-karolinska-institutet']);
    await subject.database.db
      .update(groups)
      .set({ updatedAt: new Date('2030-01-01T08:00:00Z') })
      .where(eq(groups.slug, 'flemingsberg-science-parter'));
    expect((await all('&updatedSince=2030-01-01T09:00:00%2B01:00')).map((group) => group.id)).toEqual([
      'flemingsberg-science-parter',
    ]);
    const bad = await subject.request('/api/v1/groups?kind=rad&organisation=KI&agreement=');
    expect(bad.status).toBe(400);
  });

  it('pages by slug with links that lead through every group once', async () => {
    const everything = await all();
    expect(everything.length).toBeGreaterThanOrEqual(4);
    expect(everything.map((group) => group.id)).toEqual(everything.map((group) => group.id).sort());
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/groups?limit=3';
    while (next) {
      const body = await json(next.replace('http://localhost:3000', ''));
      seen.push(...body.items.map((group: Item) => group.id));
      next = body.links.next;
    }
    expect(seen).toEqual(everything.map((group) => group.id));
  });

  it('leaves out an internal group and its members (list, filters and item 404)', async () => {
    const slug = 'arbetsgrupp-karolinska-institutet';
    const before = (await json(`/api/v1/groups/${slug}`)) as Item;
    const names = before.members.flatMap((member) => (member.personName ? [member.personName] : []));
    expect(names.length).toBeGreaterThan(0);
    const othersHave = new Set(
      (await all())
        .filter((group) => group.id !== slug)
        .flatMap((group) => group.members.map((member) => member.personName)),
    );
    await subject.database.db
      .update(groups)
      .set({ visibility: 'internal', internalReason: 'arbetsmaterial' })
      .where(eq(groups.slug, slug));
    try {
      const response = await subject.request(`/api/v1/groups/${slug}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = await (await subject.request('/api/v1/groups?limit=100')).text();
      expect(body).not.toContain(`/grupper/${slug}`);
      expect(body).not.toContain('arbetsmaterial');
      for (const name of names.filter((name) => !othersHave.has(name))) expect(body).not.toContain(name);
      expect(await all('&agreement=samverkansavtal-karolinska-institutet')).toEqual([]);
    } finally {
      await subject.database.db.update(groups).set({ visibility: 'public' }).where(eq(groups.slug, slug));
    }
  });

  it('hides what the pages hide: internal agreements, deleted organisations, ended seats, accounts and e-mail', async () => {
    const slug = 'arbetsgrupp-sodertorns-hogskola';
    const agreement = 'samverkansavtal-sodertorns-hogskola';
    const { db } = subject.database;
    await db.update(agreements).set({ visibility: 'internal' }).where(eq(agreements.slug, agreement));
    try {
      expect(((await json(`/api/v1/groups/${slug}`)) as Item).agreement).toBeNull();
      expect(await all(`&agreement=${agreement}`)).toEqual([]);
    } finally {
      await db.update(agreements).set({ visibility: 'public' }).where(eq(agreements.slug, agreement));
    }

    await db
      .update(organisations)
      .set({ deletedAt: new Date() })
      .where(eq(organisations.slug, 'region-stockholm'));
    try {
      const network = (await json('/api/v1/groups/flemingsberg-science-parter')) as Item;
      expect(network.organisations.map((organisation) => organisation.id)).not.toContain('region-stockholm');
      expect(network.members.filter((member) => member.organisation === null)).toHaveLength(1);
      expect(await all('&organisation=region-stockholm')).toEqual([]);
      expect(network.members.map(asShown)).toEqual(await memberTable('/grupper/flemingsberg-science-parter'));
    } finally {
      await db
        .update(organisations)
        .set({ deletedAt: null })
        .where(eq(organisations.slug, 'region-stockholm'));
    }

    // A seat whose term has ended is not on the page, nor here.
    const [group] = await db.select().from(groups).where(eq(groups.slug, 'hogskoleradet'));
    const [ki] = await db.select().from(organisations).where(eq(organisations.slug, 'karolinska-institutet'));
    if (!group || !ki) throw new Error('seed');
    const seat = and(eq(groupMembers.groupId, group.id), eq(groupMembers.organisationId, ki.id));
    await db.update(groupMembers).set({ toOn: '2026-11-26' }).where(seat);
    try {
      const council = (await json('/api/v1/groups/hogskoleradet')) as Item;
      expect(council.organisations.map((organisation) => organisation.id)).not.toContain(
        'karolinska-institutet',
      );
      expect(council.members.map(asShown)).toEqual(await memberTable('/hogskoleradet'));
      expect((await all('&organisation=karolinska-institutet')).map((item) => item.id)).not.toContain(
        'hogskoleradet',
      );
    } finally {
      await db.update(groupMembers).set({ toOn: null }).where(seat);
    }

    // People with accounts in a group see its internal material; they are no seat, and never published.
    await createPerson(db, {
      name: 'Kontonamn Hemligsson',
      email: 'hemlig.person@example.se',
      groups: ['hogskoleradet'],
    });
    const body = await (await subject.request('/api/v1/groups?limit=100')).text();
    expect(body).not.toContain('Hemligsson');
    expect(body).not.toContain('@');
  });
});
