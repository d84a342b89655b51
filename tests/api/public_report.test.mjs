// The public report form's endpoint (no sign-in): what it accepts, what it
// refuses, what it stores, and its rate limits.
//
// Why this file starts its own servers: the limit is per client address, and
// every test reaches the shared server from 127.0.0.1, so exercising the limit
// there would starve the other tests (and the browser test of the public
// page) for the whole window. Instead it starts `trm serve` itself, on free
// ports, over copies of one demo network made here:
//   - "roomy" with limits far above what it sends, for input checks;
//   - "tight" with 3 per address and 5 in total, for the limits; other
//     loopback addresses (127.0.0.2, 127.0.0.3) stand in for other clients,
//     which also shows the address comes from the socket;
//   - "off" over an empty data folder with no public intake organisation.
// The binary is $TRM_BIN, else build-asan/trm, else build/trm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, cpSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { PASSWORD, assertErrorShape } from './helpers.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = process.env.TRM_BIN
  || [join(ROOT, 'build-asan/trm'), join(ROOT, 'build/trm')].find((p) => existsSync(p));
const RECEIPT_RE = /^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const servers = {};
let dir;

function freePort() {
  return execFileSync(join(ROOT, 'scripts/free-port.sh'), { encoding: 'utf8' }).trim();
}

