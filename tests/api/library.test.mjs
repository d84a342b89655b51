// The document library through the API: the secretariat publishes, members
// list, filter and download (content type decided by the server, a safe
// Content-Disposition, the SHA-256 recorded); versions with stale-version
// conflicts; withdrawal (still listed, marked withdrawn); refusals for
// everyone else; bad input a clear 400 naming the field that changes nothing.
// Every document made here carries a random tag in its title.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { api, signIn, assertError, assertStatus, tag } from './helpers.mjs';

const SECRETARIAT = 'net-secretariat';
const SYSADMIN = 'net-sysadmin';
const MEMBER = 'kh-shelter-caseworker';
const SUPERVISOR = 'kh-shelter-supervisor';
const ADMIN = 'kh-shelter-admin';

async function token(user) {
  return (await signIn(user)).token;
}

const b64 = (s) => Buffer.from(s).toString('base64');
const PDF = Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

function sop(title, extra = {}) {
  return {
    kind: 'sop', title, filename: 'referral-sop.txt', content_base64: b64('ជំហានទី ១៖ កំណត់អត្តសញ្ញាណ\n'),
    language: 'km', countries: ['KH', 'TH'], organisations: [], effective_date: '2026-01-01',
    summary: 'Steps from identification to handover.', ...extra,
  };
}

async function publish(tok, body) {
  const r = await api('POST', '/api/v1/library', { token: tok, body });
  assertStatus(r, 201, 'publish');
  return r.json;
}

async function listed(tok, query) {
  const r = await api('GET', `/api/v1/library?${query}`, { token: tok });
  assertStatus(r, 200, `list ${query}`);
  return r.json.items;
}

