import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../../tests/test-app.ts';
import { formatDate } from '../../../lib/dates.ts';
import { sv } from '../../../web/i18n/sv.ts';
import { groups } from '../../groups/groups.table.ts';
import { agendaItems, meetings } from '../../meetings/meetings.table.ts';
import { meetingsResource } from './meetings.resource.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

type Item = {
  number: number;
  title: string;
  notes: string | null;
  decision: string | null;
  decisionUrl: string | null;
  proposedDecision: string | null;
};
type Meeting = {
  id: string;
  url: string;
  title: string;
  updatedAt: string;
  startsAt: string;
  location: string | null;
  status: string;
  group: { id: string; name: string; url: string };
  agenda: Item[];
  minutes: { status: string; approvedOn: string; keptAt: string | null; url: string } | null;
};

async function json(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json();
}

async function all(query = ''): Promise<Meeting[]> {
  const body = await json(`/api/v1/meetings?limit=100${query}`);
  return body.items;
}

async function meetingId(title: string): Promise<number> {
  const [row] = await subject.database.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(eq(meetings.title, title));
  if (!row) throw new Error(`no meeting ${title}`);
  return row.id;
}

describe('/api/v1/meetings', () => {
  it('gives the public meetings with what their pages show: agenda, decisions and approved minutes', async () => {
    const items = await all();
    expect(items.map((item) => item.title)).toEqual(
      expect.arrayContaining([
        'Högskolerådets möte i september',
        'Högskolerådets möte i oktober',
        'Högskolerådets möte i mars',
      ]),
    );
    const september = items.find((item) => item.title === 'Högskolerådets möte i september');
    if (!september) throw new Error('no september meeting');
    expect(september.url).toBe(`http://localhost:3000/moten/${september.id}`);
    expect(september.group).toEqual({
      id: 'hogskoleradet',
      name: 'Högskolerådet',
      url: 'http://localhost:3000/hogskoleradet',
    });
    expect(september.startsAt).toBe('2026-09-17T07:00:00Z');
    expect(september.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(september.minutes).toEqual({
      status: 'approved',
      approvedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      keptAt: expect.any(String),
      url: `http://localhost:3000/moten/${september.id}/protokoll.html`,
    });

    const page = await subject.request(`/moten/${september.id}`);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain(september.title);
    expect(text).toContain(september.location ?? 'no place');
    expect(text).toContain(formatDate(september.minutes?.approvedOn ?? ''));
    expect(september.agenda.length).toBeGreaterThan(2);
    for (const item of september.agenda) {
      expect(text).toContain(`§ ${item.number} ${item.title}`);
      if (item.decision) {
        expect(text).toContain(item.decision);
        expect(item.decisionUrl).toMatch(/^http:\/\/localhost:3000\/beslut\/[1-9][0-9]*$/);
      }
    }
    expect(september.agenda.filter((item) => item.decision).length).toBeGreaterThan(0);
    // The archive copy the minutes link to is there.
    const archive = await subject.request(new URL(september.minutes?.url ?? '').pathname);
    expect(archive.status).toBe(200);
  });

  it('shows no decision, notes or minutes until the minutes are approved', async () => {
    const id = await meetingId('Högskolerådets möte i mars');
    const [item] = await subject.database.db
      .select({ id: agendaItems.id, title: agendaItems.title })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, id), eq(agendaItems.visibility, 'public')))
      .limit(1);
    if (!item) throw new Error('no item');
    await subject.database.db
      .update(agendaItems)
      .set({ decision: 'Hemligt utkast till beslut', notes: 'Utkast till anteckning' })
      .where(eq(agendaItems.id, item.id));
    for (const state of ['draft', 'ready'] as const) {
      await subject.database.db.update(meetings).set({ minutesStatus: state }).where(eq(meetings.id, id));
      const meeting: Meeting = await json(`/api/v1/meetings/${id}`);
      expect(meeting.minutes).toBeNull();
      const body = JSON.stringify(meeting);
      expect(body).not.toContain('Hemligt utkast');
      expect(body).not.toContain('Utkast till anteckning');
      expect(meeting.agenda.every((entry) => entry.decision === null && entry.notes === null)).toBe(true);
      expect(meeting.agenda.map((entry) => entry.title)).toContain(item.title);
    }
  });

  it('leaves out an internal meeting, an internal item and a meeting of an internal or deleted group', async () => {
    const id = await meetingId('Högskolerådets möte i september');
    const before: Meeting = await json(`/api/v1/meetings/${id}`);
    // The internal item of the October meeting is neither shown nor counted.
    const october: Meeting = await json(
      `/api/v1/meetings/${await meetingId('Högskolerådets möte i oktober')}`,
    );
    expect(october.agenda.map((item) => item.title)).not.toContain('Fördelning av samverkansmedel 2027');
    expect(JSON.stringify(october)).not.toContain('Frågan bereds vidare');
    expect(october.agenda.map((item) => item.number)).toEqual(october.agenda.map((_, index) => index + 1));

    const [first] = before.agenda;
    const [row] = await subject.database.db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, id), eq(agendaItems.title, first?.title ?? '')));
    await subject.database.db
      .update(agendaItems)
      .set({ visibility: 'internal', internalReason: 'Sekretess' })
      .where(eq(agendaItems.id, row?.id ?? 0));
    try {
      const after: Meeting = await json(`/api/v1/meetings/${id}`);
      expect(after.agenda.map((item) => item.title)).not.toContain(first?.title);
      expect(after.agenda[0]?.number).toBe(1);
      expect(after.agenda.length).toBe(before.agenda.length - 1);
    } finally {
      await subject.database.db
        .update(agendaItems)
        .set({ visibility: 'public', internalReason: null })
        .where(eq(agendaItems.id, row?.id ?? 0));
    }

    const expectGone = async () => {
      expect((await all()).map((item) => item.id)).not.toContain(String(id));
      const response = await subject.request(`/api/v1/meetings/${id}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    };
    await subject.database.db
      .update(meetings)
      .set({ visibility: 'internal', internalReason: 'Personalärende' })
      .where(eq(meetings.id, id));
    await expectGone();
    await subject.database.db
      .update(meetings)
      .set({ visibility: 'public', internalReason: null })
      .where(eq(meetings.id, id));
    await subject.database.db
      .update(groups)
      .set({ visibility: 'internal', internalReason: 'Intern grupp' })
      .where(eq(groups.slug, 'hogskoleradet'));
    await expectGone();
    await subject.database.db
      .update(groups)
      .set({ visibility: 'public', internalReason: null, deletedAt: new Date() })
      .where(eq(groups.slug, 'hogskoleradet'));
    await expectGone();
    await subject.database.db.update(groups).set({ deletedAt: null }).where(eq(groups.slug, 'hogskoleradet'));
    await subject.database.db.update(meetings).set({ deletedAt: new Date() }).where(eq(meetings.id, id));
    await expectGone();
    await subject.database.db.update(meetings).set({ deletedAt: null }).where(eq(meetings.id, id));
    expect(await json(`/api/v1/meetings/${id}`)).toEqual(before);
  });

  it('filters by group, by days in Stockholm and by updatedSince', async () => {
    const everything = await all();
    expect((await all('&group=hogskoleradet')).length).toBe(
      everything.filter((item) => item.group.id === 'hogskoleradet').length,
    );
    expect(await all('&group=finns-inte')).toEqual([]);
    const september = await all('&from=2026-09-17&to=2026-09-17');
    expect(september.map((item) => item.title)).toEqual(['Högskolerådets möte i september']);
    const later = await all('&from=2026-09-18');
    expect(later.every((item) => item.startsAt >= '2026-09-18')).toBe(true);
    expect(later.length).toBe(everything.filter((item) => item.startsAt >= '2026-09-18').length);

    const id = await meetingId('Högskolerådets möte i oktober');
    await subject.database.db
      .update(meetings)
      .set({ updatedAt: new Date('2031-01-02T10:00:00Z') })
      .where(eq(meetings.id, id));
    const changed = await all('&updatedSince=2031-01-01');
    expect(changed.map((item) => item.id)).toEqual([String(id)]);
    expect(changed[0]?.updatedAt).toBe('2031-01-02T10:00:00Z');
    // A changed item moves its meeting's updatedAt too.
    const septemberId = await meetingId('Högskolerådets möte i september');
    await subject.database.db
      .update(agendaItems)
      .set({ updatedAt: new Date('2031-02-01T00:00:00Z') })
      .where(eq(agendaItems.meetingId, septemberId));
    expect((await all('&updatedSince=2031-01-15T00:00:00Z')).map((item) => item.id)).toEqual([
      String(septemberId),
    ]);

    const bad = await subject.request('/api/v1/meetings?from=2026-13-01&to=2026-02-31&group=Hög');
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.invalidParams.map((param: { name: string }) => param.name).sort()).toEqual([
      'from',
      'group',
      'to',
    ]);
  });

  it('orders by start time then id and pages through every meeting once', async () => {
    const everything = await all();
    const sorted = [...everything].sort(
      (a, b) => a.startsAt.localeCompare(b.startsAt) || Number(a.id) - Number(b.id),
    );
    expect(everything.map((item) => item.id)).toEqual(sorted.map((item) => item.id));
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/meetings?limit=1';
    while (next) {
      const body = await json(next.replace('http://localhost:3000', ''));
      seen.push(...body.items.map((item: Meeting) => item.id));
      next = body.links.next;
    }
    expect(seen).toEqual(everything.map((item) => item.id));
    for (const id of ['0', '01', 'abc', '99999999999', '2147483648']) {
      expect((await subject.request(`/api/v1/meetings/${id}`)).status, id).toBe(404);
    }
  });

  it('has an example that is a valid, complete item', () => {
    const { item, example } = meetingsResource.schemas(sv);
    expect(item.parse(example)).toEqual(example);
    expect(example.agenda[0]?.decision).toBeTruthy();
  });
});
