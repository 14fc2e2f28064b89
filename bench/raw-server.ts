import fs from 'node:fs';
import http from 'node:http';

/**
 * The practical upper limit: a bare `node:http` server that answers each page with the exact bytes and
 * headers the app sent for it, from memory. Usage: node bench/raw-server.ts <pages.json> <port>.
 * Prints "ready" when it listens.
 */
export type CapturedPage = { path: string; status: number; headers: Record<string, string>; body: string };

const [file, portText] = process.argv.slice(2);
if (!file || !portText) {
  console.error('usage: raw-server.ts <pages.json> <port>');
  process.exit(2);
}

const pages = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
for (const page of JSON.parse(fs.readFileSync(file, 'utf8')) as CapturedPage[]) {
  const body = Buffer.from(page.body, 'base64');
  pages.set(page.path, {
    status: page.status,
    headers: { ...page.headers, 'content-length': String(body.length) },
    body,
  });
}

const server = http.createServer((request, response) => {
  const page = pages.get(request.url ?? '');
  if (!page) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(page.status, page.headers);
  response.end(page.body);
});

server.listen(Number(portText), '127.0.0.1', () => console.log('ready'));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
