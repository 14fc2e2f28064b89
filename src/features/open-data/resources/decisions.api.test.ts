import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../../tests/test-app.ts';
import { sv } from '../../../web/i18n/sv.ts';
import { groups } from '../../groups/groups.table.ts';
import { agendaItems, meetings } from '../../meetings/meetings.table.ts';
import { decisionsResource } from './decisions.resource.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

type Reference = { id: string; name: string; url: string };
type Decision = {
  id: string;
  url: string;
  updatedAt: string;
  title: string;
  number: number;
  decision: string;
  meeting: Reference & { startsAt: string };
  group: Reference;
  decidedOn: string;
  approvedOn: string | null;
  focusAreas: Reference[];
  goals: Reference[];
};

async function json(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json();
}

async function all(query = ''): Promise<Decision[]> {
  return (await json(`/api/v1/decisions?limit=100${query}`)).items;
}

async function meetingId(title: string): Promise<number> {
  const [row] = await subject.database.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(eq(meetings.title, title));
  if (!row) throw new Error(`no meeting ${title}`);
  return row.id;
}

describe('/api/v1/decisions', () => {
  it('gives the decisions of approved minutes as the decision pages and the meetings show them', async () => {
    const items = await all();
    // Every decision the meetings resource shows (public items of approved minutes), and no other.
    const meetingsBody = await json('/api/v1/meetings?limit=100');
    const fromMeetings = meetingsBody.items.flatMap((meeting: { agenda: { decisionUrl: string | null }[] }) =>
      meeting.agenda.map((item) => item.decisionUrl).filter(Boolean),
    );
    expect(items.map((item) => item.url).sort()).toEqual([...fromMeetings].sort());
    expect(items.length).toBeGreaterThan(4);

    const plan = items.find((item) => item.title.startsWith('Kompetensförsörjning i vård och omsorg'));
    if (!plan) throw new Error('no decision on the plan');
    expect(plan.url).toBe(`http://localhost:3000/beslut/${plan.id}`);
    expect(plan.decidedOn).toBe('2026-09-17');
    expect(plan.group).toEqual({
      id: 'hogskoleradet',
      name: 'Högskolerådet',
      url: 'http://localhost:3000/hogskoleradet',
    });
    expect(plan.meeting.name).toBe('Högskolerådets möte i september');
    expect(plan.meeting.url).toBe(`http://localhost:3000/moten/${plan.meeting.id}#paragraf-${plan.number}`);
    expect(plan.focusAreas.map((area) => area.id)).toEqual(['kompetensforsorjning']);
    expect(plan.goals.map((goal) => goal.id)).toEqual(['rekrytering']);

    const page = await subject.request(`/beslut/${plan.id}`);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain(`§ ${plan.number} ${plan.title}`);
    expect(text).toContain(plan.decision);
    expect(text).toContain(plan.meeting.name);
    expect(await json(`/api/v1/decisions/${plan.id}`)).toEqual(plan);
  });

  it('has no decision of draft or ready minutes, of an internal item, meeting or group', async () => {
    const march = await meetingId('Högskolerådets möte i mars');
    const [item] = await subject.database.db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, march), eq(agendaItems.visibility, 'public')))
      .limit(1);
    if (!item) throw new Error('no item');
    await subject.database.db
      .update(agendaItems)
      .set({ decision: 'Utkast till beslut i mars' })
      .where(eq(agendaItems.id, item.id));
    for (const state of ['draft', 'ready'] as const) {
      await subject.database.db.update(meetings).set({ minutesStatus: state }).where(eq(meetings.id, march));
      expect(JSON.stringify(await all())).not.toContain('Utkast till beslut i mars');
      expect((await subject.request(`/api/v1/decisions/${item.id}`)).status).toBe(404);
    }
    // Approved, it is there: the rule, not the data, kept it out.
    await subject.database.db
      .update(meetings)
      .set({ minutesStatus: 'approved', minutesApprovedAt: new Date('2027-03-25T10:00:00Z') })
      .where(eq(meetings.id, march));
    expect((await json(`/api/v1/decisions/${item.id}`)).decision).toBe('Utkast till beslut i mars');
    await subject.database.db
      .update(meetings)
      .set({ minutesStatus: 'draft', minutesApprovedAt: null })
      .where(eq(meetings.id, march));

    // The demo's internal item with a decision in approved minutes.
    const [internal] = await subject.database.db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.title, 'Fördelning av samverkansmedel 2027'));
    expect(JSON.stringify(await all())).not.toContain('Frågan bereds vidare');
    expect((await subject.request(`/api/v1/decisions/${internal?.id}`)).status).toBe(404);

    const [one] = await all();
    if (!one) throw new Error('no decision');
    const expectGone = async () => {
      expect((await all()).map((item) => item.id)).not.toContain(one.id);
      const response = await subject.request(`/api/v1/decisions/${one.id}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    };
    const itemId = Number(one.id);
    await subject.database.db
      .update(agendaItems)
      .set({ visibility: 'internal', internalReason: 'Sekretess' })
      .where(eq(agendaItems.id, itemId));
    await expectGone();
    await subject.database.db
      .update(agendaItems)
      .set({ visibility: 'public', internalReason: null })
      .where(eq(agendaItems.id, itemId));
    await subject.database.db
      .update(meetings)
      .set({ visibility: 'internal', internalReason: 'Internt' })
      .where(eq(meetings.id, Number(one.meeting.id)));
    await expectGone();
    await subject.database.db
      .update(meetings)
      .set({ visibility: 'public', internalReason: null })
      .where(eq(meetings.id, Number(one.meeting.id)));
    await subject.database.db
      .update(groups)
      .set({ visibility: 'internal', internalReason: 'Intern grupp' })
      .where(eq(groups.slug, one.group.id));
    await expectGone();
    await subject.database.db
      .update(groups)
      .set({ visibility: 'public', internalReason: null })
      .where(eq(groups.slug, one.group.id));
    expect(await json(`/api/v1/decisions/${one.id}`)).toEqual(one);
  });

  it('filters by group, goal, focus area, days and updatedSince', async () => {
    const everything = await all();
    const withGoal = await all('&goal=rekrytering');
    expect(withGoal.length).toBeGreaterThan(0);
    expect(withGoal).toEqual(
      everything.filter((item) => item.goals.some((goal) => goal.id === 'rekrytering')),
    );
    const withArea = await all('&focusArea=kompetensforsorjning');
    expect(withArea.length).toBeGreaterThan(0);
    expect(withArea).toEqual(
      everything.filter((item) => item.focusAreas.some((area) => area.id === 'kompetensforsorjning')),
    );
    expect(await all('&group=hogskoleradet')).toEqual(
      everything.filter((item) => item.group.id === 'hogskoleradet'),
    );
    expect(await all('&group=finns-inte')).toEqual([]);
    const october = await all('&from=2026-10-01&to=2026-10-31');
    expect(october.length).toBeGreaterThan(0);
    expect(october).toEqual(everything.filter((item) => item.decidedOn.startsWith('2026-10')));

    const [first] = everything;
    await subject.database.db
      .update(agendaItems)
      .set({ updatedAt: new Date('2031-05-05T05:05:05Z') })
      .where(eq(agendaItems.id, Number(first?.id)));
    const changed = await all('&updatedSince=2031-05-01T00:00:00%2B02:00');
    expect(changed.map((item) => item.id)).toEqual([first?.id]);
    expect(changed[0]?.updatedAt).toBe('2031-05-05T05:05:05Z');

    const bad = await subject.request('/api/v1/decisions?goal=Mål&from=2026-13-01&beslut=1');
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.invalidParams.map((param: { name: string }) => param.name).sort()).toEqual([
      'beslut',
      'from',
      'goal',
    ]);
  });

  it('orders by meeting then agenda place and pages through every decision once', async () => {
    const everything = await all();
    const sorted = [...everything].sort(
      (a, b) =>
        a.meeting.startsAt.localeCompare(b.meeting.startsAt) ||
        Number(a.meeting.id) - Number(b.meeting.id) ||
        a.number - b.number,
    );
    expect(everything.map((item) => item.id)).toEqual(sorted.map((item) => item.id));
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/decisions?limit=3';
    while (next) {
      const body = await json(next.replace('http://localhost:3000', ''));
      seen.push(...body.items.map((item: Decision) => item.id));
      next = body.links.next;
    }
    expect(seen).toEqual(everything.map((item) => item.id));
    expect((await subject.request('/api/v1/decisions/0')).status).toBe(404);
  });

  it('has an example that is a valid item', () => {
    const { item, example } = decisionsResource.schemas(sv);
    expect(item.parse(example)).toEqual(example);
  });
});
