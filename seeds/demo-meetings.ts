import { and, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../src/db/client.ts';
import { people } from '../src/features/accounts/accounts.table.ts';
import { agreements, focusAreas } from '../src/features/agreements/agreements.table.ts';
import { documents } from '../src/features/documents/documents.table.ts';
import { goals } from '../src/features/goals/goals.table.ts';
import { groups } from '../src/features/groups/groups.table.ts';
import {
  type ActionStatus,
  agendaItemFocusAreas,
  agendaItemGoals,
  agendaItems,
  type MeetingStatus,
  type MinutesStatus,
  meetingActions,
  meetingAdjusters,
  meetingParticipants,
  meetings,
  type StandingItemKind,
} from '../src/features/meetings/meetings.table.ts';
import { organisations } from '../src/features/organisations/organisations.table.ts';
import { seedMarks } from '../src/features/register/register.table.ts';
import { stockholmInstant } from '../src/lib/dates.ts';

/**
 * Demo meetings of Högskolerådet (issue 10), labelled Exempeldata: two past meetings with approved
 * minutes, decisions and actions (one done, one open and overdue), and one coming meeting with its agenda.
 * Added once (seed_marks, kind 'demo_meeting'), removed with the rest of the demo data. The adjuster is a
 * demo person without any way to sign in (kind 'demo_person').
 */

type DemoItem = {
  title: string;
  standing?: StandingItemKind;
  presenter?: string;
  startTime?: string;
  proposedDecision?: string;
  notes?: string;
  decision?: string;
  agreement?: string;
  focusAreas?: string[];
  goals?: string[];
  internalReason?: string;
  action?: { title: string; organisation: string; dueOn: string; status: ActionStatus; note?: string };
};

type DemoMeeting = {
  key: string;
  title: string;
  date: string;
  from: string;
  to: string;
  place: string;
  videoUrl?: string;
  status: MeetingStatus;
  minutesStatus: MinutesStatus;
  approvedOn?: string;
  items: DemoItem[];
};

const ADJUSTER_NAME = 'Lena Sjöberg';
const KEPT_AT = 'Kommunledningsförvaltningen, Huddinge kommun';

const standing = (adjuster: boolean, approved: boolean): DemoItem[] => [
  {
    title: 'Mötets öppnande',
    standing: 'opening',
    presenter: 'Ordföranden',
    decision: approved ? 'Ordföranden förklarar mötet öppnat.' : undefined,
  },
  {
    title: 'Val av justerare',
    standing: 'adjuster',
    decision: approved && adjuster ? `${ADJUSTER_NAME} utses att justera protokollet.` : undefined,
  },
  {
    title: 'Föregående protokoll',
    standing: 'previous_minutes',
    decision: approved ? 'Protokollet läggs till handlingarna.' : undefined,
  },
];

export const demoMeetings: DemoMeeting[] = [
  {
    key: 'hogskoleradet-2026-09',
    title: 'Högskolerådets möte i september',
    date: '2026-09-17',
    from: '09:00',
    to: '11:30',
    place: 'Huddinge kommunhus, sal Stortorp',
    status: 'held',
    minutesStatus: 'approved',
    approvedOn: '2026-09-28',
    items: [
      ...standing(true, true),
      {
        title: 'Kompetensförsörjning i vård och omsorg: gemensam handlingsplan',
        presenter: 'Arbetsgruppen för samverkansavtalet med Karolinska Institutet',
        startTime: '09:20',
        proposedDecision: 'Rådet ställer sig bakom handlingsplanen.',
        notes:
          'Arbetsgruppen redovisade förslaget till handlingsplan: fler VFU-platser i äldreomsorgen, gemensam introduktion för nyanställda sjuksköterskor och en uppföljning av hur många studenter som stannar i kommunen.',
        decision:
          'Rådet ställer sig bakom handlingsplanen och ger arbetsgruppen i uppdrag att ta fram en tidplan till nästa möte.',
        agreement: 'samverkansavtal-karolinska-institutet',
        focusAreas: ['kompetensforsorjning'],
        goals: ['rekrytering'],
        action: {
          title: 'Ta fram en tidplan för handlingsplanen om kompetensförsörjning',
          organisation: 'karolinska-institutet',
          dueOn: '2026-10-15',
          status: 'done',
          note: 'Tidplanen redovisades vid rådets möte i oktober.',
        },
      },
      {
        title: 'Praktik och VFU hösten 2026: lägesrapport',
        presenter: 'Gymnasie- och arbetsmarknadsförvaltningen',
        startTime: '10:15',
        notes: 'Förvaltningen redovisade antalet erbjudna och tillsatta platser per lärosäte.',
        decision: 'Rådet noterar lägesrapporten.',
        goals: ['rekrytering'],
      },
    ],
  },
  {
    key: 'hogskoleradet-2026-10',
    title: 'Högskolerådets möte i oktober',
    date: '2026-10-22',
    from: '13:00',
    to: '15:00',
    place: 'Södertörns högskola, Moas båge',
    videoUrl: 'https://video.example.se/hogskoleradet',
    status: 'held',
    minutesStatus: 'approved',
    approvedOn: '2026-11-02',
    items: [
      ...standing(true, true),
      {
        title: 'Uppföljning av uppdrag',
        standing: 'action_follow_up',
        notes: 'Tidplanen för handlingsplanen om kompetensförsörjning redovisades; uppdraget är klart.',
        decision: 'Rådet godkänner redovisningen.',
      },
      {
        title: 'Samhällsbyggnad: forskning om Flemingsbergs stadsutveckling',
        presenter: 'Södertörns högskola',
        startTime: '13:30',
        proposedDecision: 'Rådet ger ett uppdrag om ett gemensamt forskningsprojekt.',
        notes:
          'Högskolan presenterade idén om en följeforskning kring nya Flemingsbergs stadsdel, med kommunens planerare som medforskare.',
        decision:
          'Rådet ger Södertörns högskola i uppdrag att tillsammans med kommunen ta fram ett förslag på gemensamt forskningsprojekt.',
        agreement: 'samverkansavtal-sodertorns-hogskola',
        focusAreas: ['samhallsbyggnad'],
        goals: ['verksamhetsutveckling-genom-forskning'],
        action: {
          title: 'Förslag på gemensamt forskningsprojekt om Flemingsbergs stadsutveckling',
          organisation: 'sodertorns-hogskola',
          dueOn: '2026-11-20',
          status: 'in_progress',
          note: 'Ett första utkast finns.',
        },
      },
      {
        title: 'Fördelning av samverkansmedel 2027',
        internalReason: 'Under beredning',
        notes: 'Diskuterades.',
        decision: 'Frågan bereds vidare.',
      },
    ],
  },
  {
    key: 'hogskoleradet-2027-03',
    title: 'Högskolerådets möte i mars',
    date: '2027-03-18',
    from: '09:00',
    to: '11:30',
    place: 'Huddinge kommunhus, sal Stortorp',
    videoUrl: 'https://video.example.se/hogskoleradet',
    status: 'planned',
    minutesStatus: 'draft',
    items: [
      ...standing(false, false),
      { title: 'Uppföljning av uppdrag', standing: 'action_follow_up' },
      {
        title: 'Tillgång till likvärdig vård: gemensamma utbildningsinsatser',
        presenter: 'Karolinska Institutet',
        startTime: '09:30',
        proposedDecision: 'Rådet ger arbetsgruppen i uppdrag att planera två utbildningsdagar under 2027.',
        agreement: 'samverkansavtal-karolinska-institutet',
        focusAreas: ['tillgang-till-likvardig-vard'],
      },
    ],
  },
];

async function marks(tx: Tx, kind: string) {
  const rows = await tx.select().from(seedMarks).where(eq(seedMarks.kind, kind));
  return new Map(rows.map((row) => [row.key, row.recordId]));
}

async function idsBySlug(
  tx: Tx,
  table: typeof agreements | typeof focusAreas | typeof goals | typeof organisations,
) {
  const rows = await tx.select({ id: table.id, slug: table.slug }).from(table);
  return new Map(rows.map((row) => [row.slug, row.id]));
}

function at(date: string, time: string): Date {
  const instant = stockholmInstant(date, time);
  if (!instant) throw new Error(`demo meeting time ${date} ${time}`);
  return instant;
}

/** Adds the demo meetings not added before; without a council group there is nothing to add them to. */
export async function applyDemoMeetings(tx: Tx): Promise<void> {
  const [council] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.siteRole, 'council'));
  if (!council) return;
  const added = await marks(tx, 'demo_meeting');
  if (demoMeetings.every((meeting) => added.has(meeting.key))) return;
  const people_ = await marks(tx, 'demo_person');
  let adjusterId = people_.get('justerare');
  if (adjusterId === undefined) {
    const [person] = await tx.insert(people).values({ name: ADJUSTER_NAME }).returning({ id: people.id });
    if (!person) throw new Error('demo adjuster');
    adjusterId = person.id;
    await tx.insert(seedMarks).values({ kind: 'demo_person', key: 'justerare', recordId: adjusterId });
  }
  const [agreementIds, areaIds, goalIds, organisationIds] = await Promise.all([
    idsBySlug(tx, agreements),
    idsBySlug(tx, focusAreas),
    idsBySlug(tx, goals),
    idsBySlug(tx, organisations),
  ]);
  for (const demo of demoMeetings) {
    if (added.has(demo.key)) continue;
    const approvedAt = demo.approvedOn ? at(demo.approvedOn, '10:00') : null;
    const [meeting] = await tx
      .insert(meetings)
      .values({
        groupId: council.id,
        title: demo.title,
        startsAt: at(demo.date, demo.from),
        endsAt: at(demo.date, demo.to),
        place: demo.place,
        videoUrl: demo.videoUrl ?? null,
        status: demo.status,
        minutesStatus: demo.minutesStatus,
        minutesReadyAt: approvedAt ? at(demo.date, '16:00') : null,
        minutesApprovedAt: approvedAt,
        minutesKeptAt: approvedAt ? KEPT_AT : null,
        isDemo: true,
      })
      .returning({ id: meetings.id });
    if (!meeting) throw new Error(`demo meeting ${demo.key}`);
    await tx.insert(seedMarks).values({ kind: 'demo_meeting', key: demo.key, recordId: meeting.id });
    for (const [index, item] of demo.items.entries()) {
      const [row] = await tx
        .insert(agendaItems)
        .values({
          meetingId: meeting.id,
          position: index + 1,
          standingKind: item.standing ?? null,
          title: item.title,
          presenter: item.presenter ?? '',
          startTime: item.startTime ?? null,
          proposedDecision: item.proposedDecision ?? '',
          agreementId: item.agreement ? (agreementIds.get(item.agreement) ?? null) : null,
          visibility: item.internalReason ? 'internal' : 'public',
          internalReason: item.internalReason ?? null,
          notes: approvedAt ? (item.notes ?? '') : '',
          decision: approvedAt ? (item.decision ?? '') : '',
          isDemo: true,
        })
        .returning({ id: agendaItems.id });
      if (!row) throw new Error('demo item');
      const areas = (item.focusAreas ?? []).flatMap((slug) => areaIds.get(slug) ?? []);
      if (areas.length > 0)
        await tx
          .insert(agendaItemFocusAreas)
          .values(areas.map((focusAreaId) => ({ agendaItemId: row.id, focusAreaId })));
      const itemGoals = (item.goals ?? []).flatMap((slug) => goalIds.get(slug) ?? []);
      if (itemGoals.length > 0)
        await tx
          .insert(agendaItemGoals)
          .values(itemGoals.map((goalId) => ({ agendaItemId: row.id, goalId })));
      if (item.action && approvedAt)
        await tx.insert(meetingActions).values({
          groupId: council.id,
          meetingId: meeting.id,
          agendaItemId: row.id,
          title: item.action.title,
          ownerOrganisationId: organisationIds.get(item.action.organisation) ?? null,
          dueOn: item.action.dueOn,
          status: item.action.status,
          statusNote: item.action.note ?? '',
          statusChangedAt: approvedAt,
          isDemo: true,
        });
    }
    if (approvedAt) {
      await tx.insert(meetingAdjusters).values({ meetingId: meeting.id, personId: adjusterId, approvedAt });
      await tx.insert(meetingParticipants).values([
        { meetingId: meeting.id, kind: 'member', personId: adjusterId, attendance: 'present' },
        {
          meetingId: meeting.id,
          kind: 'guest',
          name: 'Johan Ek',
          organisationName: 'Region Stockholm',
          attendance: 'co_opted',
        },
      ]);
    }
  }
}

/** Removes the demo meetings (with whatever was added to them), the demo adjuster and their marks. */
export async function removeDemoMeetings(tx: Tx): Promise<void> {
  const demo = tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.isDemo, true));
  await tx
    .delete(meetingActions)
    .where(or(eq(meetingActions.isDemo, true), inArray(meetingActions.meetingId, demo)));
  await tx.delete(documents).where(inArray(documents.meetingId, demo));
  await tx.delete(meetings).where(eq(meetings.isDemo, true));
  const person = (await marks(tx, 'demo_person')).get('justerare');
  if (person !== undefined) {
    await tx.delete(meetingAdjusters).where(eq(meetingAdjusters.personId, person));
    await tx.delete(meetingParticipants).where(eq(meetingParticipants.personId, person));
    await tx.delete(people).where(eq(people.id, person));
  }
  await tx
    .delete(seedMarks)
    .where(
      or(
        eq(seedMarks.kind, 'demo_meeting'),
        and(eq(seedMarks.kind, 'demo_person'), eq(seedMarks.key, 'justerare')),
      ),
    );
}
