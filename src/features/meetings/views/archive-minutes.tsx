import { raw } from 'hono/html';
import { formatDate, stockholmDate } from '../../../lib/dates.ts';
import { MessagesContext } from '../../../web/i18n/context.ts';
import type { Messages } from '../../../web/i18n/messages.ts';
import type { PublicMeetingPage, PublicMinutes } from '../meeting-pages.service.ts';
import { MeetingBody } from './public-meeting.tsx';

/**
 * The approved minutes as one self-contained HTML file for the archive (decision 014, "Archive format"):
 * UTF-8, its stylesheet embedded, no scripts and nothing fetched from elsewhere, and Dublin Core metadata
 * (title, organ, meeting date, date of approval, adjusters, publisher, identifier, language).
 */
const ARCHIVE_CSS = `
body { font-family: Georgia, "Times New Roman", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #000; background: #fff; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1.1rem; margin-bottom: .25rem; } h4 { font-size: 1rem; margin: .75rem 0 .25rem; }
a { color: #000; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
.facts dt { font-weight: bold; } .facts dd { margin: 0; }
ol.agenda { list-style: none; padding: 0; } .agenda-item { border-top: 1px solid #999; padding: .5rem 0; page-break-inside: avoid; }
ul.plain { list-style: none; padding: 0; margin: 0; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; }
.pre-line { white-space: pre-line; } .meta { color: #333; } .no-print, .demo-label { display: none; }
.approval-notice { border: 2px solid #000; padding: .5rem 1rem; margin-top: 2rem; page-break-inside: avoid; }
footer { margin-top: 2rem; font-size: .9rem; }
@media print { body { margin: 0; max-width: none; } a { text-decoration: none; } }
`;

export async function archiveMinutesHtml(
  t: Messages,
  page: PublicMeetingPage & { minutes: PublicMinutes },
  site: { baseUrl: string },
): Promise<string> {
  const { meeting, minutes } = page;
  const date = stockholmDate(meeting.startsAt);
  const approvedOn = stockholmDate(minutes.approvedAt);
  const url = `${site.baseUrl}/moten/${meeting.id}`;
  const title = t.meetingPages.archiveTitle(meeting.group.name, date);
  const adjusters = minutes.adjusters.map((adjuster) => adjuster.name).join(', ');
  const document = (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="DC.title" content={title} />
        <meta name="DC.creator" content={meeting.group.name} />
        <meta name="DC.publisher" content={t.meetingPages.archivePublisher} />
        <meta name="DC.date" content={date} />
        <meta name="DCTERMS.created" content={date} />
        <meta name="DCTERMS.dateAccepted" content={approvedOn} />
        <meta name="DC.contributor" content={adjusters} />
        <meta name="DC.identifier" content={url} />
        <meta name="DC.language" content="sv" />
        <meta name="DC.type" content="Text" />
        <meta name="DC.format" content="text/html" />
        <meta name="author" content={meeting.group.name} />
        <meta
          name="description"
          content={`${t.meetingPages.minutes} ${meeting.group.name} ${formatDate(date)}`}
        />
        <style>{raw(ARCHIVE_CSS)}</style>
      </head>
      <body>
        <main>
          <MeetingBody page={page} base={site.baseUrl} archive />
        </main>
        <footer>
          <p>
            {t.meetingPages.archivePublisher}. {t.meetingPages.archiveSource}: <a href={url}>{url}</a>
          </p>
        </footer>
      </body>
    </html>
  );
  const html = await (<MessagesContext.Provider value={t}>{document}</MessagesContext.Provider>).toString();
  return `<!DOCTYPE html>\n${html}`;
}