async function startServer(data, flags) {
  const port = freePort();
  const proc = spawn(BIN, ['serve', '--data', data, '--port', port, '--web', '', ...flags], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { base, proc };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill();
  throw new Error(`trm serve did not start on ${base}`);
}

// One request with node:http, so that the client address can be chosen.
function send(server, method, path, { body, headers = {}, from } = {}) {
  const url = new URL(server.base);
  const payload = body === undefined ? undefined
    : Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const h = { ...headers };
  if (payload !== undefined) {
    h['Content-Length'] = String(payload.length);
    if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['Content-Type'] = 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port, method, path, headers: h, agent: false, localAddress: from,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const report = (extra = {}) => ({
  what_happened: 'Young women locked in a karaoke bar at night',
  location: 'Near the bus station, Mae Sot', location_country: 'TH',
  who_is_at_risk: 'Three young women, one looks about 15', people_count: 3, children: true,
  urgency: 'urgent', language: 'th', ...extra,
});

async function queueAs(server, username) {
  const s = await send(server, 'POST', '/api/v1/auth/sign-in', { body: { username, password: PASSWORD } });
  assert.equal(s.status, 200, s.text);
  const q = await send(server, 'GET', '/api/v1/intake-reports', { headers: { Authorization: `Bearer ${s.json.token}` } });
  assert.equal(q.status, 200, q.text);
  return q.json.items;
}

before(async () => {
  assert.ok(BIN, 'set TRM_BIN to the trm binary (or build build-asan/trm)');
  dir = mkdtempSync(join(tmpdir(), 'trm-public-'));
  execFileSync(BIN, ['demo', '--data', join(dir, 'demo'), '--cases', '0'], { cwd: ROOT, stdio: 'ignore' });
  cpSync(join(dir, 'demo'), join(dir, 'tight'), { recursive: true });
  execFileSync(BIN, ['init', '--data', join(dir, 'off')], { cwd: ROOT, stdio: 'ignore' });
  [servers.roomy, servers.tight, servers.off] = await Promise.all([
    startServer(join(dir, 'demo'), ['--public-reports-per-address', '1000', '--public-reports-total', '1000']),
    startServer(join(dir, 'tight'), ['--public-reports-per-address', '3', '--public-reports-total', '5']),
    startServer(join(dir, 'off'), []),
  ]);
});

after(async () => {
  await Promise.all(Object.values(servers).map((s) => new Promise((resolve) => {
    s.proc.once('exit', resolve);
    s.proc.kill('SIGTERM');
  })));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a report without sign-in lands in the hotline duty queue with a receipt, storing only what was sent', async () => {
  const what = `Young women locked in a karaoke bar ${Date.now()}`;
  const r = await send(servers.roomy, 'POST', '/api/v1/public/reports', {
    body: report({ what_happened: what, contact: { name: 'Somchai', details: 'LINE: somchai.k' } }),
  });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(Object.keys(r.json).sort(), ['receipt', 'received_at'], 'a receipt, not the record');
  assert.match(r.json.receipt, RECEIPT_RE);
  const items = await queueAs(servers.roomy, 'th-hotline-hotline');
  const mine = items.find((x) => x.what_happened === what);
  assert.ok(mine, 'in the Thai hotline duty queue');
  assert.equal(mine.channel, 'web_form');
  assert.equal(mine.urgency, 'urgent');
  assert.equal(mine.receipt, r.json.receipt, 'staff see the receipt the reporter was given');
  assert.equal(mine.people_count, 3);
  assert.equal(mine.language, 'th');
  assert.equal(mine.location, 'Near the bus station, Mae Sot');
  assert.equal(mine.persons.length, 1);
  assert.equal(mine.persons[0].description, 'Three young women, one looks about 15');
  assert.equal(mine.persons[0].child, true);
  assert.equal(mine.reporter.name, 'Somchai');
  assert.equal(mine.reporter.contact, 'LINE: somchai.k');
  assert.ok(!JSON.stringify(mine).includes('127.0.0.1'), 'no client address stored');
  // The contact is sealed like a reporter's identity: a case worker does not see it.
  const forWorker = (await queueAs(servers.roomy, 'th-hotline-caseworker')).find((x) => x.what_happened === what);
  assert.equal(forWorker.reporter, null);
  // Without contact details the reporter is anonymous.
  const anon = await send(servers.roomy, 'POST', '/api/v1/public/reports', { body: report({ what_happened: `${what} (2)` }) });
  assert.equal(anon.status, 201, anon.text);
  const anonItem = (await queueAs(servers.roomy, 'th-hotline-hotline')).find((x) => x.what_happened === `${what} (2)`);
  assert.equal(anonItem.reporter.anonymous, true);
  assert.notEqual(anon.json.receipt, r.json.receipt);
});

test('bad public input gets a clear 4xx naming the field and stores nothing', async () => {
  const s = servers.roomy;
  const before = (await queueAs(s, 'th-hotline-hotline')).length;
  const cases = [
    [report({ what_happened: 5 }), 'what_happened'],
    [report({ what_happened: '  \n ' }), 'what_happened'],
    [report({ what_happened: 'x'.repeat(10001) }), 'what_happened'],
    [report({ urgency: 'asap' }), 'urgency'],
    [report({ urgency: undefined }), 'urgency'],
    [report({ people_count: '3' }), 'people_count'],
    [report({ people_count: 0 }), 'people_count'],
    [report({ people_count: 10001 }), 'people_count'],
    [report({ children: 'yes' }), 'children'],
    [report({ language: 'thai' }), 'language'],
    [report({ location_country: 'Thailand' }), 'location_country'],
    [report({ location: 'a\u0007b' }), 'location'],
    [report({ location: 'x'.repeat(501) }), 'location'],
    [report({ who_is_at_risk: 'x'.repeat(2001) }), 'who_is_at_risk'],
    [report({ who_is_at_risk: 'a\u0000b' }), 'who_is_at_risk'],
    [report({ contact: 'call me' }), 'contact'],
    [report({ contact: { name: 7 } }), 'contact.name'],
    [report({ contact: { name: 'Somchai\nKhun' } }), 'contact.name'],
    [report({ contact: { details: 'x'.repeat(201) } }), 'contact.details'],
    [report({ contact: { email: 'a@b.c' } }), 'contact.email'],
    // The public cannot choose what staff decide.
    [report({ channel: 'phone_hotline' }), 'channel'],
    [report({ organisation_id: 1 }), 'organisation_id'],
    [report({ persons: [] }), 'persons'],
  ];
  for (const [body, field] of cases) {
    const r = await send(s, 'POST', '/api/v1/public/reports', { body });
    const ctx = `${JSON.stringify(body).slice(0, 120)} → ${r.status} ${r.text.slice(0, 200)}`;
    assert.equal(r.status, 400, ctx);
    assertErrorShape(r, ctx);
    assert.equal(r.json.error.code, 'invalid_argument', ctx);
    assert.equal(r.json.error.field, field, ctx);
  }
  const bodyOnly = [
    [Buffer.concat([Buffer.from('{"what_happened":"'), Buffer.from([0xe0, 0x80]), Buffer.from('","urgency":"urgent"}')]), {}, 400],
    ['{"what_happened": "x", ', {}, 400],
    ['["a list"]', {}, 400],
    [JSON.stringify(report()), { 'Content-Type': 'text/plain' }, 400],
    [JSON.stringify(report({ what_happened: 'x'.repeat(1024 * 1024) })), {}, 413],
  ];
  for (const [body, headers, status] of bodyOnly) {
    const r = await send(s, 'POST', '/api/v1/public/reports', { body, headers });
    assert.equal(r.status, status, `${String(body).slice(0, 60)}: ${r.text.slice(0, 200)}`);
    assertErrorShape(r);
  }
  const get = await send(s, 'GET', '/api/v1/public/reports');
  assert.equal(get.status, 405, 'nobody can read reports back without signing in');
  assert.equal((await queueAs(s, 'th-hotline-hotline')).length, before, 'nothing stored');
});

test('reports are limited per client address and in total, with Retry-After', async () => {
  const s = servers.tight;  // 3 per address, 5 in total, per 10 minutes
  const post = (from, headers = {}) => send(s, 'POST', '/api/v1/public/reports', { body: report(), from, headers });
  for (let i = 0; i < 3; i++) assert.equal((await post('127.0.0.1')).status, 201, `report ${i + 1} from 127.0.0.1`);
  const limited = await post('127.0.0.1');
  assert.equal(limited.status, 429, limited.text);
  assertErrorShape(limited);
  assert.equal(limited.json.error.code, 'resource_exhausted');
  const wait = Number(limited.headers['retry-after']);
  assert.ok(Number.isInteger(wait) && wait > 0 && wait <= 600, `Retry-After ${limited.headers['retry-after']}`);
  // A header the client writes does not make it someone else.
  assert.equal((await post('127.0.0.1', { 'X-Forwarded-For': '203.0.113.9' })).status, 429);
  // Another address has its own allowance, until the total is reached.
  assert.equal((await post('127.0.0.2')).status, 201);
  assert.equal((await post('127.0.0.2')).status, 201);
  const full = await post('127.0.0.3');
  assert.equal(full.status, 429, 'the total cap holds for a fresh address');
  assert.ok(Number(full.headers['retry-after']) > 0);
  const stored = (await queueAs(s, 'th-hotline-hotline')).filter((x) => x.channel === 'web_form');
  assert.equal(stored.length, 5, 'refused reports are not stored');
});

test('without a public intake organisation the form answers 503, saying so', async () => {
  const r = await send(servers.off, 'POST', '/api/v1/public/reports', { body: report() });
  assert.equal(r.status, 503, r.text);
  assertErrorShape(r);
  assert.match(r.json.error.message, /not set up/);
});
