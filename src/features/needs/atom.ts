/**
 * An Atom feed (RFC 4287) as text: the feed's id, title, updated, author and links, and per entry its id,
 * title, updated, published, link to the page, category and a plain-text summary. Every value is escaped
 * for XML, and characters XML 1.0 does not allow are left out.
 */

export type AtomEntry = {
  id: string;
  title: string;
  updated: Date;
  published: Date;
  link: string;
  summary: string;
  category: string;
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle: string;
  updated: Date;
  author: string;
  /** This feed's own address (rel="self"). */
  self: string;
  /** The page the feed follows (rel="alternate"). */
  alternate: string;
  entries: AtomEntry[];
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids.
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_IN_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function atomXml(feed: AtomFeed): string {
  const x = escapeXml;
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${x(entry.id)}</id>
    <title type="text">${x(entry.title)}</title>
    <updated>${entry.updated.toISOString()}</updated>
    <published>${entry.published.toISOString()}</published>
    <link rel="alternate" type="text/html" href="${x(entry.link)}"/>
    <category term="${x(entry.category)}"/>
    <summary type="text">${x(entry.summary)}</summary>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">
  <id>${x(feed.id)}</id>
  <title type="text">${x(feed.title)}</title>
  <subtitle type="text">${x(feed.subtitle)}</subtitle>
  <updated>${feed.updated.toISOString()}</updated>
  <author><name>${x(feed.author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${x(feed.alternate)}"/>
${entries.join('')}</feed>
`;
}
