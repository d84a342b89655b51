// Runs every entry of bad_input.cases.json: sends it exactly, checks the
// status, the error shape, code and field, that it is never a 5xx, and that
// nothing changed (the number of cases in the list and the target case,
// version included, are the same before and after).
//
// Runs as vn-shelter-caseworker, whom no other file uses, so the case count
// moves only if one of these requests wrongly creates a case.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { signIn, rawRequest, createCase, getCase, listTotal, assertErrorShape } from './helpers.mjs';

const table = JSON.parse(readFileSync(new URL('./bad_input.cases.json', import.meta.url), 'utf8'));

let token;
let target;

before(async () => {
  ({ token } = await signIn('vn-shelter-caseworker'));
  target = await createCase(token, {
    first_name: 'Lan',
    middle_name: 'Thị',
    second_name: 'Nguyễn',
    birth_date: '1998-03-14',
    gender: 'Feminine',
    citizenship: ['VN'],
    languages: ['vi'],
  });
});

function fill(s, vars) {
  return s
    .replace(/\{\{repeat:(\d+):([^}]*)\}\}/g, (_, n, text) => text.repeat(Number(n)))
    .replace(/\{\{(token|case_id|version)\}\}/g, (_, k) => String(vars[k]));
}

test('the table is well-formed', () => {
  assert.ok(Array.isArray(table.cases) && table.cases.length > 0);
  const names = new Set();
  for (const c of table.cases) {
    assert.equal(typeof c.name, 'string');
    assert.ok(!names.has(c.name), `duplicate name ${c.name}`);
    names.add(c.name);
    assert.match(c.method, /^[A-Z]+$/, c.name);
    assert.match(c.path, /^\//, c.name);
    assert.equal(typeof c.headers, 'object', c.name);
    assert.ok(!('body' in c && 'body_hex' in c), `${c.name}: body or body_hex, not both`);
    assert.equal(typeof c.expect_status, 'number', c.name);
    assert.equal(typeof c.expect_code, 'string', c.name);
    assert.ok(c.expect_field === null || typeof c.expect_field === 'string', c.name);
  }
});

for (const entry of table.cases) {
  test(`bad input: ${entry.name}`, { timeout: 60000 }, async () => {
    const totalBefore = await listTotal(token);
    const caseBefore = await getCase(token, target.id);
    const vars = { token, case_id: target.id, version: caseBefore.version };

    const headers = {};
    for (const [k, v] of Object.entries(entry.headers)) headers[k] = fill(v, vars);
    let body;
    if ('body_hex' in entry) body = Buffer.from(entry.body_hex, 'hex');
    else if ('body' in entry) body = Buffer.from(fill(entry.body, vars), 'utf8');

    const res = await rawRequest({ method: entry.method, path: fill(entry.path, vars), headers, body });
    const ctx = `${entry.method} ${entry.path} → HTTP ${res.status} ${res.text.slice(0, 300)}`;
    assert.ok(res.status < 500, `never a 5xx: ${ctx}`);
    assert.equal(res.status, entry.expect_status, `status: ${ctx}`);
    assertErrorShape(res, ctx);
    assert.equal(res.json.error.code, entry.expect_code, `error code: ${ctx}`);
    if (entry.expect_field === null) assert.ok(!('field' in res.json.error), `no field expected: ${ctx}`);
    else assert.equal(res.json.error.field, entry.expect_field, `error field: ${ctx}`);

    assert.equal(await listTotal(token), totalBefore, `number of cases unchanged after: ${entry.name}`);
    const caseAfter = await getCase(token, target.id);
    assert.equal(caseAfter.version, caseBefore.version, 'target case version unchanged');
    assert.deepEqual(caseAfter, caseBefore, 'target case unchanged');
  });
}
