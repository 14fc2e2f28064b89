import { and, count, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { focusAreas } from '../agreements/agreements.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { shownFocusArea } from './needs.queries.ts';
import {
  type BriefKind,
  briefFocusAreas,
  briefSubscriptions,
  briefs,
  briefUnsubscribeTokens,
} from './needs.table.ts';

/** The SQL behind the e-mail alerts (brief_subscriptions, brief_unsubscribe_tokens). */

/** Serialises what is done for one address, so the counts below cannot be raced past. */
export async function lockAddress(tx: DbOrTx, address: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`brief-alerts:${address}`}))`);
}

/** Unconfirmed subscriptions of this address since `since`: more would flood someone's inbox. */
export async function countRecentUnconfirmed(tx: DbOrTx, address: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(briefSubscriptions)
    .where(
      and(
        sql`lower(${briefSubscriptions.email}) = ${address}`,
        isNull(briefSubscriptions.confirmedAt),
        gt(briefSubscriptions.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}

/** A confirmed subscription of this address to exactly this kind and area, if there is one. */
export async function findConfirmedSame(
  tx: DbOrTx,
  address: string,
  kind: BriefKind | null,
  focusAreaId: number | null,
) {
  const [row] = await tx
    .select({ id: briefSubscriptions.id })
    .from(briefSubscriptions)
    .where(
      and(
        sql`lower(${briefSubscriptions.email}) = ${address}`,
        isNotNull(briefSubscriptions.confirmedAt),
        kind === null ? isNull(briefSubscriptions.kind) : eq(briefSubscriptions.kind, kind),
        focusAreaId === null
          ? isNull(briefSubscriptions.focusAreaId)
          : eq(briefSubscriptions.focusAreaId, focusAreaId),
      ),
    );
  return row;
}

/** A focus area anyone may see, by id: its name (undefined when there is none, or it is deleted). */
export async function findLiveFocusArea(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ id: focusAreas.id, name: focusAreas.name })
    .from(focusAreas)
    .where(and(eq(focusAreas.id, id), shownFocusArea()));
  return row;
}

export async function insertSubscription(
  tx: DbOrTx,
  values: {
    email: string;
    kind: BriefKind | null;
    focusAreaId: number | null;
    confirmTokenHash: string;
    unsubscribeTokenHash: string;
    createdAt: Date;
  },
) {
  await tx.insert(briefSubscriptions).values(values);
}

/** Confirms the subscription of this token if it is unconfirmed and made after `since`; whether it did. */
export async function confirmSubscription(
  db: Db,
  tokenHash: string,
  since: Date,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(briefSubscriptions)
    .set({ confirmedAt: now, confirmTokenHash: null })
    .where(
      and(
        eq(briefSubscriptions.confirmTokenHash, tokenHash),
        isNull(briefSubscriptions.confirmedAt),
        gt(briefSubscriptions.createdAt, since),
      ),
    )
    .returning({ id: briefSubscriptions.id });
  return rows.length > 0;
}

/** Removes the subscription this unsubscribe token belongs to (its own, or one of its mails'). */
export async function deleteSubscriptionByToken(db: Db, tokenHash: string): Promise<boolean> {
  const rows = await db
    .delete(briefSubscriptions)
    .where(
      or(
        eq(briefSubscriptions.unsubscribeTokenHash, tokenHash),
        sql`${briefSubscriptions.id} in (select ${briefUnsubscribeTokens.subscriptionId} from ${briefUnsubscribeTokens}
              where ${briefUnsubscribeTokens.tokenHash} = ${tokenHash})`,
      ),
    )
    .returning({ id: briefSubscriptions.id });
  return rows.length > 0;
}

/** Every alert subscription to these addresses (lower case): an account holder's erasure ends them too. */
export async function deleteSubscriptionsTo(tx: DbOrTx, addresses: string[]): Promise<void> {
  if (addresses.length === 0) return;
  await tx.delete(briefSubscriptions).where(
    sql`lower(${briefSubscriptions.email}) in (${sql.join(
      addresses.map((address) => sql`${address}`),
      sql`, `,
    )})`,
  );
}

/** Unconfirmed subscriptions made before `before` (housekeeping): never confirmed, so never wanted. */
export async function deleteUnconfirmedBefore(db: Db, before: Date): Promise<void> {
  await db
    .delete(briefSubscriptions)
    .where(and(isNull(briefSubscriptions.confirmedAt), lt(briefSubscriptions.createdAt, before)));
}

/** The brief as an alert tells of it, locked (two saves at once never both alert). */
export async function lockBriefForAlerts(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select({
      id: briefs.id,
      slug: briefs.slug,
      kind: briefs.kind,
      title: briefs.title,
      question: briefs.question,
      deadline: briefs.deadline,
      publishedAt: briefs.publishedAt,
      closedAt: briefs.closedAt,
      alertedAt: briefs.alertedAt,
      visibility: briefs.visibility,
      deletedAt: briefs.deletedAt,
      organisation: organisations.name,
    })
    .from(briefs)
    .innerJoin(organisations, eq(organisations.id, briefs.organisationId))
    .where(eq(briefs.id, id))
    .for('update', { of: briefs });
  return row;
}

export async function markAlerted(tx: DbOrTx, id: number, now: Date): Promise<void> {
  await tx.update(briefs).set({ alertedAt: now }).where(eq(briefs.id, id));
}

/**
 * The confirmed subscriptions a brief matches (their kind or none; one of its focus areas or none), one
 * per address (the oldest), so an address that follows both the kind and the area gets one mail.
 */
export async function findMatchingSubscriptions(tx: DbOrTx, briefId: number, kind: BriefKind) {
  const result = await tx.execute<{ id: number; email: string }>(sql`
    select distinct on (lower(s.email)) s.id, s.email
      from ${briefSubscriptions} s
     where s.confirmed_at is not null
       and (s.kind is null or s.kind = ${kind})
       and (s.focus_area_id is null
            or s.focus_area_id in (select focus_area_id from ${briefFocusAreas} where brief_id = ${briefId}))
     order by lower(s.email), s.id`);
  return result.rows.map((row) => ({ id: Number(row.id), email: row.email }));
}

export async function insertUnsubscribeTokens(
  tx: DbOrTx,
  rows: { tokenHash: string; subscriptionId: number; createdAt: Date }[],
): Promise<void> {
  if (rows.length > 0) await tx.insert(briefUnsubscribeTokens).values(rows);
}
