import { Refusal } from '../../lib/refusal.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import type { Viewer } from '../auth/permissions.ts';
import { recordHistory } from '../register/history.service.ts';
import { lockMeeting } from './meeting-access.queries.ts';
import { editableMeeting } from './meeting-access.ts';
import type { Meeting } from './meetings.table.ts';
import type { CorrectionInput } from './minutes.forms.ts';
import {
  findCorrections,
  findMinutesItems,
  insertCorrection,
  updateItemMinutes,
  updateMeetingMinutes,
} from './minutes.queries.ts';
import { correctionPath, type Deps, describeItem, minutesPath } from './minutes.service.ts';

/**
 * Corrections (rättelser) of approved minutes (issue 10, item 3): approved minutes are frozen, so a later
 * change is a new, recorded correction — the item, the fields before and after, the reason, who and when —
 * shown with the minutes, never a silent edit. A public change: the page cache is emptied.
 */

function notApproved(id: number) {
  return new Refusal('minutes.refused.notApproved', {
    status: 409,
    title: 'minutes.refused.title',
    link: { href: minutesPath(id), text: 'minutes.refused.backToMeeting' },
  });
}

function checkApproved(meeting: Meeting) {
  if (meeting.minutesStatus !== 'approved') throw notApproved(meeting.id);
}

/** The correction form: the approved minutes' items, the one chosen (or the first), earlier corrections. */
export async function loadCorrection(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  id: number,
  itemId: number | null,
) {
  const access = await editableMeeting(deps.db, viewer, id);
  checkApproved(access.meeting);
  const [items, corrections] = await Promise.all([
    findMinutesItems(deps.db, id),
    findCorrections(deps.db, id),
  ]);
  const chosen = items.find((item) => item.id === itemId) ?? items[0];
  const values: Record<string, string> = {
    itemId: chosen ? String(chosen.id) : '',
    notes: chosen?.notes ?? '',
    decision: chosen?.decision ?? '',
    reason: '',
    version: String(access.meeting.version),
  };
  return { access, items, corrections, values };
}

export type LoadedCorrection = Awaited<ReturnType<typeof loadCorrection>>;

/** Records a correction and applies it, in one transaction with the history. */
export async function saveCorrection(deps: Deps, viewer: Viewer, id: number, input: CorrectionInput) {
  const now = deps.clock.now();
  await withPublicChange(deps, async (tx) => {
    await editableMeeting(tx, viewer, id);
    const meeting = await lockMeeting(tx, id);
    if (!meeting) throw notApproved(id);
    checkApproved(meeting);
    if (meeting.version !== input.version)
      throw new Refusal('minutes.refused.stale', {
        status: 409,
        title: 'minutes.refused.title',
        link: { href: correctionPath(id), text: 'minutes.refused.backToMeeting' },
      });
    const items = await findMinutesItems(tx, id);
    const item = items.find((candidate) => candidate.id === input.itemId);
    if (!item) throw new Refusal('minutes.correction.itemMissing', { field: 'itemId' });
    const changes: Record<string, [string, string]> = {};
    if (input.notes !== item.notes) changes.notes = [item.notes, input.notes];
    if (input.decision !== item.decision) changes.decision = [item.decision, input.decision];
    if (Object.keys(changes).length === 0)
      throw new Refusal('minutes.correction.nothingChanged', { field: 'notes' });
    const next = { notes: input.notes, decision: input.decision };
    const version = await updateItemMinutes(tx, item.id, next, now);
    await insertCorrection(tx, {
      meetingId: id,
      agendaItemId: item.id,
      reason: input.reason,
      changes,
      actorPersonId: viewer.personId,
      at: now,
    });
    await recordHistory(tx, {
      type: 'agenda_item',
      id: item.id,
      version,
      action: 'changed',
      actorPersonId: viewer.personId,
      at: now,
      before: describeItem(deps.t, item),
      after: describeItem(deps.t, next),
      snapshot: next,
      note: `${deps.t.minutes.history.corrected}: ${input.reason}`,
    });
    // The meeting moves on too, so a correction form opened before this one is refused as stale.
    await updateMeetingMinutes(tx, id, meeting.version, {}, now);
  });
}
