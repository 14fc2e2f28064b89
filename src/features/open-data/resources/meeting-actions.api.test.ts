import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../../tests/test-app.ts';
import { agendaItems, meetingActions, meetings } from '../../meetings/meetings.table.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

type Action = {
  id: string;
  url: string;
  title: string;
  status: string;
  statusNote: string;
  dueOn: string | null;
  owner: { name: string } | null;
  meeting: { id: string; url: string };
  group: { id: string; url: string };
};

async function list(query = ''): Promise<{ items: Action[]; totalItems: number }> {
  const response = await subject.request(`/api/v1/meeting-actions?limit=100${query}`);
  expect(response.status).toBe(200);
  return response.json();
}

/** The rows of the council page's table "Pågående uppdrag", as text. */
async function councilTableRows(): Promise<string[]> {
  const html = await (await subject.request('/hogskoleradet')).text();
  const section = html.slice(html.indexOf('id="uppdrag"'));
  const table = section.slice(0, section.indexOf('</table>'));
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((row) => textOf(row[1] ?? ''));
}

describe('/api/v1/meeting-actions', () => {
  it('gives the open actions the council page lists, with owner, status and due date', async () => {
    const { items } = await list('&group=hogskoleradet');
    const rows = await councilTableRows();
    expect(items.length).toBeGreaterThan(0);
    expect(items).toHaveLength(rows.length);
    items.forEach((action, index) => {
      expect(rows[index]).toContain(action.title);
      if (action.owner) expect(rows[index]).toContain(action.owner.name);
      if (action.statusNote) expect(rows[index]).toContain(action.statusNote);
      expect(action.url).toBe(`http://localhost:3000/moten/${action.meeting.id}`);
      expect(action.group.url).toBe('http://localhost:3000/hogskoleradet');
      expect(['not_started', 'in_progress']).toContain(action.status);
    });
  });

  it('leaves out finished, internal and deleted actions and those of internal meetings (list and item)', async () => {
    const { db } = subject.database;
    const { items } = await list();
    const [open] = items;
    if (!open) throw new Error('the demo data has an open action');
    // Three more open actions from the same approved meeting: each is then hidden another way.
    const [given] = await db
      .select()
      .from(meetingActions)
      .where(eq(meetingActions.id, Number(open.id)));
    if (!given) throw new Error('no action');
    const added = await db
      .insert(meetingActions)
      .values(
        ['Första extrauppdraget', 'Andra extrauppdraget', 'Tredje extrauppdraget'].map((title) => ({
          groupId: given.groupId,
          meetingId: given.meetingId,
          title,
          status: 'not_started' as const,
        })),
      )
      .returning({ id: meetingActions.id });
    const ids = added.map((row) => row.id);
    const withAdded = await list();
    expect(withAdded.totalItems).toBe(items.length + 3);
    const [first, second, third] = withAdded.items.filter((action) => ids.includes(Number(action.id)));
    if (!first || !second || !third) throw new Error('the three are listed');
    await db
      .update(meetingActions)
      .set({ status: 'done' })
      .where(eq(meetingActions.id, ids[0] as number));
    await db
      .update(meetingActions)
      .set({ visibility: 'internal', internalReason: 'Arbetsmaterial' })
      .where(eq(meetingActions.id, ids[1] as number));
    await db
      .update(meetingActions)
      .set({ deletedAt: new Date() })
      .where(eq(meetingActions.id, ids[2] as number));
    try {
      const after = await list();
      for (const action of [first, second, third]) {
        expect(
          after.items.some((item) => item.id === action.id),
          action.title,
        ).toBe(false);
        expect((await subject.request(`/api/v1/meeting-actions/${action.id}`)).status).toBe(404);
      }
      expect(after.totalItems).toBe(items.length);
    } finally {
      await db.delete(meetingActions).where(inArray(meetingActions.id, ids));
    }
    const meetingId = Number(open.meeting.id);
    await db
      .update(meetings)
      .set({ visibility: 'internal', internalReason: 'Arbetsmaterial' })
      .where(eq(meetings.id, meetingId));
    try {
      const hidden = await list();
      expect(hidden.items.some((action) => action.meeting.id === open.meeting.id)).toBe(false);
    } finally {
      await db
        .update(meetings)
        .set({ visibility: 'public', internalReason: null })
        .where(eq(meetings.id, meetingId));
    }
  });

  it('leaves out an action whose decision was made internal afterwards, on the group page too', async () => {
    const { db } = subject.database;
    const { items } = await list('&group=hogskoleradet');
    const [open] = items;
    if (!open) throw new Error('the demo data has an open action');
    const [given] = await db
      .select()
      .from(meetingActions)
      .where(eq(meetingActions.id, Number(open.id)));
    if (!given?.agendaItemId) throw new Error('the demo action was given by a decision');
    await db
      .update(agendaItems)
      .set({ visibility: 'internal', internalReason: 'Arbetsmaterial' })
      .where(eq(agendaItems.id, given.agendaItemId));
    try {
      expect((await list('&group=hogskoleradet')).items.some((action) => action.id === open.id)).toBe(false);
      expect((await subject.request(`/api/v1/meeting-actions/${open.id}`)).status).toBe(404);
      expect((await councilTableRows()).some((row) => row.includes(open.title))).toBe(false);
    } finally {
      await db
        .update(agendaItems)
        .set({ visibility: 'public', internalReason: null })
        .where(eq(agendaItems.id, given.agendaItemId));
    }
  });

  it('filters by status and pages, and refuses a status that is never public', async () => {
    const all = await list();
    const started = await list('&status=in_progress');
    const notStarted = await list('&status=not_started');
    expect(started.totalItems + notStarted.totalItems).toBe(all.totalItems);
    for (const action of started.items) expect(action.status).toBe('in_progress');
    const bad = await subject.request('/api/v1/meeting-actions?status=done');
    expect(bad.status).toBe(400);
    const one = await (await subject.request('/api/v1/meeting-actions?limit=1&page=1')).json();
    expect(one.items[0].id).toBe(all.items[0]?.id);
    expect(one.totalPages).toBe(all.totalItems);
  });
});
