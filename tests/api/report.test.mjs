// The secretariat's referral report through the API: only the secretariat
// reads it; every count is a whole number of at least the threshold, 0, or
// "<threshold"; medians are hidden with their groups; the threshold may be
// raised, never lowered; the CSV carries the same suppressed figures; bad
// dates are a 400 naming the parameter. Other files send referrals on the
// same server, so nothing here asserts a global count: a fresh referral is
// checked by the groups it must appear in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, createCase, assertError, assertStatus } from './helpers.mjs';

const SECRETARIAT = 'net-secretariat';
const SENDER = 'la-shelter-caseworker';
const RECEIVER = 'la-ministry-caseworker';

async function token(user) {
  return (await signIn(user)).token;
}

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const COUNTS = ['sent', 'accepted', 'declined', 'completed', 'overdue'];

// Every published figure obeys the suppression rule for threshold k.
function assertSuppressed(report, k) {
  const rows = [report.total, ...report.by_country_pair, ...report.by_service,
    ...report.by_sending_organisation, ...report.by_receiving_organisation];
  for (const row of rows) {
    for (const c of COUNTS) {
      const v = row[c];
      assert.ok(v === `<${k}` || (Number.isInteger(v) && (v === 0 || v >= k)), `${c} = ${JSON.stringify(v)} in ${JSON.stringify(row)}`);
    }
    if (row.sent === `<${k}`) {
      assert.equal(row.median_hours_to_accept, null, 'a small group hides its medians');
      assert.equal(row.median_hours_to_complete, null);
      for (const c of COUNTS) assert.equal(row[c], `<${k}`, 'a small group hides every count');
    }
    for (const m of ['median_hours_to_accept', 'median_hours_to_complete'])
      assert.ok(row[m] === null || typeof row[m] === 'number', `${m} in ${JSON.stringify(row)}`);
  }
  // Repatriations completed: a count like the others, a median only over enough of them.
  const rp = report.repatriations;
  assert.deepEqual(Object.keys(rp).sort(), ['completed', 'median_days']);
  assert.ok(rp.completed === `<${k}` || (Number.isInteger(rp.completed) && (rp.completed === 0 || rp.completed >= k)),
    `repatriations completed = ${JSON.stringify(rp.completed)}`);
  if (rp.completed === `<${k}` || rp.completed === 0) assert.equal(rp.median_days, null, 'no median over few repatriations');
  else assert.equal(typeof rp.median_days, 'number');
}

function parseCsv(text) {
  assert.ok(text.endsWith('\r\n'), 'CRLF line ends');
  return text.slice(0, -2).split('\r\n').map((line) => {
    const out = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { out.push(cur); cur = ''; }
      else cur += ch;
    }
    out.push(cur);
    return out;
  });
}

test('a referral sent today is counted in its groups, and every figure is suppressed', async () => {
  const sender = await token(SENDER);
  const c = await createCase(sender, { first_name: 'ບຸນມີ', gender: 'Feminine', approximate_age: 30, citizenship: ['LA'], languages: ['lo'] });
  assertStatus(await api('POST', `/api/v1/cases/${c.id}/consents`, { token: sender, body: {
    purpose: 'referral', decision: 'given', scope: { kind: 'anyone' }, explained_in_language: 'lo', interpreter_used: false } }), 201);
  const to = (await signIn(RECEIVER)).user.organisation.id;
  const from = (await signIn(SENDER)).user.organisation.id;
  const d = await api('POST', `/api/v1/cases/${c.id}/referrals`, { token: sender, body: {
    to_organisation_id: to, reason: 'AdditionalServicesRequired', services: ['family_tracing'], summary: 'Family tracing in Savannakhet.', respond_by: day(3) } });
  assertStatus(d, 201, 'draft');
  assertStatus(await api('POST', `/api/v1/referrals/${d.json.id}/transitions`, { token: sender, body: { action: 'send', version: 1 } }), 200, 'send');

  const sec = await token(SECRETARIAT);
  const r = await api('GET', `/api/v1/reports/referrals?from=${day(0)}&to=${day(1)}`, { token: sec });
  assertStatus(r, 200);
  assert.deepEqual(Object.keys(r.json).sort(), ['by_country_pair', 'by_receiving_organisation', 'by_sending_organisation',
    'by_service', 'period', 'repatriations', 'suppressed_as', 'threshold', 'total']);
  assert.deepEqual(r.json.period, { from: day(0), to: day(1) });
  assert.equal(r.json.threshold, 11);
  assert.equal(r.json.suppressed_as, '<11');
  assertSuppressed(r.json, 11);
  const pair = r.json.by_country_pair.find((g) => g.key === 'LA>LA');
  assert.ok(pair, 'the LA → LA pair is listed');
  assert.equal(pair.label, 'LA → LA');
  assert.ok(r.json.by_service.some((g) => g.key === 'family_tracing'));
  const receiving = r.json.by_receiving_organisation.find((g) => g.key === String(to));
  assert.ok(receiving && receiving.country === 'LA' && receiving.label.length > 0);
  assert.ok(r.json.by_sending_organisation.some((g) => g.key === String(from)));
  assert.ok(!JSON.stringify(r.json).includes('ບຸນມີ'), 'no names');
  assert.ok(!JSON.stringify(r.json).includes('Savannakhet'), 'no case text');

  // Raised to 1000, every non-zero figure is hidden.
  const strict = await api('GET', `/api/v1/reports/referrals?from=${day(0)}&to=${day(1)}&threshold=1000`, { token: sec });
  assertStatus(strict, 200);
  assert.equal(strict.json.suppressed_as, '<1000');
  assertSuppressed(strict.json, 1000);
  assert.equal(strict.json.total.sent, '<1000');
});

