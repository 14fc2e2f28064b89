import type { TestDatabase } from '../tests/database.ts';
import type { CrawlTarget } from './routes.ts';

/**
 * Answers to the needs bank's briefs (src/features/needs/brief-responses.*), in each state: the answer
 * form and the sign-up to competence development, each with bad input; the refusals (closed, past the
 * deadline, internal to an outsider, answered already); an answer as its responder in every stage (just
 * sent, under bedömning, antagen with its activity, avböjd with the reason, genomförd), as the owner side
 * with the form for the next stage and its errors (no reason, a move not allowed, an old version), and
 * refused to someone else; the workspace's "Mina svar" and "Svar att bedöma". Nothing here saves: every
 * POST is refused, and the answers are written straight to the database (an accepted one points at an
 * activity that exists, so the crawl's activities stay as they are).
 */
export async function briefResponseTargets(
  database: TestDatabase,
  people: { admin: string; member: string; memberId: number; editor: string },
): Promise<CrawlTarget[]> {
  const { pool } = database;
  const idOf = async (table: 'organisations' | 'activities', slug: string) => {
    const result = await pool.query<{ id: number }>(`select id from ${table} where slug = $1`, [slug]);
    const id = result.rows[0]?.id;
    if (id === undefined) throw new Error(`${table} ${slug}`);
    return id;
  };
  const sh = await idOf('organisations', 'sodertorns-hogskola');
  const own = await idOf('organisations', 'barn-och-utbildningsforvaltningen');
  const other = await idOf('organisations', 'gymnasie-och-arbetsmarknadsforvaltningen');
  const activity = await idOf('activities', 'ulf-lasundervisning-i-forskolan');
  let count = 0;
  const brief = async (values: {
    kind?: string;
    organisationId?: number;
    closed?: boolean;
    deadline?: string;
    internal?: boolean;
  }) => {
    count += 1;
    const slug = `crawl-behov-${count}`;
    await pool.query(
      `insert into briefs (slug, kind, title, organisation_id, background, question, intended_use,
                           contact_name, deadline, published_at, closed_at, visibility, internal_reason)
       values ($1, $2, $3, $4, 'Förskolorna läser högt varje dag.',
               'Hur påverkar daglig högläsning barnens ordförråd?', 'Underlag för förskolornas läsplan.',
               'Kim Kontakt', $5, '2026-11-01T09:00:00Z', $6, $7, $8)`,
      [
        slug,
        values.kind ?? 'research_question',
        values.kind === 'staff_development'
          ? 'Språkutvecklande arbetssätt för förskollärare'
          : `Högläsning och ordförråd i förskolan ${count}`,
        values.organisationId ?? own,
        values.deadline ?? null,
        values.closed ? '2026-11-20T09:00:00Z' : null,
        values.internal ? 'internal' : 'public',
        values.internal ? 'Arbetsmaterial' : null,
      ],
    );
    const result = await pool.query<{ id: number }>('select id from briefs where slug = $1', [slug]);
    return { slug, id: result.rows[0]?.id as number };
  };
  const answer = async (
    briefId: number,
    values: { status?: string; reason?: string; activityId?: number; version?: number },
  ) => {
    const result = await pool.query<{ id: number }>(
      `insert into brief_responses (brief_id, responder_person_id, name, email, role, institution_id,
                                    programme, approach, timing, starts_on, ends_on, status, reason,
                                    activity_id, version)
       values ($1, $2, 'Maja Medlem', 'maja@example.se', 'researcher', $3, 'Institutionen för pedagogik',
               'Vi följer tre förskolor under en termin med observationer och ordförrådstest.',
               'Vårterminen 2027', '2027-01-15', '2027-06-15', $4, $5, $6, $7)
       returning id`,
      [
        briefId,
        people.memberId,
        sh,
        values.status ?? 'submitted',
        values.reason ?? null,
        values.activityId ?? null,
        values.version ?? 1,
      ],
    );
    const id = result.rows[0]?.id as number;
    await pool.query(
      `insert into record_history (record_type, record_id, version, action, actor_person_id, changes, snapshot)
       values ('brief_response', $1, 1, 'created', $2, '{"status": ["", "Inskickad"]}'::jsonb,
               '{"status": "submitted"}'::jsonb)`,
      [id, people.memberId],
    );
    return id;
  };

  const open = await brief({});
  const course = await brief({ kind: 'staff_development', organisationId: sh });
  const closed = await brief({ closed: true });
  const late = await brief({ deadline: '2026-11-20' });
  const internal = await brief({ internal: true, organisationId: other });
  const answered = await brief({});
  const submitted = await answer(answered.id, {});
  const inReview = await answer((await brief({})).id, { status: 'in_review', version: 2 });
  const accepted = await answer((await brief({})).id, {
    status: 'accepted',
    activityId: activity,
    version: 3,
  });
  const declined = await answer((await brief({})).id, {
    status: 'declined',
    reason: 'Vi har redan en studie om detta i gång.',
    version: 3,
  });
  const completed = await answer((await brief({})).id, {
    status: 'completed',
    activityId: activity,
    version: 4,
  });

  const answerFields = {
    name: 'Maja Medlem',
    email: 'maja@example.se',
    role: 'researcher',
    institutionId: String(sh),
    otherInstitution: '',
    programme: '',
    approach: 'Observationer och ordförrådstest.',
    timing: '',
    startsOn: '',
    endsOn: '',
  };
  const asMember = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({
    ...target,
    cookie: people.member,
  });
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({ ...target, cookie: people.admin });
  const svara = (slug: string) => `/behovsbanken/${slug}/svara`;
  const svar = (id: number) => `/behovsbanken/svar/${id}`;
  return [
    asMember({ name: 'answer a brief', url: svara(open.slug), status: 200 }),
    asMember({
      name: 'answer a brief, bad input',
      url: svara(open.slug),
      status: 422,
      form: {
        action: svara(open.slug),
        fields: {
          ...answerFields,
          name: '',
          email: 'inte en adress',
          role: '',
          institutionId: 'annat',
          approach: '',
          startsOn: '2027-02-30',
          endsOn: '2027-01-01',
        },
      },
    }),
    asMember({ name: 'sign up to competence development', url: svara(course.slug), status: 200 }),
    asMember({
      name: 'sign up to competence development, bad input',
      url: svara(course.slug),
      status: 422,
      form: {
        action: svara(course.slug),
        fields: { name: '', email: 'x', organisationId: '', approach: '' },
      },
    }),
    asMember({ name: 'answer a closed brief', url: svara(closed.slug), status: 409 }),
    asMember({ name: 'answer a brief past its deadline', url: svara(late.slug), status: 409 }),
    asMember({ name: 'answer an internal brief from outside', url: svara(internal.slug), status: 403 }),
    asMember({ name: 'answer a brief answered already', url: svara(answered.slug), status: 409 }),
    asMember({ name: 'answer, just sent', url: `${svar(submitted)}?klart=skickat`, status: 200 }),
    asMember({ name: 'answer, under review', url: svar(inReview), status: 200 }),
    asMember({ name: 'answer, accepted', url: svar(accepted), status: 200 }),
    asMember({ name: 'answer, declined', url: svar(declined), status: 200 }),
    asMember({ name: 'answer, completed', url: svar(completed), status: 200 }),
    asMember({ name: 'workspace, my answers', url: '/arbetsyta', status: 200 }),
    asAdmin({ name: 'workspace, answers to review', url: '/arbetsyta', status: 200 }),
    asAdmin({ name: 'answer, review', url: svar(submitted), status: 200 }),
    asAdmin({ name: 'answer, review under way', url: `${svar(inReview)}?klart=flyttat`, status: 200 }),
    asAdmin({ name: 'answer, accepted, as the owner side', url: svar(accepted), status: 200 }),
    asAdmin({
      name: 'answer, declined without a reason',
      url: svar(inReview),
      status: 422,
      form: { action: `${svar(inReview)}/status`, fields: { status: 'declined', reason: '', version: '2' } },
    }),
    asAdmin({
      name: 'answer, no stage chosen',
      url: svar(submitted),
      status: 422,
      form: { action: `${svar(submitted)}/status`, fields: { status: '', reason: '', version: '1' } },
    }),
    asAdmin({
      name: 'answer, a move not allowed',
      url: svar(declined),
      status: 409,
      form: { action: `${svar(declined)}/status`, fields: { status: 'accepted', reason: '', version: '3' } },
    }),
    asAdmin({
      name: 'answer, moved by someone else meanwhile',
      url: svar(submitted),
      status: 409,
      form: {
        action: `${svar(submitted)}/status`,
        fields: { status: 'in_review', reason: '', version: '9' },
      },
    }),
    { name: 'answer refused to someone else', url: svar(submitted), status: 403, cookie: people.editor },
  ];
}
