// Sign-in, sessions, sign-out, lockout, and no user enumeration.
//
// Users: sg-shelter-caseworker (sessions), sg-police-caseworker (one wrong
// password, then a good sign-in that clears the count), th-police-caseworker
// (the lockout test; it stays locked for 15 minutes afterwards).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, PASSWORD, assertError, assertStatus } from './helpers.mjs';

const SIGN_IN = '/api/v1/auth/sign-in';

function signInRaw(username, password) {
  return api('POST', SIGN_IN, { body: { username, password } });
}

// Parses one Set-Cookie header into {name, value, attrs (lower-cased keys)}.
function parseSetCookie(header) {
  const [pair, ...rest] = header.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  const attrs = {};
  for (const a of rest) {
    const i = a.indexOf('=');
    if (i < 0) attrs[a.toLowerCase()] = true;
    else attrs[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attrs };
}

function sessionCookie(res) {
  const all = res.headers.getSetCookie();
  const mine = all.map(parseSetCookie).filter((c) => c.name === 'trm_session');
  assert.equal(mine.length, 1, `exactly one trm_session cookie in ${JSON.stringify(all)}`);
  return mine[0];
}

test('sign-in returns a token and the user, and sets an HttpOnly SameSite=Strict session cookie', async () => {
  const r = await signInRaw('sg-shelter-caseworker', PASSWORD);
  assertStatus(r, 200, 'sign-in');
  assert.equal(typeof r.json.token, 'string');
  assert.ok(r.json.token.length >= 20, 'token is long enough to be unguessable');
  assert.equal(r.json.user.username, 'sg-shelter-caseworker');
  assert.equal(r.json.user.role, 'case_worker');
  assert.equal(typeof r.json.user.id, 'number');
  assert.equal(r.json.user.organisation.country, 'SG');
  assert.ok(!Number.isNaN(Date.parse(r.json.expires_at)), 'expires_at is a timestamp');
  assert.ok(Date.parse(r.json.expires_at) > Date.now(), 'expires_at is in the future');
  assert.ok(!/password|hash/i.test(JSON.stringify(r.json.user)), 'no password material in the user');

  const c = sessionCookie(r);
  assert.equal(c.value, r.json.token, 'cookie carries the session token');
  assert.equal(c.attrs.httponly, true, 'HttpOnly');
  assert.equal(String(c.attrs.samesite).toLowerCase(), 'strict', 'SameSite=Strict');
  assert.equal(c.attrs.path, '/', 'Path=/');
  assert.ok(Number(c.attrs['max-age']) > 0, 'Max-Age is positive');
});

test('the session cookie alone authenticates GET /api/v1/me', async () => {
  const r = await signInRaw('sg-shelter-caseworker', PASSWORD);
  assertStatus(r, 200, 'sign-in');
  const c = sessionCookie(r);
  const me = await api('GET', '/api/v1/me', { cookie: `trm_session=${c.value}` });
  assertStatus(me, 200, 'me with cookie');
  assert.equal(me.json.username, 'sg-shelter-caseworker');
  assert.equal(me.json.id, r.json.user.id);
  assert.deepEqual(me.json, r.json.user, '/me describes the signed-in user');

  // Among other cookies, too.
  const me2 = await api('GET', '/api/v1/me', { cookie: `theme=dark; trm_session=${c.value}; lang=th` });
  assertStatus(me2, 200, 'me with several cookies');
  assert.equal(me2.json.username, 'sg-shelter-caseworker');
});

test('the bearer token authenticates GET /api/v1/me', async () => {
  const r = await signInRaw('sg-shelter-caseworker', PASSWORD);
  assertStatus(r, 200, 'sign-in');
  const me = await api('GET', '/api/v1/me', { token: r.json.token });
  assertStatus(me, 200, 'me with bearer');
  assert.equal(me.json.username, 'sg-shelter-caseworker');
  assert.equal(me.json.role, 'case_worker');
  assert.equal(me.json.organisation.id, r.json.user.organisation.id);
});

test('wrong password and unknown username fail alike (no user enumeration)', async () => {
  const wrong = await signInRaw('sg-police-caseworker', 'not-the-password-2026');
  const unknown = await signInRaw('nobody-at-all-' + Date.now(), 'not-the-password-2026');
  assertError(wrong, 401, 'unauthenticated', null, 'wrong password');
  assertError(unknown, 401, 'unauthenticated', null, 'unknown username');
  assert.equal(wrong.json.error.message, unknown.json.error.message, 'same message');
  assert.equal(wrong.text, unknown.text, 'byte-identical answers');
  assert.equal(wrong.headers.getSetCookie().length, 0, 'no cookie on failure');

  // The account does exist, and the right password still works (and clears
  // the failure count).
  const ok = await signInRaw('sg-police-caseworker', PASSWORD);
  assertStatus(ok, 200, 'right password');
});

test('five wrong passwords lock the account: then even the right password fails the same way', async () => {
  const user = 'th-police-caseworker';
  // Clears any earlier failures, and shows the password is right.
  const first = await signInRaw(user, PASSWORD);
  assertStatus(first, 200, 'sign-in before the lockout');

  let wrongAnswer = null;
  for (let i = 0; i < 5; i++) {
    const r = await signInRaw(user, `wrong-password-${i}`);
    assertError(r, 401, 'unauthenticated', null, `wrong password #${i + 1}`);
    wrongAnswer = r;
  }
  const locked = await signInRaw(user, PASSWORD);
  assertError(locked, 401, 'unauthenticated', null, 'right password while locked');
  assert.equal(locked.json.error.message, wrongAnswer.json.error.message, 'locked looks like a wrong password');
  assert.equal(locked.headers.getSetCookie().length, 0, 'no cookie while locked');
  assert.ok(!('token' in locked.json), 'no token while locked');

  // Still locked on the next try.
  const again = await signInRaw(user, PASSWORD);
  assertError(again, 401, 'unauthenticated', null, 'right password, second try while locked');

  // The lockout is per account: another account signs in fine.
  const other = await signInRaw('th-police-supervisor', PASSWORD);
  assertStatus(other, 200, 'another account of the same organisation');
});

test('sign-out ends the session: the token and the cookie then get 401', async () => {
  const r = await signInRaw('sg-shelter-caseworker', PASSWORD);
  assertStatus(r, 200, 'sign-in');
  const token = r.json.token;
  // A second, independent session of the same user.
  const r2 = await signInRaw('sg-shelter-caseworker', PASSWORD);
  assertStatus(r2, 200, 'second sign-in');
  assert.notEqual(r2.json.token, token, 'each sign-in gets its own token');

  const out = await api('POST', '/api/v1/auth/sign-out', { token });
  assertStatus(out, 204, 'sign-out');
  assert.equal(out.text, '', 'no body');
  const cleared = sessionCookie(out);
  assert.equal(cleared.value, '', 'cookie cleared');
  assert.equal(cleared.attrs['max-age'], '0', 'cookie expires now');

  assertError(await api('GET', '/api/v1/me', { token }), 401, 'unauthenticated', null, 'token after sign-out');
  assertError(await api('GET', '/api/v1/me', { cookie: `trm_session=${token}` }), 401, 'unauthenticated', null,
    'cookie after sign-out');
  assertError(await api('GET', '/api/v1/cases', { token }), 401, 'unauthenticated', null, 'cases after sign-out');
  assertError(await api('POST', '/api/v1/auth/sign-out', { token }), 401, 'unauthenticated', null,
    'second sign-out');

  // The other session is untouched.
  const me = await api('GET', '/api/v1/me', { token: r2.json.token });
  assertStatus(me, 200, 'the other session still works');
});

test('sign-out with the cookie ends the cookie session', async () => {
  const r = await signInRaw('sg-shelter-caseworker', PASSWORD);
  assertStatus(r, 200, 'sign-in');
  const cookie = `trm_session=${r.json.token}`;
  assertStatus(await api('POST', '/api/v1/auth/sign-out', { cookie }), 204, 'sign-out with cookie');
  assertError(await api('GET', '/api/v1/me', { cookie }), 401, 'unauthenticated', null, 'cookie after sign-out');
});

test('missing, garbage, tampered and oversized tokens get 401', async () => {
  const good = await signInRaw('sg-shelter-caseworker', PASSWORD);
  assertStatus(good, 200, 'sign-in');
  const t = good.json.token;
  const tampered = t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A');
  const cases = [
    ['no credentials', {}],
    ['garbage bearer', { headers: { Authorization: 'Bearer garbage' } }],
    ['empty bearer', { headers: { Authorization: 'Bearer ' } }],
    ['tampered bearer', { headers: { Authorization: `Bearer ${tampered}` } }],
    ['oversized bearer', { headers: { Authorization: `Bearer ${'x'.repeat(4000)}` } }],
    ['wrong scheme', { headers: { Authorization: `Basic ${Buffer.from('sg-shelter-caseworker:' + PASSWORD).toString('base64')}` } }],
    ['garbage cookie', { cookie: 'trm_session=garbage' }],
    ['empty cookie', { cookie: 'trm_session=' }],
    ['token in another cookie', { cookie: `session=${t}` }],
  ];
  for (const [what, opts] of cases) {
    for (const path of ['/api/v1/me', '/api/v1/cases', '/api/v1/users?organisation=mine']) {
      const r = await api('GET', path, opts);
      assertError(r, 401, 'unauthenticated', null, `${what} on ${path}`);
    }
  }
});

test('sign-in with a body that is not a username and password is a 400, not a 401', async () => {
  assertError(await api('POST', SIGN_IN, { body: { username: 'sg-shelter-caseworker' } }), 400,
    'invalid_argument', 'password', 'no password');
  assertError(await api('POST', SIGN_IN, { body: { password: PASSWORD } }), 400,
    'invalid_argument', 'username', 'no username');
  assertError(await api('POST', SIGN_IN, { body: { username: 'sg-shelter-caseworker', password: PASSWORD, remember: true } }),
    400, 'invalid_argument', 'remember', 'unknown field');
  assertError(await api('POST', SIGN_IN, { body: { username: 12, password: PASSWORD } }), 400,
    'invalid_argument', 'username', 'username not a string');
  assertError(await api('POST', SIGN_IN, {
    body: `{"username":"sg-shelter-caseworker","password":"${PASSWORD}"}`,
    headers: { 'Content-Type': 'text/plain' },
  }), 400, 'invalid_argument', null, 'text/plain');
});
