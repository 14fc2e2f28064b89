import type { Db } from '../../db/client.ts';
import { groupIdOf, insertItem, insertMeeting, insertParticipant } from './public-fixtures.ts';

/**
 * A meeting ready for its minutes, for the tests of minutes and actions (and the crawl): a meeting of a
 * group with the standing items (the follow-up item among them), one public and one internal item, the
 * given members called (with their accounts) and a guest. Rows written straight to the database.
 */
export async function meetingForMinutes(
  db: Db,
  options: {
    groupSlug: string;
    startsAt: Date;
    members: number[];
    title?: string;
    secretaryPersonId?: number | null;
    status?: 'planned' | 'held' | 'cancelled';
  },
) {
  const groupId = await groupIdOf(db, { slug: options.groupSlug });
  const meetingId = await insertMeeting(db, {
    groupId,
    startsAt: options.startsAt,
    title: options.title ?? 'Arbetsgruppens möte',
    secretaryPersonId: options.secretaryPersonId ?? null,
    status: options.status ?? 'planned',
  });
  const items = {
    opening: await insertItem(db, {
      meetingId,
      position: 1,
      title: 'Mötets öppnande',
      standingKind: 'opening',
    }),
    followUp: await insertItem(db, {
      meetingId,
      position: 2,
      title: 'Uppföljning av uppdrag',
      standingKind: 'action_follow_up',
    }),
    budget: await insertItem(db, {
      meetingId,
      position: 3,
      title: 'Gemensamma praktikplatser 2027',
      proposedDecision: 'Att fortsätta arbetet.',
    }),
    secret: await insertItem(db, {
      meetingId,
      position: 4,
      title: 'Personalärende',
      visibility: 'internal',
      internalReason: 'Sekretess',
    }),
  };
  for (const personId of options.members)
    await insertParticipant(db, { meetingId, kind: 'member', personId });
  await insertParticipant(db, {
    meetingId,
    kind: 'guest',
    name: 'Gäst Gästsson',
    organisationName: 'Region Stockholm',
  });
  return { groupId, meetingId, items };
}

export { groupIdOf, insertItem, insertMeeting, insertParticipant };