test('the secretariat publishes an SOP and a member finds and downloads it', async () => {
  const sec = await token(SECRETARIAT);
  const member = await token(MEMBER);
  const t = tag();
  const doc = await publish(sec, sop(`Referral SOP ${t}`));
  assert.equal(doc.kind, 'sop');
  assert.equal(doc.status, 'published');
  assert.equal(doc.version, 1);
  assert.equal(doc.withdrawn, null);
  assert.equal(doc.versions.length, 1);
  const v = doc.versions[0];
  const bytes = Buffer.from('ជំហានទី ១៖ កំណត់អត្តសញ្ញាណ\n');
  assert.equal(v.number, 1);
  assert.equal(v.content_type, 'text/plain; charset=utf-8');
  assert.equal(v.size, bytes.length);
  assert.equal(v.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(v.published_by.display_name.length > 0, true);
  const items = await listed(member, `q=${t}`);
  assert.deepEqual(items.map((d) => d.id), [doc.id]);
  const page = await api('GET', '/api/v1/library', { token: member });
  assert.equal(page.json.can_publish, false);
  assert.equal((await api('GET', '/api/v1/library', { token: sec })).json.can_publish, true);

  const file = await api('GET', v.download_url, { token: member });
  assertStatus(file, 200, 'download');
  assert.equal(file.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(file.headers.get('content-disposition'),
    `attachment; filename="referral-sop.txt"; filename*=UTF-8''referral-sop.txt`);
  assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(file.text, bytes.toString());
  assertStatus(await api('GET', `/api/v1/library/${doc.id}`, { token: member }), 200);
  assertError(await api('GET', `/api/v1/library/${doc.id}/versions/${v.id + 100000}/file`, { token: member }), 404, 'not_found');
  assertError(await api('GET', '/api/v1/library/999999999', { token: member }), 404, 'not_found');
  assertError(await api('GET', '/api/v1/library/abc', { token: member }), 404, 'not_found');
  assertError(await api('GET', '/api/v1/library'), 401, 'unauthenticated');
});

test('versions are numbered newest first; a stale version is a conflict; filters find any version', async () => {
  const sec = await token(SECRETARIAT);
  const member = await token(MEMBER);
  const t = tag();
  const doc = await publish(sec, sop(`Handbook ${t}`, { kind: 'handbook' }));
  const next = {
    version: 1, filename: `คู่มือ "ฉบับไทย".pdf`, content_base64: PDF.toString('base64'), language: 'th',
    countries: ['TH'], effective_date: '2026-06-01', summary: 'Thai edition',
  };
  const v2 = await api('POST', `/api/v1/library/${doc.id}/versions`, { token: sec, body: next });
  assertStatus(v2, 201, 'second version');
  assert.equal(v2.json.version, 2);
  assert.deepEqual(v2.json.versions.map((v) => [v.number, v.language, v.content_type]),
    [[2, 'th', 'application/pdf'], [1, 'km', 'text/plain; charset=utf-8']]);
  assertError(await api('POST', `/api/v1/library/${doc.id}/versions`, { token: sec, body: next }), 409, 'conflict', null, 'stale');
  assert.equal((await api('GET', `/api/v1/library/${doc.id}`, { token: member })).json.versions.length, 2, 'nothing added');
  // A name in Thai script downloads as document.pdf, with the real name in filename*.
  const file = await api('GET', v2.json.versions[0].download_url, { token: member });
  assertStatus(file, 200);
  const cd = file.headers.get('content-disposition');
  assert.ok(cd.startsWith('attachment; filename="document.pdf"; filename*=UTF-8\'\'%E0%B8%84'), cd);
  assert.ok(!cd.slice(cd.indexOf('filename*')).includes('"'), 'the quotes in the name are encoded');
  // Filters: kind, country, language (any version), text; withdrawn=exclude.
  assert.equal((await listed(member, `q=${t}&kind=handbook&language=th&country=TH`)).length, 1);
  assert.equal((await listed(member, `q=${t}&language=km`)).length, 1);
  assert.equal((await listed(member, `q=${t}&kind=mou`)).length, 0);
  assert.equal((await listed(member, `q=${t}&country=LA`)).length, 0);
  assert.equal((await listed(member, `q=${t}+edition`)).length, 1);
  for (const [query, field] of [['kind=memo', 'kind'], ['country=Cambodia', 'country'], ['language=khm', 'language'],
    ['withdrawn=maybe', 'withdrawn'], ['sort=title', 'sort'], ['q=a+b+c+d+e+f+g+h+i+j+k', 'q']]) {
    assertError(await api('GET', `/api/v1/library?${query}`, { token: member }), 400, 'invalid_argument', field, query);
  }
});

test('only the secretariat (and the system admin) publishes, adds versions and withdraws', async () => {
  const t = tag();
  for (const user of [MEMBER, SUPERVISOR, ADMIN]) {
    assertError(await api('POST', '/api/v1/library', { token: await token(user), body: sop(`Refused ${t}`) }), 403, 'permission_denied', null, user);
  }
  assert.equal((await listed(await token(MEMBER), `q=${t}`)).length, 0, 'nothing was published');
  const doc = await publish(await token(SYSADMIN), sop(`By the system admin ${t}`));
  const sup = await token(SUPERVISOR);
  assertError(await api('POST', `/api/v1/library/${doc.id}/versions`, { token: sup, body: { version: 1, filename: 'a.txt', content_base64: b64('a'), language: 'en', countries: ['KH'], effective_date: '2026-01-01' } }), 403, 'permission_denied');
  assertError(await api('POST', `/api/v1/library/${doc.id}/withdraw`, { token: sup, body: { version: 1, reason: 'no' } }), 403, 'permission_denied');
});

test('a withdrawn document stays listed, marked withdrawn, and takes no more versions', async () => {
  const sec = await token(SECRETARIAT);
  const member = await token(MEMBER);
  const t = tag();
  const doc = await publish(sec, sop(`Old SOP ${t}`));
  assertError(await api('POST', `/api/v1/library/${doc.id}/withdraw`, { token: sec, body: { version: 1, reason: ' ' } }), 400, 'invalid_argument', 'reason');
  assertError(await api('POST', `/api/v1/library/${doc.id}/withdraw`, { token: sec, body: { version: 1 } }), 400, 'invalid_argument', 'reason');
  const gone = await api('POST', `/api/v1/library/${doc.id}/withdraw`, { token: sec, body: { version: 1, reason: 'Replaced by the 2026 regional SOP.' } });
  assertStatus(gone, 200);
  assert.equal(gone.json.status, 'withdrawn');
  assert.equal(gone.json.withdrawn.reason, 'Replaced by the 2026 regional SOP.');
  assert.ok(gone.json.withdrawn.by.display_name);
  const items = await listed(member, `q=${t}`);
  assert.equal(items.length, 1);
  assert.equal(items[0].status, 'withdrawn');
  assert.equal((await listed(member, `q=${t}&withdrawn=exclude`)).length, 0);
  assertStatus(await api('GET', items[0].versions[0].download_url, { token: member }), 200, 'still downloadable');
  assertError(await api('POST', `/api/v1/library/${doc.id}/versions`, { token: sec, body: { version: 2, filename: 'a.txt', content_base64: b64('a'), language: 'en', countries: ['KH'], effective_date: '2026-01-01' } }), 422, 'failed_precondition');
  assertError(await api('POST', `/api/v1/library/${doc.id}/withdraw`, { token: sec, body: { version: 2, reason: 'again' } }), 422, 'failed_precondition');
});

test('bad input is a 400 naming the field, and nothing is published', async () => {
  const sec = await token(SECRETARIAT);
  const t = tag();
  const title = `Bad ${t}`;
  const cases = [
    [{ title: 42 }, 'title'],
    [{ title: '' }, 'title'],
    [{ title: 'x'.repeat(301) }, 'title'],
    [{ kind: 'memo' }, 'kind'],
    [{ kind: null }, 'kind'],
    [{ colour: 'red' }, 'colour'],
    [{ content_base64: 'not base64!' }, 'content_base64'],
    [{ content_base64: 'Zg' }, 'content_base64'],
    [{ content_base64: '' }, 'content'],
    [{ filename: 'sop.pdf' }, 'content'],
    [{ filename: 'page.html', content_base64: b64('<html>') }, 'filename'],
    [{ filename: '../sop.txt' }, 'filename'],
    [{ content_base64: Buffer.from([0x61, 0xc3, 0x28]).toString('base64') }, 'content'],
    [{ content_base64: Buffer.alloc(750 * 1024 + 1, 0x61).toString('base64') }, 'content'],
    [{ language: 'khmer' }, 'language'],
    [{ countries: [] }, 'countries'],
    [{ countries: ['KH', 'XX'] }, 'countries[1]'],
    [{ countries: 'KH' }, 'countries'],
    [{ effective_date: '2026-02-30' }, 'effective_date'],
    [{ summary: 'x'.repeat(4001) }, 'summary'],
    [{ kind: 'mou' }, 'organisations'],
    [{ organisations: ['1'] }, 'organisations[0]'],
    [{ organisations: [999999999] }, 'organisations[0]'],
  ];
  for (const [change, field] of cases) {
    const r = await api('POST', '/api/v1/library', { token: sec, body: { ...sop(title), ...change } });
    assertError(r, 400, 'invalid_argument', field, JSON.stringify(change).slice(0, 80));
  }
  // Broken UTF-8 in the body, not JSON, the wrong content type, an oversized body.
  const raw = Buffer.concat([Buffer.from(`{"kind":"sop","title":"${title} `), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
  assertError(await api('POST', '/api/v1/library', { token: sec, body: raw }), 400, 'invalid_argument');
  assertError(await api('POST', '/api/v1/library', { token: sec, body: '{"kind":' }), 400, 'invalid_argument');
  assertError(await api('POST', '/api/v1/library', { token: sec, body: 'kind=sop', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 400, 'invalid_argument');
  const huge = await api('POST', '/api/v1/library', { token: sec, body: sop(title, { content_base64: Buffer.alloc(800 * 1024, 0x61).toString('base64') }) });
  assert.equal(huge.status, 413, huge.text.slice(0, 200));
  assert.equal((await listed(sec, `q=${t}`)).length, 0, 'nothing was published');
});
