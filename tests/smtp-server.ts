import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  /** RFC 8058 one-click unsubscribe headers, where the mail has them (undefined otherwise). */
  listUnsubscribe?: string | undefined;
  listUnsubscribePost?: string | undefined;
  /** The files the mail carries (a meeting's call: its .ics), as text. */
  attachments: { filename: string; contentType: string; text: string }[];
};

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts. */
export async function startSmtpServer(port = 0) {
  const received: ReceivedMail[] = [];
  /** Set by a test to hold a message (by subject) before the server answers, as a slow server would. */
  const state: { gate?: (subject: string) => Promise<void> } = {};
  const server = new SMTPServer({
    disableReverseLookup: true,
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        async (parsed) => {
          await state.gate?.(parsed.subject ?? '');
          received.push({
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: (parsed.from?.value ?? []).map((a) => `${a.name} <${a.address}>`).join(', '),
            to: Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? ''),
            subject: parsed.subject ?? '',
            // mailparser ends the text with the line break that closes the body.
            text: (parsed.text ?? '').replace(/\n$/, ''),
            listUnsubscribe: headerText(parsed.headerLines, 'list-unsubscribe'),
            listUnsubscribePost: headerText(parsed.headerLines, 'list-unsubscribe-post'),
            attachments: parsed.attachments.map((attachment) => ({
              filename: attachment.filename ?? '',
              contentType: attachment.contentType,
              text: attachment.content.toString('utf8'),
            })),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    received,
    state,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A header's value as sent (unfolded), or undefined when the mail has no such header. */
function headerText(lines: readonly { key: string; line: string }[], key: string): string | undefined {
  const found = lines.find((line) => line.key === key);
  return found?.line
    .slice(found.line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}
