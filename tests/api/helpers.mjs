// Shared helpers for the black-box API tests. Not a test file itself (node's
// runner only picks up *.test.mjs here).
//
// Every test file signs in as its own demo users, so files may run in any
// order or at the same time without disturbing each other's counts.

import assert from 'node:assert/strict';
import http from 'node:http';
import { randomBytes } from 'node:crypto';

if (!process.env.TRM_URL) {
  throw new Error('set TRM_URL to the base URL of a running `trm serve`, e.g. http://127.0.0.1:18111');
}

export const BASE = process.env.TRM_URL.replace(/\/+$/, '');
export const PASSWORD = 'demo-pass-2026';
export const REFERENCE_RE = /^C-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

// A short random tag, so each test can recognise the records it made.
export function tag() {
  return randomBytes(4).toString('hex');
}

function parseJson(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;  // not JSON
  }
}

// One request through fetch. `body`: an object (sent as JSON with
// Content-Type: application/json unless headers say otherwise), a string or a
// Buffer (sent as is). Returns {status, headers (a Headers), text, json}.
export async function api(method, path, { token, body, headers = {}, cookie } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (cookie) h.Cookie = cookie;
  let payload;
  if (body !== undefined) {
    payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) {
      h['Content-Type'] = 'application/json';
    }
  }
  const res = await fetch(BASE + path, { method, headers: h, body: payload, redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: parseJson(text) };
}

// One request through node:http, sending exactly the headers given (fetch
// would add a Content-Type of its own to string bodies) and the body as raw
// bytes. Large bodies are offered with "Expect: 100-continue" and sent only if
// the server does not answer first: a server that refuses a body by its
// Content-Length answers at once and closes, and writing the body after that
// would only race the connection reset.
export function rawRequest({ method, path, headers = {}, body }) {
  const url = new URL(BASE);
  return new Promise((resolve, reject) => {
    const h = { ...headers };
    if (body !== undefined) h['Content-Length'] = String(body.length);
    const big = body !== undefined && body.length > 64 * 1024;
    if (big) h.Expect = '100-continue';
    let answered = false;
    const req = http.request({
      host: url.hostname,
      port: url.port || 80,
      method,
      path,
      headers: h,
      agent: false,
    });
    req.setTimeout(30000, () => req.destroy(new Error(`no answer to ${method} ${path}`)));
    req.on('response', (res) => {
      answered = true;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode, headers: new Headers(res.headers), text, json: parseJson(text) });
        req.destroy();
      });
      res.on('error', (e) => reject(e));
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    if (!big) {
      req.end(body);
    } else {
      let sent = false;
      const send = () => {
        if (sent || answered) return;
        sent = true;
        req.end(body);
      };
      req.on('continue', send);
      setTimeout(send, 1500).unref();
    }
  });
}

const sessions = new Map();

// Signs in (once per process and user) and returns {token, user}.
export function signIn(username) {
  if (!sessions.has(username)) {
    const p = (async () => {
      const r = await api('POST', '/api/v1/auth/sign-in', { body: { username, password: PASSWORD } });
      assert.equal(r.status, 200, `sign-in as ${username}: ${r.text}`);
      return { token: r.json.token, user: r.json.user };
    })();
    p.catch(() => sessions.delete(username));
    sessions.set(username, p);
  }
  return sessions.get(username);
}

// Asserts the error answer: exact status, the shape
// {"error":{"code","message"[,"field"]}}, the code, and the field (null: no
// field at all).
export function assertError(res, status, code, field = null, what = '') {
  const ctx = `${what ? what + ': ' : ''}HTTP ${res.status} ${res.text.slice(0, 400)}`;
  assert.ok(res.status < 500, `server error (5xx) — ${ctx}`);
  assert.equal(res.status, status, `status — ${ctx}`);
  assertErrorShape(res, ctx);
  assert.equal(res.json.error.code, code, `error code — ${ctx}`);
  if (field === null) {
    assert.ok(!('field' in res.json.error), `no field expected — ${ctx}`);
  } else {
    assert.equal(res.json.error.field, field, `error field — ${ctx}`);
  }
}

export function assertErrorShape(res, ctx = res.text) {
  assert.ok(res.json && typeof res.json === 'object' && !Array.isArray(res.json), `JSON object body — ${ctx}`);
  assert.deepEqual(Object.keys(res.json), ['error'], `only "error" at the top — ${ctx}`);
  const e = res.json.error;
  assert.ok(e && typeof e === 'object', `error object — ${ctx}`);
  for (const k of Object.keys(e)) assert.ok(['code', 'message', 'field'].includes(k), `unexpected key ${k} — ${ctx}`);
  assert.equal(typeof e.code, 'string', `code is a string — ${ctx}`);
  assert.match(e.code, /^[a-z_]+$/, `code — ${ctx}`);
  assert.equal(typeof e.message, 'string', `message is a string — ${ctx}`);
  assert.ok(e.message.length > 0, `message not empty — ${ctx}`);
  if ('field' in e) {
    assert.equal(typeof e.field, 'string', `field is a string — ${ctx}`);
    assert.ok(e.field.length > 0, `field not empty — ${ctx}`);
  }
}

export function assertStatus(res, status, what = '') {
  assert.equal(res.status, status, `${what ? what + ': ' : ''}HTTP ${res.status} ${res.text.slice(0, 400)}`);
}

// Creates a case and returns its JSON (asserting 201).
export async function createCase(token, person, extra = {}) {
  const r = await api('POST', '/api/v1/cases', { token, body: { person, ...extra } });
  assertStatus(r, 201, 'create case');
  return r.json;
}

export async function getCase(token, id) {
  const r = await api('GET', `/api/v1/cases/${id}`, { token });
  assertStatus(r, 200, `get case ${id}`);
  return r.json;
}

// Every item of the actor's case list for a query (without page/page_size).
export async function listAll(token, query = '') {
  const items = [];
  let total = null;
  for (let page = 1; page <= 1000; page++) {
    const sep = query ? `${query}&` : '';
    const r = await api('GET', `/api/v1/cases?${sep}page=${page}&page_size=100`, { token });
    assertStatus(r, 200, 'list cases');
    total = r.json.total;
    items.push(...r.json.items);
    if (r.json.items.length < 100 || items.length >= total) break;
  }
  return { items, total };
}

export async function listTotal(token, query = '') {
  const sep = query ? `${query}&` : '';
  const r = await api('GET', `/api/v1/cases?${sep}page_size=1`, { token });
  assertStatus(r, 200, 'list cases');
  return r.json.total;
}

// The id of a user of the actor's own organisation with the given role.
export async function userIdByRole(token, role) {
  const r = await api('GET', '/api/v1/users?organisation=mine', { token });
  assertStatus(r, 200, 'list users');
  const u = r.json.items.find((x) => x.role === role);
  assert.ok(u, `a ${role} in ${r.text}`);
  return u.id;
}

// A case with its team in id order: the team is a set, and its order in an
// answer carries no meaning.
export function normCase(c) {
  return c && Array.isArray(c.team) ? { ...c, team: [...c.team].sort((a, b) => a.id - b.id) } : c;
}

export function assertSameCase(actual, expected, message) {
  assert.deepEqual(normCase(actual), normCase(expected), message);
}
