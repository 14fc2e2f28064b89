import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/db/postgres-process.ts';
import { type AppProcess, collectOutput, startApp, waitUntilServing } from './app-process.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { ROOT } from './run-script.ts';

const NGINX = '/usr/sbin/nginx';
const OPENSSL = '/usr/bin/openssl';
const TEMPLATE = path.join(ROOT, 'docs/deployment/nginx-samverkan.conf');
/** BASE_URL's host name in this test; the certificate is made for it. */
const SERVER_NAME = 'samverkan.test';

const missing = [NGINX, OPENSSL].filter((file) => !existsSync(file));
const skipReason = process.env.TEST_DATABASE_URL
  ? 'runs once, on the bundled PostgreSQL (the PostgreSQL 15 run adds nothing here)'
  : missing.length > 0
    ? `${missing.join(' and ')} missing (Debian: apt-get install nginx openssl)`
    : undefined;
if (skipReason) console.info(`tests/reverse-proxy.test.ts skipped: ${skipReason}`);

/**
 * The guide's nginx site file (docs/deployment/nginx-samverkan.conf) in front of two app instances on one
 * database, as docs/deployment.md sets them up: TLS, the upstream, the headers, the default server, the
 * access log. Only the placeholders are filled in, the ports moved to free ones on 127.0.0.1 and the
 * access log into the test's directory.
 */
