import { useT } from '../../../web/i18n/context.ts';

/** Min kalender: the personal calendar feed, made, replaced or revoked by the person themselves. */
export function CalendarFeedPage({
  feed,
  created,
  revoked,
}: {
  feed: { createdAt: string; lastUsedAt: string | null } | null;
  created?: { url: string; webcal: string };
  revoked: boolean;
}) {
  const t = useT().meetingPages;
  return (
    <>
      <h1>{t.calendarTitle}</h1>
      {revoked ? (
        <p class="notice" role="status">
          {t.calendarRevoked}
        </p>
      ) : null}
      <p class="lead">{t.calendarLead}</p>
      {created ? (
        <section class="notice" aria-labelledby="ny-adress">
          <h2 id="ny-adress">{t.calendarAddress}</h2>
          <p>{t.calendarCreated}</p>
          <p>
            <code class="break-anywhere">{created.url}</code>
          </p>
          <p>
            <a href={created.webcal}>{t.calendarWebcal}</a>
          </p>
        </section>
      ) : feed ? (
        <p>
          {t.calendarActive(feed.createdAt)} {feed.lastUsedAt ? t.calendarLastUsed(feed.lastUsedAt) : null}
        </p>
      ) : (
        <p>{t.calendarNone}</p>
      )}
      <form method="post" action="/konto/kalender">
        <input type="hidden" name="action" value="create" />
        {feed ? <p>{t.calendarReplaceNote}</p> : null}
        <button type="submit">{feed ? t.calendarReplace : t.calendarCreate}</button>
      </form>
      {feed ? (
        <form method="post" action="/konto/kalender">
          <input type="hidden" name="action" value="revoke" />
          <button type="submit" class="secondary">
            {t.calendarRevoke}
          </button>
        </form>
      ) : null}
    </>
  );
}
