import type { TestDatabase } from '../tests/database.ts';
import type { CrawlTarget } from './routes.ts';

/**
 * "Registrera ett samarbete" and the review of proposals (src/features/proposals), in each state: the
 * form, likely duplicates shown, the unanswered choice, bad input; a proposal waiting (as its proposer,
 * and as the administrator with the decision forms), accepted, merged, declined, joining; each decision
 * form with its error; a decision on a decided proposal (409); a proposal refused to someone else (403).
 * Nothing here saves: every POST is refused or only shows matches, and the decided proposals are written
 * straight to the database pointing at activities that exist (the crawl's activities stay as they are).
 */
export async function proposalTargets(
  database: TestDatabase,
  people: { admin: string; adminId: number; member: string; memberId: number; editor: string },
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
  const preschool = await idOf('activities', 'ulf-lasundervisning-i-forskolan');
  const proposal = async (values: {
    title: string;
    status?: 'submitted' | 'accepted' | 'merged' | 'declined';
    kind?: 'new' | 'join';
    otherUniversity?: string;
    joinActivityId?: number;
    activityId?: number;
    declineReason?: string;
  }) => {
    const decided = values.status !== undefined && values.status !== 'submitted';
    const result = await pool.query<{ id: number }>(
      `insert into proposals (kind, status, title, description, university_id, other_university,
                              organisation_id, contact_name, contact_email, starts_on, ends_on,
                              join_activity_id, proposer_person_id, decided_at, decided_by_person_id,
                              activity_id, decline_reason)
       values ($1, $2, $3, 'Förskollärare och forskare läser tillsammans med barnen.', $4, $5, $6,
               'Maja Medlem', 'maja@example.se', '2026-09-01', null, $7, $8,
               $9, $10, $11, $12)
       returning id`,
      [
        values.kind ?? 'new',
        values.status ?? 'submitted',
        values.title,
        values.otherUniversity ? null : sh,
        values.otherUniversity ?? null,
        own,
        values.joinActivityId ?? null,
        people.memberId,
        decided ? new Date() : null,
        decided ? people.adminId : null,
        values.activityId ?? null,
        values.declineReason ?? null,
      ],
    );
    return result.rows[0]?.id as number;
  };
  const waiting = await proposal({ title: 'Läsande förskolebarn', otherUniversity: 'Sodertorn hogskola' });
  const joining = await proposal({ title: 'Språk i förskolan', kind: 'join', joinActivityId: preschool });
  const accepted = await proposal({ title: 'Antaget samarbete', status: 'accepted', activityId: preschool });
  const merged = await proposal({ title: 'Sammanslaget samarbete', status: 'merged', activityId: preschool });
  const declined = await proposal({
    title: 'Avböjt samarbete',
    status: 'declined',
    declineReason: 'Det här är en fritidsaktivitet, inte ett samarbete med ett lärosäte.',
  });

  const form = {
    title: 'Språkutvecklande arbete i förskolan',
    description: '',
    universityId: String(sh),
    otherUniversity: '',
    organisationId: String(own),
    contactName: 'Maja Medlem',
    contactEmail: 'maja@example.se',
    startsOn: '',
    endsOn: '',
    goalId: '',
    match: '',
    checked: '',
  };
  const asMember = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({
    ...target,
    cookie: people.member,
  });
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({ ...target, cookie: people.admin });
  return [
    asMember({ name: 'register a collaboration', url: '/registrera', status: 200 }),
    asMember({
      name: 'register a collaboration, likely duplicates',
      url: '/registrera',
      status: 200,
      form: { action: '/registrera', fields: form },
    }),
    asMember({
      name: 'register a collaboration, duplicates shown and no choice made',
      url: '/registrera',
      status: 422,
      form: { action: '/registrera', fields: { ...form, checked: '1' } },
    }),
    asMember({
      name: 'register a collaboration, bad input',
      url: '/registrera',
      status: 422,
      form: {
        action: '/registrera',
        fields: {
          ...form,
          title: 'x'.repeat(201),
          universityId: 'annat',
          contactEmail: 'inte en adress',
          startsOn: '2027-01-01',
          endsOn: '2026-01-01',
          match: 'new',
        },
      },
    }),
    asMember({ name: 'proposal, just sent', url: `/forslag/${waiting}?klart=skickat`, status: 200 }),
    asMember({ name: 'proposal, joining, as its proposer', url: `/forslag/${joining}`, status: 200 }),
    asMember({ name: 'proposal, accepted', url: `/forslag/${accepted}`, status: 200 }),
    asMember({ name: 'proposal, merged', url: `/forslag/${merged}`, status: 200 }),
    asMember({ name: 'proposal, declined', url: `/forslag/${declined}`, status: 200 }),
    asMember({ name: 'workspace, my proposals', url: '/arbetsyta', status: 200 }),
    asAdmin({ name: 'workspace, proposals to review', url: '/arbetsyta', status: 200 }),
    asAdmin({ name: 'proposal, review', url: `/forslag/${waiting}`, status: 200 }),
    asAdmin({ name: 'proposal, review of one joining', url: `/forslag/${joining}`, status: 200 }),
    asAdmin({
      name: 'proposal, accepted (notice)',
      url: `/forslag/${accepted}?klart=antagen`,
      status: 200,
    }),
    asAdmin({
      name: 'proposal, accept without a kind',
      url: `/forslag/${waiting}`,
      status: 422,
      form: { action: `/forslag/${waiting}/anta`, fields: { kind: '', university: '' } },
    }),
    asAdmin({
      name: 'proposal, merge without an activity',
      url: `/forslag/${waiting}`,
      status: 422,
      form: { action: `/forslag/${waiting}/sla-ihop`, fields: { activityId: '', university: '' } },
    }),
    asAdmin({
      name: 'proposal, decline without a reason',
      url: `/forslag/${waiting}`,
      status: 422,
      form: { action: `/forslag/${waiting}/avboj`, fields: { reason: '' } },
    }),
    asAdmin({
      name: 'proposal, decided already',
      url: `/forslag/${declined}`,
      status: 409,
      form: { action: `/forslag/${declined}/avboj`, fields: { reason: 'Dubblett.' } },
    }),
    {
      name: 'proposal refused to someone else',
      url: `/forslag/${waiting}`,
      status: 403,
      cookie: people.editor,
    },
  ];
}
