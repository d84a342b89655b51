// Health, and the security headers on every kind of answer. Runs as
// kh-shelter-caseworker, whom no other file uses.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { api, rawRequest, signIn, PASSWORD, createCase, assertError, assertStatus } from './helpers.mjs';

let token;
let caseId;

before(async () => {
  ({ token } = await signIn('kh-shelter-caseworker'));
  caseId = (await createCase(token, { first_name: 'ដារ៉ា', second_name: 'ហេង', citizenship: ['KH'], languages: ['km'] })).id;
});

function assertSecurityHeaders(res, what) {
  const ctx = `${what} (HTTP ${res.status})`;
  const csp = res.headers.get('content-security-policy');
  assert.ok(csp, `Content-Security-Policy on ${ctx}`);
  assert.match(csp, /default-src 'self'/, `CSP default-src on ${ctx}`);
  assert.match(csp, /frame-ancestors 'none'/, `CSP frame-ancestors on ${ctx}`);
  const scriptSrc = (csp.split(';').find((d) => d.trim().startsWith('script-src')) || '');
  assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(scriptSrc), `no unsafe script-src on ${ctx}: ${scriptSrc}`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `X-Content-Type-Options on ${ctx}`);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', `X-Frame-Options on ${ctx}`);
}

function assertNoStore(res, what) {
  const cc = res.headers.get('cache-control') || '';
  assert.ok(/(^|,)\s*no-store\s*(,|$)/.test(cc), `Cache-Control: no-store on ${what} (HTTP ${res.status}); got ${JSON.stringify(cc)}`);
}

async function apiAnswers() {
  return [
    ['health', await api('GET', '/api/v1/health'), 200],
    ['sign-in', await api('POST', '/api/v1/auth/sign-in', { body: { username: 'kh-shelter-caseworker', password: PASSWORD } }), 200],
    ['failed sign-in', await api('POST', '/api/v1/auth/sign-in', { body: { username: 'no-such-user-x', password: 'wrong-password' } }), 401],
    ['me', await api('GET', '/api/v1/me', { token }), 200],
    ['me without a session', await api('GET', '/api/v1/me'), 401],
    ['users', await api('GET', '/api/v1/users?organisation=mine', { token }), 200],
    ['case list', await api('GET', '/api/v1/cases', { token }), 200],
    ['case', await api('GET', `/api/v1/cases/${caseId}`, { token }), 200],
    ['missing case', await api('GET', '/api/v1/cases/999999999', { token }), 404],
    ['bad input', await api('POST', '/api/v1/cases', { token, body: { person: { first_name: 42 } } }), 400],
    ['conflict', await api('PATCH', `/api/v1/cases/${caseId}`, { token, body: { version: 999 } }), 409],
  ];
}

test('GET /api/v1/health answers 200 without auth', async () => {
  const r = await api('GET', '/api/v1/health');
  assertStatus(r, 200, 'health');
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.deepEqual(r.json, { status: 'ok' });
  // A stale or garbage credential does not turn it into a 401.
  assertStatus(await api('GET', '/api/v1/health', { token: 'garbage' }), 200, 'health with a garbage token');
});

test('API answers carry CSP, nosniff, X-Frame-Options DENY and Cache-Control: no-store', async () => {
  for (const [what, res, status] of await apiAnswers()) {
    assertStatus(res, status, what);
    assertSecurityHeaders(res, what);
    assertNoStore(res, what);
    assert.match(res.headers.get('content-type') || '', /^application\/json/, `JSON on ${what}`);
  }
  const out = await api('POST', '/api/v1/auth/sign-out', {
    token: (await api('POST', '/api/v1/auth/sign-in', { body: { username: 'kh-shelter-caseworker', password: PASSWORD } })).json.token,
  });
  assertStatus(out, 204, 'sign-out');
  assertSecurityHeaders(out, 'sign-out');
  assertNoStore(out, 'sign-out');
});

test('404s (unknown API endpoint, unknown file) and 405s carry the security headers', async () => {
  const answers = [
    ['unknown API endpoint', await api('GET', '/api/v1/nothing-here', { token }), 404],
    ['unknown API endpoint without auth', await api('GET', '/api/v1/nothing-here'), 404],
    ['unknown file outside the API', await api('GET', '/no-such-file-here.js'), 404],
    ['wrong method', await api('DELETE', `/api/v1/cases/${caseId}`, { token }), 405],
  ];
  for (const [what, res, status] of answers) {
    assertStatus(res, status, what);
    assertSecurityHeaders(res, what);
    assertError(res, status, status === 404 ? 'not_found' : 'invalid_argument', null, what);
  }
});

test('unknown API endpoints and wrong methods are not cacheable either (Cache-Control: no-store)', async () => {
  assertNoStore(await api('GET', '/api/v1/nothing-here', { token }), 'unknown API endpoint');
  assertNoStore(await api('DELETE', `/api/v1/cases/${caseId}`, { token }), 'wrong method');
});

test('405 names the allowed methods in an Allow header (RFC 9110 §15.5.6)', async () => {
  const r = await api('DELETE', `/api/v1/cases/${caseId}`, { token });
  assertStatus(r, 405, 'DELETE a case');
  const allow = (r.headers.get('allow') || '').split(',').map((s) => s.trim()).filter(Boolean).sort();
  assert.deepEqual(allow, ['GET', 'PATCH'], `Allow header: ${JSON.stringify(r.headers.get('allow'))}`);
});

test('answers given before routing (413 oversized body, 400 oversized headers) carry the security headers too', async () => {
  const body = Buffer.from(JSON.stringify({ person: { first_name: 'x'.repeat(1100000) } }));
  const big = await rawRequest({
    method: 'POST',
    path: '/api/v1/cases',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body,
  });
  assertError(big, 413, 'payload_too_large', null, 'oversized body');
  const hdr = await rawRequest({ method: 'GET', path: '/api/v1/health', headers: { 'X-Padding': 'a'.repeat(20000) } });
  assertError(hdr, 400, 'invalid_argument', null, 'oversized request headers');
  for (const [what, res] of [['oversized body', big], ['oversized request headers', hdr]]) {
    assertSecurityHeaders(res, what);
    assertNoStore(res, what);
  }
});