describe.skipIf(skipReason !== undefined)('the guide’s nginx in front of two app instances', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  const apps: AppProcess[] = [];
  let nginx: ChildProcess | undefined;
  let certificate: string;
  let httpPort: number;
  let httpsPort: number;
  let appPorts: number[];
  let origin: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-nginx-'));
    const [instancePorts, ports, db] = await Promise.all([
      Promise.all([findFreePort(), findFreePort()]),
      Promise.all([findFreePort(), findFreePort()]),
      // Kept at once, so that afterAll drops it even if another step here fails.
      createTestDatabase().then((created) => {
        database = created;
        return created;
      }),
      makeCertificate(dir),
    ]);
    appPorts = instancePorts;
    [httpPort, httpsPort] = ports as [number, number];
    origin = `https://${SERVER_NAME}:${httpsPort}`;
    certificate = await fs.readFile(path.join(dir, 'cert.pem'), 'utf8');

    for (const port of appPorts) {
      apps.push(
        startApp({
          DATABASE_URL: db.url,
          NODE_ENV: 'production',
          // The public address is nginx's.
          BASE_URL: origin,
          TRUST_PROXY: 'true',
          HOST: '127.0.0.1',
          PORT: String(port),
          DEMO_DATA: 'false',
          FEEDBACK_RATE_LIMIT: '3',
          // One line per request, to see which instance answered.
          LOG_LEVEL: 'info',
        }),
      );
    }

    const site = siteForTest(await fs.readFile(TEMPLATE, 'utf8'), {
      '@SERVER_NAME@': SERVER_NAME,
      '@APP_PORT_1@': String(appPorts[0]),
      '@APP_PORT_2@': String(appPorts[1]),
      '@CERTIFICATE@': path.join(dir, 'cert.pem'),
      '@CERTIFICATE_KEY@': path.join(dir, 'key.pem'),
      'listen 80 ': `listen 127.0.0.1:${httpPort} `,
      'listen 443 ': `listen 127.0.0.1:${httpsPort} `,
      '/var/log/nginx/samverkan.access.log': path.join(dir, 'samverkan.access.log'),
    });
    await fs.writeFile(path.join(dir, 'samverkan.conf'), site);
    await fs.writeFile(path.join(dir, 'nginx.conf'), mainConfig(dir));
    nginx = await startNginx(dir);
    await Promise.all(apps.map((app, i) => waitUntilServing(app, appPorts[i]!)));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([nginx ? stopProcess(nginx) : undefined, ...apps.map((app) => stopProcess(app.child))]);
    await database?.cleanup();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  /** One request to nginx over TLS, as a browser at BASE_URL would send it unless `options` say otherwise. */
  function viaNginx(
    requestPath: string,
    options: { method?: string; headers?: Record<string, string>; body?: string; servername?: string } = {},
  ) {
    return send(https, {
      port: httpsPort,
      path: requestPath,
      method: options.method ?? 'GET',
      headers: { host: `${SERVER_NAME}:${httpsPort}`, ...options.headers },
      body: options.body,
      servername: options.servername ?? SERVER_NAME,
      ca: certificate,
    });
  }

  function postFeedback(headers: Record<string, string> = {}) {
    return viaNginx('/aterkoppling', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...headers },
      body: new URLSearchParams({ page: '/avtal', answer: 'ja' }).toString(),
    });
  }

  /** The request lines each instance has logged since `marks` (lengths of their output). */
  function requestLogs(marks: number[]) {
    return apps.map((app, i) =>
      app
        .output()
        .slice(marks[i])
        .split('\n')
        .flatMap((line) => {
          // Not JSON: a plain line, or the start of one still being written.
          try {
            return [JSON.parse(line) as { msg?: string; method?: string; path?: string; status?: number }];
          } catch {
            return [];
          }
        })
        .filter((entry) => entry.msg === 'request'),
    );
  }
  const outputMarks = () => apps.map((app) => app.output().length);

  it('serves the Swedish start page over https, with the HSTS header the app sends', async () => {
    const response = await viaNginx('/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<html lang="sv">');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.server).toBe('nginx');
  });

  it('shares the requests between both instances', async () => {
    const marks = outputMarks();
    for (let i = 0; i < 10; i++) expect((await viaNginx('/avtal')).status).toBe(200);
    await expect
      .poll(() => requestLogs(marks).map((lines) => lines.filter((line) => line.path === '/avtal').length))
      .toEqual([5, 5]);
  });

  it('logs neither the visitor’s address nor the query string in nginx’s access log', async () => {
    expect((await viaNginx('/logga-in/lank?token=hemlig-token')).status).toBeLessThan(500);
    // nginx writes the line after it has answered: wait for it.
    const readLines = async () =>
      (await fs.readFile(path.join(dir, 'samverkan.access.log'), 'utf8')).trim().split('\n');
    await expect.poll(async () => (await readLines()).at(-1) ?? '').toContain('/logga-in/lank');
    const lines = await readLines();
    const last = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(Object.keys(last)).toEqual([
      'time',
      'method',
      'path',
      'status',
      'seconds',
      'upstream',
      'upstreamStatus',
    ]);
    expect(last).toMatchObject({ method: 'GET', path: '/logga-in/lank' });
    expect(lines.join('\n')).not.toContain('hemlig-token');
  });

  it('refuses a body over 64 KiB before it reaches an instance', async () => {
    const response = await viaNginx('/aterkoppling', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: `page=/avtal&answer=ja&comment=${'a'.repeat(64 * 1024)}`,
    });
    expect(response.status).toBe(413);
  });

  it('redirects plain http to https at BASE_URL’s host name', async () => {
    const response = await send(http, {
      port: httpPort,
      path: '/avtal?sida=2',
      method: 'GET',
      headers: { host: 'whatever.example' },
    });
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe(`https://${SERVER_NAME}/avtal?sida=2`);
  });

  it('answers no other host name: nginx refuses it before the app sees it', async () => {
    const marks = outputMarks();
    // A forged Host on our certificate's connection: closed without an answer (444).
    await expect(viaNginx('/', { headers: { host: 'evil.example' } })).rejects.toThrow();
    // The host in an absolute request target counts before the Host header.
    await expect(viaNginx('https://evil.example/')).rejects.toThrow();
    // Another name already in the TLS handshake: no certificate, no connection.
    await expect(
      viaNginx('/', { servername: 'evil.example', headers: { host: 'evil.example' } }),
    ).rejects.toThrow();
    // Two requests that do reach the app, one per instance: once both are logged, nothing else was.
    for (let i = 0; i < 2; i++) expect((await viaNginx('/larosaten')).status).toBe(200);
    await expect.poll(() => requestLogs(marks).map((lines) => lines.length)).toEqual([1, 1]);
    expect(
      requestLogs(marks)
        .flat()
        .map((line) => line.path),
    ).toEqual(['/larosaten', '/larosaten']);
  });

  it('and the app refuses another host name itself (421) when reached without nginx', async () => {
    const response = await send(http, {
      port: appPorts[0],
      path: '/',
      method: 'GET',
      headers: { host: 'evil.example' },
    });
    expect(response.status).toBe(421);
    expect(response.body).toContain('Fel adress');
  });

  it('ignores a forged X-Forwarded-Host', async () => {
    const response = await viaNginx('/', { headers: { 'x-forwarded-host': 'evil.example' } });
    expect(response.status).toBe(200);
    expect(response.body).not.toContain('evil.example');
  });

  it('counts the rate limit per real client across both instances, whatever X-Forwarded-For says', async () => {
    const marks = outputMarks();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await postFeedback());
    expect(answers.map((answer) => answer.status)).toEqual([303, 303, 303, 429]);
    expect(Number(answers[3]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(answers[3]!.body).toContain('För många försök');
    // Round robin sent the answers to both instances: the limit of 3 held across them.
    await expect
      .poll(() => requestLogs(marks).map((lines) => lines.filter((line) => line.method === 'POST').length))
      .toEqual([2, 2]);

    // nginx replaces the header with the address it saw, so a made-up one buys no fresh budget.
    expect((await postFeedback({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    expect((await postFeedback({ 'x-forwarded-for': '203.0.113.9, 198.51.100.7' })).status).toBe(429);
    // TRUST_PROXY is set, so no instance warned about an untrusted proxy.
    for (const app of apps) expect(app.output()).not.toContain('TRUST_PROXY är inte satt');
  });

  it('keeps serving while one instance is stopped, as in a rolling restart', async () => {
    const first = apps[0]!;
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    for (let i = 0; i < 4; i++) expect((await viaNginx('/avtal')).status).toBe(200);
    // A POST is passed on too (it never reached the stopped instance); the limit still holds.
    expect((await postFeedback()).status).toBe(429);
  });
});

type Response = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A plain node:http(s) request: fetch would not let us set Host, SNI and an absolute target freely. */
function send(
  client: typeof http | typeof https,
  options: https.RequestOptions & { body?: string | undefined },
): Promise<Response> {
  const { body, ...requestOptions } = options;
  return new Promise((resolve, reject) => {
    const request = client.request(
      { host: '127.0.0.1', agent: false, timeout: 10_000, ...requestOptions },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer within 10 s')));
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * The template with its placeholders filled in. Every placeholder and port must be found, and the IPv6
 * `listen` lines are left out (a CI container may have no IPv6); nothing else changes.
 */
function siteForTest(template: string, replacements: Record<string, string>): string {
  let site = template
    .split('\n')
    .filter((line) => !/^\s*listen \[::\]:/.test(line))
    .join('\n');
  for (const [from, to] of Object.entries(replacements)) {
    if (!site.includes(from)) throw new Error(`${TEMPLATE} no longer contains ${from}`);
    site = site.replaceAll(from, to);
  }
  const left = /@[A-Z_0-9]+@|listen (80|443)\b/.exec(site.replace(/^\s*#.*$/gm, ''));
  if (left) throw new Error(`${TEMPLATE}: ${left[0]} is not filled in by the test`);
  return site;
}

/** nginx's own main file, everything under `dir`; the site file is included as Debian's nginx.conf does. */
function mainConfig(dir: string): string {
  return `
${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/samverkan.conf;
}
`;
}

const run = promisify(execFile);

/** A throwaway self-signed certificate for SERVER_NAME (cert.pem, key.pem in `dir`). */
async function makeCertificate(dir: string): Promise<void> {
  await run(OPENSSL, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${SERVER_NAME}`,
    '-addext',
    `subjectAltName=DNS:${SERVER_NAME}`,
    '-keyout',
    path.join(dir, 'key.pem'),
    '-out',
    path.join(dir, 'cert.pem'),
  ]);
}

/** Starts nginx in the foreground and waits until it has written its pid (it listens by then). */
async function startNginx(dir: string): Promise<ChildProcess> {
  const child = spawn(
    NGINX,
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = collectOutput(child);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (existsSync(path.join(dir, 'nginx.pid'))) return child;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const log = await fs.readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
  child.kill('SIGKILL');
  throw new Error(`nginx did not start:\n${output()}${log}`);
}

/** SIGTERM and wait (SIGKILL after 10 s); nothing to do for a process that has already exited. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
