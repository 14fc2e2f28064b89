import http from 'node:http';
import pg from 'pg';
import type { Db } from '../src/db/client.ts';
import { memberships, people, sessions } from '../src/features/accounts/accounts.table.ts';
import { ABSOLUTE_TIMEOUT_MS, hashToken, newToken, SESSION_COOKIE } from '../src/features/auth/sessions.ts';

/**
 * The capacity list at realistic size (issue 9): 400 units × 4 kinds of offer in each of three terms
 * (HT2026, VT2027, HT2027: the term measured and the ones around it), and 2,000 requests on the measured
 * term's offers. Measured as a signed-in placement coordinator asking for the list (never from the page
 * cache), one request at a time on a keep-alive connection: filtered (kind, förvaltning, programme and
 * dates, area, free places, a second page) and unfiltered (the term, paged).
 */
export const CAPACITY_TERM = 'HT2027';
export const CAPACITY_SIZE = { units: 400, kinds: 4, terms: 3, requests: 2_000 };
const ROUNDS = Number(process.env.BENCH_CAPACITY_ROUNDS ?? 300);

/** Adds the offers and requests (is_demo) to a migrated, seeded database with the bench's units. */
export async function generateCapacity(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('begin');
    // The first 400 generated units, each under its administration; deterministic arithmetic, no PRNG.
    await client.query(
      `create temporary table bench_units on commit drop as
         select id, row_number() over (order by id) as n from organisations
          where kind = 'unit' and is_demo and slug like 'bench-%' and deleted_at is null
          order by id limit $1`,
      [CAPACITY_SIZE.units],
    );
    const offers = await client.query(`
      insert into placement_offers (organisation_id, term, kind, programme, study_level, places, confirmed_places,
                                    supervisors, starts_on, ends_on, address, area, prerequisites, description, is_demo)
      select u.id, t.term, k.kind::placement_kind,
             (array[k.programmes[1], k.programmes[2], k.programmes[3]])[1 + (u.n + k.i) % 3],
             'termin ' || (1 + (u.n * 7 + k.i) % 6),
             p.places, least(p.places, (u.n * 3 + k.i) % 4), 1 + (u.n + k.i) % 3,
             t.starts + ((u.n * 5 + k.i * 11) % 40)::int, t.starts + ((u.n * 5 + k.i * 11) % 40)::int + 35 + (u.n % 30)::int,
             'Skolvägen ' || u.n || ', 141 00 Huddinge',
             (array['Flemingsberg','Sjödalen','Skogås','Vårby','Stuvsta','Segeltorp','Trångsund','Visättra','Glömsta','Snättringe'])[1 + (u.n % 10)],
             case when k.i % 2 = 0 then 'Utdrag ur belastningsregistret' else '' end,
             'Handledning av erfarna pedagoger och sjuksköterskor.', true
        from bench_units u
       cross join (values ('HT2026', date '2026-08-31'), ('VT2027', date '2027-01-18'), ('HT2027', date '2027-08-30'))
             as t(term, starts)
       cross join (values
             (0, 'vfu_teacher', array['Grundlärarprogrammet F–3', 'Förskollärarprogrammet', 'Ämneslärarprogrammet']),
             (1, 'vfu_care', array['Sjuksköterskeprogrammet', 'Specialistsjuksköterskeprogrammet', 'Arbetsterapeutprogrammet']),
             (2, 'apl', array['Vård- och omsorgsprogrammet', 'Barn- och fritidsprogrammet', 'Restaurang- och livsmedelsprogrammet']),
             (3, 'internship', array['Socionomprogrammet', 'Samhällsplanerarprogrammet', 'Personal och arbetsliv']))
             as k(i, kind, programmes)
       cross join lateral (select 1 + (u.n * 13 + k.i * 7) % 8 as places) p`);
    const universities = (
      await client.query<{ id: number }>(`select id from organisations where kind = 'university' order by id`)
    ).rows.map((row) => row.id);
    const requests = await client.query(
      `insert into placement_requests (offer_id, university_id, places, status, message, preference, is_demo)
       select o.id, ($2::int[])[1 + (n % array_length($2::int[], 1))], 1 + n % 2,
              (array['submitted','in_review','confirmed','declined','submitted','confirmed'])[1 + n % 6]::placement_request_status,
              'Vi söker platser för studenter på termin 5.', 1 + n % 3, true
         from generate_series(1, $1::int) n
         join lateral (select id from placement_offers where term = $3 and is_demo
                        order by id offset (n * 7919) % ($4::int) limit 1) o on true`,
      [CAPACITY_SIZE.requests, universities, CAPACITY_TERM, CAPACITY_SIZE.units * CAPACITY_SIZE.kinds],
    );
    await client.query('commit');
    // As the data set's own rows are (dataset.ts): vacuumed, so the list's scans need not visit the heap
    // to check visibility, and analysed for the planner.
    await client.query('vacuum analyze placement_offers');
    await client.query('vacuum analyze placement_requests');
    return { placement_offers: offers.rowCount ?? 0, placement_requests: requests.rowCount ?? 0 };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** A placement coordinator at Södertörns högskola with a live session; and a förvaltning to filter by. */
export async function prepareCapacityViewer(db: Db, url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const university = await client.query<{ id: number }>(
      `select id from organisations where slug = 'sodertorns-hogskola'`,
    );
    // The förvaltning of the first bench unit that offers places.
    const administration = await client.query<{ id: number }>(
      `select o.parent_id as id from placement_offers po join organisations o on o.id = po.organisation_id
        where po.term = $1 and po.is_demo order by po.id limit 1`,
      [CAPACITY_TERM],
    );
    const [person] = await db
      .insert(people)
      .values({ name: 'Bänk Praktiksamordnare', email: 'bank-praktik@example.se' })
      .returning({ id: people.id });
    await db.insert(memberships).values({
      personId: person!.id,
      organisationId: university.rows[0]!.id,
      role: 'placement_coordinator',
    });
    const token = newToken();
    const now = new Date();
    await db.insert(sessions).values({
      tokenHash: hashToken(token),
      personId: person!.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
    });
    return { cookie: `${SESSION_COOKIE}=${token}`, administrationId: administration.rows[0]!.id };
  } finally {
    await client.end();
  }
}

