import type { AppDeps } from '../../app-deps.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { formatDate, stockholmDate } from '../../lib/dates.ts';
import { Refusal } from '../../lib/refusal.ts';
import { DEFAULT_LANGUAGE, type Messages, messagesFor } from '../../web/i18n/messages.ts';
import { hashToken, newToken } from '../auth/sessions.ts';
import { normaliseEmail } from '../auth/sign-in-links.service.ts';
import { queueMail, queueMails } from '../mail/mail.service.ts';
import {
  confirmSubscription,
  countRecentUnconfirmed,
  deleteSubscriptionByToken,
  deleteUnconfirmedBefore,
  findConfirmedSame,
  findLiveFocusArea,
  findMatchingSubscriptions,
  insertSubscription,
  insertUnsubscribeTokens,
  lockAddress,
  lockBriefForAlerts,
  markAlerted,
} from './alerts.queries.ts';
import type { BriefKind } from './needs.table.ts';

/**
 * E-mail alerts about new briefs, without an account (issue 9, item 5). Double opt-in: a subscription
 * starts unconfirmed, with a mailed link to a page whose button confirms it (a mail scanner following the
 * link confirms nothing). The answer is the same whether or not the address is known; per client the
 * route is rate-limited, per address at most UNCONFIRMED_PER_DAY unconfirmed subscriptions are mailed.
 *
 * When alerts go out: in the transaction that makes a brief published, public and not deleted for the
 * first time (`queueAlertsIfDue`, called by every write of a brief), through the outbox, one mail per
 * address, each with its own one-click unsubscribe link (also as List-Unsubscribe, RFC 8058). The
 * brief's `alerted_at` makes it once per brief: unpublishing and publishing again sends nothing.
 * Tokens are kept only as SHA-256.
 */

/** How long a confirmation link works; an unconfirmed subscription is deleted after it (housekeeping). */
export const CONFIRM_VALID_MS = 7 * 24 * 3_600_000;
/** Unconfirmed subscriptions mailed per address and day. */
export const UNCONFIRMED_PER_DAY = 3;

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

/** Subscribers have no language of their own: their mail is in the site's. */
const mailText = (): Messages => messagesFor(DEFAULT_LANGUAGE);

export const confirmPath = (token: string) => `/behovsbanken/bevaka/bekrafta?token=${token}`;
export const unsubscribePath = (token: string) => `/behovsbanken/avregistrera?token=${token}`;

/**
 * Asks for alerts: a new unconfirmed subscription and its confirmation mail, unless the address has one
 * like it confirmed already or has had too many lately (then nothing; the caller answers the same).
 */
export async function subscribe(
  deps: Deps,
  input: { email: string; kind: BriefKind | null; focusAreaId: number | null },
): Promise<void> {
  const now = deps.clock.now();
  const address = normaliseEmail(input.email);
  const area = input.focusAreaId === null ? null : await findLiveFocusArea(deps.db, input.focusAreaId);
  if (area === undefined) throw new Refusal('needs.alerts.choiceMissing', { field: 'focusAreaId' });
  await deps.db.transaction(async (tx) => {
    await lockAddress(tx, address);
    if (await findConfirmedSame(tx, address, input.kind, input.focusAreaId)) return;
    const since = new Date(now.getTime() - 24 * 3_600_000);
    if ((await countRecentUnconfirmed(tx, address, since)) >= UNCONFIRMED_PER_DAY) return;
    const confirmToken = newToken();
    const unsubscribeToken = newToken();
    await insertSubscription(tx, {
      email: address,
      kind: input.kind,
      focusAreaId: input.focusAreaId,
      confirmTokenHash: hashToken(confirmToken),
      unsubscribeTokenHash: hashToken(unsubscribeToken),
      createdAt: now,
    });
    const m = mailText();
    const what = m.needs.alerts.what(input.kind ? m.needs.kindsPlural[input.kind] : null, area?.name ?? null);
    await queueMail(
      tx,
      {
        to: address,
        subject: m.needs.alerts.mail.confirmSubject,
        text: m.needs.alerts.mail.confirmBody(
          what,
          `${deps.config.baseUrl}${confirmPath(confirmToken)}`,
          `${deps.config.baseUrl}${unsubscribePath(unsubscribeToken)}`,
        ),
      },
      deps.clock,
    );
  });
}

/** Confirms by the mailed token (the button's POST); false for an unknown, used or expired one. */
export async function confirm(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<boolean> {
  const now = deps.clock.now();
  return confirmSubscription(deps.db, hashToken(token), new Date(now.getTime() - CONFIRM_VALID_MS), now);
}

/** Removes the subscription (address and all) whose mail carried this token; false if none. */
export function unsubscribe(deps: Pick<Deps, 'db'>, token: string): Promise<boolean> {
  return deleteSubscriptionByToken(deps.db, hashToken(token));
}

/** Housekeeping: subscriptions never confirmed are deleted once their link has expired. */
export function deleteExpiredSubscriptions(db: Db, now: Date): Promise<void> {
  return deleteUnconfirmedBefore(db, new Date(now.getTime() - CONFIRM_VALID_MS));
}

/**
 * Inside a brief's write: if it has just become published, public and not deleted, is still open and was
 * never alerted about, marks it alerted and queues one mail per matching confirmed address, each with its own
 * unsubscribe link (also in the List-Unsubscribe headers). Else nothing.
 */
export async function queueAlertsIfDue(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock' | 'config'>,
  briefId: number,
  /** Whether the brief was published, public and not deleted before this write. */
  shownBefore: boolean,
) {
  const now = deps.clock.now();
  const brief = await lockBriefForAlerts(tx, briefId);
  if (!brief || brief.alertedAt || !brief.publishedAt || brief.visibility !== 'public' || brief.deletedAt)
    return 0;
  // Public already before this write (a seeded or imported brief, one from before the alerts): it is not
  // new, so it is only marked, never mailed about when someone corrects a typo in it.
  if (shownBefore) {
    await markAlerted(tx, brief.id, now);
    return 0;
  }
  if (brief.closedAt || (brief.deadline !== null && brief.deadline < stockholmDate(now))) return 0;
  await markAlerted(tx, brief.id, now);
  const subscriptions = await findMatchingSubscriptions(tx, brief.id, brief.kind);
  const m = mailText();
  const tokens = subscriptions.map(() => newToken());
  await insertUnsubscribeTokens(
    tx,
    subscriptions.map((subscription, index) => ({
      tokenHash: hashToken(tokens[index] as string),
      subscriptionId: subscription.id,
      createdAt: now,
    })),
  );
  const link = `${deps.config.baseUrl}/behovsbanken/${brief.slug}`;
  await queueMails(
    tx,
    subscriptions.map((subscription, index) => {
      const unsubscribe = `${deps.config.baseUrl}${unsubscribePath(tokens[index] as string)}`;
      return {
        to: subscription.email,
        subject: m.needs.alerts.mail.alertSubject(brief.title),
        text: m.needs.alerts.mail.alertBody({
          title: brief.title,
          kind: m.needs.kinds[brief.kind],
          organisation: brief.organisation,
          question: brief.question,
          deadline: brief.deadline ? formatDate(brief.deadline) : null,
          link,
          unsubscribe,
        }),
        headers: {
          'List-Unsubscribe': `<${unsubscribe}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      };
    }),
    deps.clock,
  );
  return subscriptions.length;
}
