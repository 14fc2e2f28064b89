import type { Child } from 'hono/jsx';

/**
 * Renders stored page text without ever emitting raw HTML: blocks are separated by blank lines; a block
 * of "- " lines is a list; "## " starts a subheading; [text](address) is a link to https:, mailto:, tel:
 * or a path of our own. Everything else is escaped text.
 */
export function PageBody({ body, headingLevel = 2 }: { body: string; headingLevel?: 2 | 3 }) {
  const blocks = body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return <>{blocks.map((block) => renderBlock(block, headingLevel))}</>;
}

function renderBlock(block: string, headingLevel: 2 | 3) {
  if (block.startsWith('## ')) {
    const text = inline(block.slice(3));
    return headingLevel === 2 ? <h2>{text}</h2> : <h3>{text}</h3>;
  }
  const lines = block.split('\n');
  if (lines.every((line) => line.startsWith('- '))) {
    return (
      <ul>
        {lines.map((line) => (
          <li>{inline(line.slice(2))}</li>
        ))}
      </ul>
    );
  }
  return <p>{inline(block.replace(/\n/g, ' '))}</p>;
}

const LINK = /\[([^\]]+)\]\(((?:https:\/\/|mailto:|tel:|\/)[^\s)]*)\)/g;

function inline(text: string): Child[] {
  const parts: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    parts.push(text.slice(last, match.index));
    parts.push(<a href={match[2]}>{match[1]}</a>);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}