export type CapacityViewer = Awaited<ReturnType<typeof prepareCapacityViewer>>;

/** The list's addresses: the filtered ones a coordinator uses, and the whole term page by page. */
function capacityUrls(viewer: CapacityViewer) {
  const base = `/praktik/platser?termin=${CAPACITY_TERM}`;
  return {
    filtered: [
      `${base}&typ=vil&lediga=1`,
      `${base}&forvaltning=${viewer.administrationId}&lediga=1`,
      `${base}&program=sjukskoterske&fran=2027-09-01&till=2027-10-31`,
      `${base}&omrade=Flemingsberg&typ=vfu`,
      `${base}&typ=apl&lediga=1&sida=2`,
    ],
    unfiltered: [base, `${base}&sida=2`, `${base}&sida=10`, `${base}&sida=32`],
  };
}

/** p50/p99 of signed-in requests for the filtered and the unfiltered list, one at a time. */
export async function capacityLatency(port: number, viewer: CapacityViewer) {
  const urls = capacityUrls(viewer);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const measure = async (list: string[]) => {
      for (let i = 0; i < 30; i += 1) await fetchPage(port, list[i % list.length]!, viewer.cookie, agent);
      const timings: number[] = [];
      let rows = 0;
      for (let i = 0; i < ROUNDS; i += 1) {
        const started = performance.now();
        const page = await fetchPage(port, list[i % list.length]!, viewer.cookie, agent);
        timings.push(performance.now() - started);
        rows += page.rows;
      }
      timings.sort((a, b) => a - b);
      const at = (p: number) =>
        Math.round(timings[Math.min(timings.length - 1, Math.ceil((p / 100) * timings.length) - 1)]! * 10) /
        10;
      return {
        requests: timings.length,
        rowsPerPage: Math.round(rows / timings.length),
        p50Ms: at(50),
        p99Ms: at(99),
        maxMs: at(100),
      };
    };
    return {
      term: CAPACITY_TERM,
      filtered: await measure(urls.filtered),
      unfiltered: await measure(urls.unfiltered),
    };
  } finally {
    agent.destroy();
  }
}

function fetchPage(port: number, path: string, cookie: string, agent: http.Agent): Promise<{ rows: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `http://127.0.0.1:${port}${path}`,
      { agent, timeout: 10_000, headers: { cookie } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200 || response.headers['cache-control'] !== 'no-store')
            return reject(new Error(`capacity list ${path} answered ${response.statusCode}, not signed in?`));
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ rows: body.match(/href="\/praktik\/platser\/\d+"/g)?.length ?? 0 });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

export const CAPACITY_TARGET_P99_MS = 50;