test('the CSV carries the same suppressed figures as the page', async () => {
  const sec = await token(SECRETARIAT);
  // A closed period (before today): no other test file sends referrals into it.
  const q = `from=2020-01-01&to=${day(0)}`;
  const json = await api('GET', `/api/v1/reports/referrals?${q}`, { token: sec });
  assertStatus(json, 200);
  assertSuppressed(json.json, 11);
  const csv = await api('GET', `/api/v1/reports/referrals.csv?${q}`, { token: sec });
  assertStatus(csv, 200);
  assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(csv.headers.get('content-disposition'), `attachment; filename="referrals-2020-01-01-to-${day(0)}.csv"`);
  const rows = parseCsv(csv.text);
  assert.deepEqual(rows[0], ['section', 'key', 'label', 'country', ...COUNTS, 'median_hours_to_accept', 'median_hours_to_complete', 'median_days']);
  for (const row of rows) assert.equal(row.length, 12, row.join(','));
  const sections = { total: [json.json.total], country_pair: json.json.by_country_pair, service: json.json.by_service,
    sending_organisation: json.json.by_sending_organisation, receiving_organisation: json.json.by_receiving_organisation };
  const expected = [];
  for (const [section, groups] of Object.entries(sections))
    for (const g of groups)
      expected.push([section, g.key ?? '', g.label ?? '', g.country ?? '', ...COUNTS.map((c) => String(g[c])),
        g.median_hours_to_accept === null ? '' : g.median_hours_to_accept.toFixed(1),
        g.median_hours_to_complete === null ? '' : g.median_hours_to_complete.toFixed(1), '']);
  // Repatriations completed in the period: the count under "completed", the median in days.
  const rp = json.json.repatriations;
  const blank = (n) => Array(n).fill('');
  expected.push(['repatriations', ...blank(6), String(rp.completed), ...blank(3),
    rp.median_days === null ? '' : rp.median_days.toFixed(1)]);
  assert.deepEqual(rows.slice(1), expected);
});

test('nobody but the secretariat reads the report', async () => {
  for (const user of ['la-shelter-caseworker', 'la-shelter-supervisor', 'la-shelter-admin', 'la-ministry-repatriation']) {
    const tok = await token(user);
    for (const path of ['/api/v1/reports/referrals', '/api/v1/reports/referrals.csv'])
      assertError(await api('GET', `${path}?from=2026-01-01&to=2026-02-01`, { token: tok }), 403, 'permission_denied', null, `${user} ${path}`);
    assertError(await api('GET', '/api/v1/reports/referrals?from=x', { token: tok }), 403, 'permission_denied', null, 'who asks is checked first');
  }
  assertError(await api('GET', '/api/v1/reports/referrals?from=2026-01-01&to=2026-02-01'), 401, 'unauthenticated');
  assertStatus(await api('GET', '/api/v1/reports/referrals?from=2026-01-01&to=2026-02-01', { token: await token('net-sysadmin') }), 200);
});

test('bad dates and thresholds are a 400 naming the parameter', async () => {
  const sec = await token(SECRETARIAT);
  const bad = [
    ['to=2026-02-01', 'from'],
    ['from=2026-01-01', 'to'],
    ['from=2026-02-30&to=2026-03-01', 'from'],
    ['from=01/02/2026&to=2026-03-01', 'from'],
    ['from=2026-03-01&to=2026-03-01', 'to'],
    ['from=2026-03-01&to=2026-02-01', 'to'],
    ['from=2000-01-01&to=2026-03-01', 'to'],
    ['from=2026-01-01&to=2026-02-01&threshold=10', 'threshold'],
    ['from=2026-01-01&to=2026-02-01&threshold=5', 'threshold'],
    ['from=2026-01-01&to=2026-02-01&threshold=abc', 'threshold'],
    ['from=2026-01-01&to=2026-02-01&threshold=-11', 'threshold'],
    ['from=2026-01-01&to=2026-02-01&threshold=1001', 'threshold'],
    ['from=2026-01-01&to=2026-02-01&org=3', 'org'],
  ];
  for (const [query, field] of bad) {
    assertError(await api('GET', `/api/v1/reports/referrals?${query}`, { token: sec }), 400, 'invalid_argument', field, query);
    assertError(await api('GET', `/api/v1/reports/referrals.csv?${query}`, { token: sec }), 400, 'invalid_argument', field, `csv ${query}`);
  }
});
