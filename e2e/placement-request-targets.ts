import type { TestDatabase } from '../tests/database.ts';
import { createPerson, sessionCookieFor } from '../tests/people.ts';
import { E2E_NOW } from './app-server.ts';
import type { CrawlTarget } from './routes.ts';

/**
 * Placement requests, needs lists and the term proposal (src/features/placements/requests.*) in each
 * state: the request form and its errors; the list, filtered; a request as the institution (sent, with
 * students, the cancel form and its error) and as the unit (review, confirm, decline with suggestions and
 * its error), confirmed, declined with another offer proposed, and the refusals (a cancelled request
 * confirmed: 409; a full offer: 409; another institution: 403); the needs list, a need, the forms for a
 * need and an answer with their errors, a closed need (with the reopen button; answering it and closing
 * from an old page: 409); the term proposal empty, shown, and confirmed from a changed one
 * (409); the workspace sections. Nothing here saves: the rows are written straight to the database and
 * every POST is refused.
 */
export async function placementRequestTargets(
  database: TestDatabase,
  people: { admin: string },
): Promise<CrawlTarget[]> {
  const { pool } = database;
  const now = new Date(E2E_NOW);
  const idOf = async (slug: string) => {
    const result = await pool.query<{ id: number }>('select id from organisations where slug = $1', [slug]);
    const id = result.rows[0]?.id;
    if (id === undefined) throw new Error(`organisation ${slug}`);
    return id;
  };
  const sh = await idOf('sodertorns-hogskola');
  const ki = await idOf('karolinska-institutet');
  const unit = await idOf('barn-och-utbildningsforvaltningen');
  const cookieOf = async (
    name: string,
    email: string,
    roles: Record<string, 'editor' | 'placement_coordinator'>,
  ) => sessionCookieFor(database.db, await createPerson(database.db, { name, email, roles }), now);
  const institution = await cookieOf('Lina Lärosäte', 'lina@example.se', {
    'sodertorns-hogskola': 'placement_coordinator',
  });
  const otherInstitution = await cookieOf('Kalle Karolinska', 'kalle@example.se', {
    'karolinska-institutet': 'placement_coordinator',
  });
  const editor = await cookieOf('Ulla Utbildning', 'ulla@example.se', {
    'barn-och-utbildningsforvaltningen': 'editor',
  });

  const offer = async (programme: string, places: number, confirmed = 0) => {
    const result = await pool.query<{ id: number }>(
      `insert into placement_offers (organisation_id, term, kind, programme, study_level, places, confirmed_places,
                                     starts_on, ends_on, area)
       values ($1, 'HT2040', 'vfu_teacher', $2, 'termin 3', $3, $4, '2040-09-03', '2040-10-26', 'Flemingsberg')
       returning id`,
      [unit, programme, places, confirmed],
    );
    return result.rows[0]?.id as number;
  };
  const open = await offer('Grundlärarprogrammet F–3', 6);
  const other = await offer('Grundlärarprogrammet 4–6', 4);
  const full = await offer('Förskollärarprogrammet', 1, 1);
  const request = async (values: {
    offerId: number;
    status?: string;
    university?: number;
    reason?: string;
    proposedOfferId?: number;
    message?: string;
  }) => {
    const result = await pool.query<{ id: number }>(
      `insert into placement_requests (offer_id, university_id, places, status, message, reason, proposed_offer_id,
                                       preference, created_at, updated_at)
       values ($1, $2, 1, $3, $4, $5, $6, 1, $7, $7) returning id`,
      [
        values.offerId,
        values.university ?? sh,
        values.status ?? 'submitted',
        values.message ?? '',
        values.reason ?? null,
        values.proposedOfferId ?? null,
        now,
      ],
    );
    const id = result.rows[0]?.id as number;
    await pool.query(
      `insert into record_history (record_type, record_id, version, action, at, changes, snapshot)
       values ('placement_request', $1, 1, 'created', $2, $3, '{}')`,
      [id, now, JSON.stringify({ status: ['', 'Inskickad'], places: ['', '1'] })],
    );
    return id;
  };
  const waiting = await request({
    offerId: open,
    message: 'En student på termin 3 som gärna undervisar i matematik.',
  });
  await pool.query(
    `insert into placement_students (request_id, first_name, programme, remove_after) values ($1, 'Sara', 'Grundlärarprogrammet F–3', '2040-10-27')`,
    [waiting],
  );
  const confirmed = await request({ offerId: open, status: 'confirmed' });
  const declined = await request({
    offerId: open,
    status: 'declined',
    reason: 'Alla handledare är upptagna under de veckorna.',
    proposedOfferId: other,
  });
  const cancelled = await request({ offerId: open, status: 'cancelled', reason: 'Studenten gör uppehåll.' });
  const onFull = await request({ offerId: full });
  const fromKi = await request({ offerId: other, university: ki });
  const needOf = async (closedAt: Date | null) =>
    (
      await pool.query<{ id: number }>(
        `insert into placement_needs (university_id, term, kind, programme, study_level, students, weeks, area,
                                      closed_at)
         values ($1, 'HT2040', 'vfu_teacher', 'Grundlärarprogrammet F–3', 'termin 3', 12, 'v. 36–43', 'Flemingsberg',
                 $2)
         returning id`,
        [sh, closedAt],
      )
    ).rows[0]?.id as number;
  const need = await needOf(null);
  const closedNeed = await needOf(now);

  const as =
    (cookie: string) =>
    (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({ ...target, cookie });
  const asInstitution = as(institution);
  const asEditor = as(editor);
  const asAdmin = as(people.admin);
  const requestPage = (id: number) => `/praktik/forfragningar/${id}`;
  const moveForm = (id: number, fields: Record<string, string>) => ({
    action: `${requestPage(id)}/status`,
    fields: { version: '1', reason: '', proposedOfferId: '', ...fields },
  });
  const needForm = {
    universityId: String(sh),
    term: 'hösten',
    kind: '',
    programme: '',
    studyLevel: '',
    students: 'tolv',
    weeks: '',
    startsOn: '2040-10-01',
    endsOn: '2040-09-01',
    area: '',
    description: '',
  };
  return [
    asInstitution({ name: 'request places', url: `/praktik/platser/${open}/begar`, status: 200 }),
    asInstitution({
      name: 'request places, bad input',
      url: `/praktik/platser/${open}/begar`,
      status: 422,
      form: {
        action: `/praktik/platser/${open}/begar`,
        fields: {
          universityId: '',
          places: 'två',
          preference: '0',
          message: '',
          students: 'sara@example.se',
        },
      },
    }),
    asInstitution({ name: 'requests, own', url: '/praktik/forfragningar', status: 200 }),
    asInstitution({
      name: 'requests, filtered to nothing',
      url: '/praktik/forfragningar?termin=VT2001&status=completed',
      status: 200,
    }),
    asInstitution({ name: 'request, just sent', url: `${requestPage(waiting)}?klart=skickad`, status: 200 }),
    asInstitution({
      name: 'request, cancel without a reason',
      url: requestPage(waiting),
      status: 422,
      form: moveForm(waiting, { move: 'cancel' }),
    }),
    asInstitution({ name: 'request, declined with another offer', url: requestPage(declined), status: 200 }),
    asInstitution({ name: 'needs lists', url: '/praktik/behov', status: 200 }),
    asInstitution({
      name: 'needs lists, filtered to nothing',
      url: '/praktik/behov?termin=VT2001',
      status: 200,
    }),
    asInstitution({ name: 'new need', url: '/praktik/behov/ny', status: 200 }),
    asInstitution({
      name: 'new need, bad input',
      url: '/praktik/behov/ny',
      status: 422,
      form: { action: '/praktik/behov/ny', fields: needForm },
    }),
    asInstitution({ name: 'need, just posted', url: `/praktik/behov/${need}?klart=utlagt`, status: 200 }),
    asInstitution({
      name: 'need, closing it from a page opened before a change',
      url: `/praktik/behov/${need}`,
      status: 409,
      form: { action: `/praktik/behov/${need}/stang`, fields: { version: '9' } },
    }),
    asInstitution({
      name: 'need, closed (notice), with the reopen button',
      url: `/praktik/behov/${closedNeed}?klart=stangt`,
      status: 200,
    }),
    asInstitution({
      name: 'need, reopening it from a page opened before a change',
      url: `/praktik/behov/${closedNeed}`,
      status: 409,
      form: { action: `/praktik/behov/${closedNeed}/oppna`, fields: { version: '9' } },
    }),
    asInstitution({ name: 'workspace, my requests', url: '/arbetsyta', status: 200 }),
    {
      name: 'request refused to another institution',
      url: requestPage(waiting),
      status: 403,
      cookie: otherInstitution,
    },
    asEditor({ name: 'request, to answer', url: requestPage(waiting), status: 200 }),
    asEditor({
      name: 'offer with requests and what fits it, as the unit',
      url: `/praktik/platser/${other}`,
      status: 200,
    }),
    asInstitution({
      name: 'offer with its requests, as the institution',
      url: `/praktik/platser/${open}`,
      status: 200,
    }),
    asEditor({ name: 'request, moved', url: `${requestPage(confirmed)}?klart=andrad`, status: 200 }),
    asEditor({ name: 'request, cancelled', url: requestPage(cancelled), status: 200 }),
    asEditor({
      name: 'request, decline without a reason',
      url: requestPage(waiting),
      status: 422,
      form: moveForm(waiting, { move: 'decline' }),
    }),
    asEditor({
      name: 'request, confirming a cancelled one',
      url: requestPage(cancelled),
      status: 409,
      form: moveForm(cancelled, { move: 'confirm' }),
    }),
    asEditor({
      name: 'request, confirming on a full offer',
      url: requestPage(onFull),
      status: 409,
      form: moveForm(onFull, { move: 'confirm' }),
    }),
    asEditor({ name: 'requests, to the unit', url: '/praktik/forfragningar?status=submitted', status: 200 }),
    asEditor({ name: 'need, as a unit', url: `/praktik/behov/${need}`, status: 200 }),
    asEditor({ name: 'answer a need', url: `/praktik/behov/${need}/svara`, status: 200 }),
    asEditor({
      name: 'answer a need, bad input',
      url: `/praktik/behov/${need}/svara`,
      status: 422,
      form: { action: `/praktik/behov/${need}/svara`, fields: { offerId: '', places: '0', message: '' } },
    }),
    asEditor({ name: 'need, closed, as a unit', url: `/praktik/behov/${closedNeed}`, status: 200 }),
    asEditor({
      name: 'answer a closed need',
      url: `/praktik/behov/${closedNeed}`,
      status: 409,
      form: {
        action: `/praktik/behov/${closedNeed}/svara`,
        fields: { offerId: String(open), places: '1', message: '' },
      },
    }),
    asEditor({ name: 'workspace, requests to answer', url: '/arbetsyta', status: 200 }),
    asAdmin({
      name: 'request from another institution, as the coordinator',
      url: requestPage(fromKi),
      status: 200,
    }),
    asAdmin({ name: 'term proposal, no term', url: '/praktik/fordelning', status: 200 }),
    asAdmin({ name: 'term proposal, empty term', url: '/praktik/fordelning?termin=VT2001', status: 200 }),
    asAdmin({ name: 'term proposal', url: '/praktik/fordelning?termin=HT2040', status: 200 }),
    asAdmin({
      name: 'term proposal, confirmed (notice)',
      url: '/praktik/fordelning?termin=HT2040&bekraftade=2',
      status: 200,
    }),
    asAdmin({
      name: 'term proposal, changed since it was shown',
      url: '/praktik/fordelning?termin=HT2040',
      status: 409,
      form: { action: '/praktik/fordelning', fields: { term: 'HT2040', hash: '0'.repeat(64) } },
    }),
  ];
}
