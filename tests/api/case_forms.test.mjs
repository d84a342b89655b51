// The case entry forms (GET /api/v1/case-forms) against the web catalogues:
// the web app draws its screens from the forms and labels every kind, field
// and picklist value by a derived key (`form.<kind>`, `field.<kind>.<name>`,
// `pick.<list>.<value>`), so a field or value added on the server without its
// labels in all seven languages fails here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import { api, assertStatus, signIn } from './helpers.mjs';

const LANGS = ['en', 'th', 'km', 'lo', 'my', 'vi', 'zh'];
const KINDS = [
  'victim_context',
  'event',
  'perpetrator',
  'identity_document',
  'needs_assessment',
  'support_objective',
  'support_action',
  'service',
  'note',
  'task',
  'meeting',
  'follow_up',
  'reintegration',
  'criminal_proceeding',
  'hearing',
  'claim',
  'witness',
  'legal_deadline',
];
const TYPES = ['line', 'text', 'date', 'integer', 'number', 'bool', 'choice', 'choices', 'country', 'language', 'user', 'organisation', 'entry', 'currency', 'amount'];

const i18nDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'src', 'i18n');

// One language's catalogue: its area files merged, as the app does.
function catalogue(lang) {
  const dir = join(i18nDir, lang);
  const merged = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort())
    Object.assign(merged, JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return merged;
}

// Every label key the forms imply.
function labelKeys(forms) {
  const keys = new Set();
  for (const form of forms) {
    keys.add(`form.${form.kind}`);
    for (const f of form.fields) {
      keys.add(`field.${form.kind}.${f.name}`);
      for (const v of f.options ?? []) keys.add(`pick.${f.list}.${v}`);
    }
  }
  return [...keys];
}

let forms;

before(async () => {
  const { token } = await signIn('th-shelter-caseworker');
  const r = await api('GET', '/api/v1/case-forms', { token });
  assertStatus(r, 200, 'case forms');
  forms = r.json.forms;
});

describe('case forms', () => {
  test('list every kind of case entry, each well formed', () => {
    assert.ok(Array.isArray(forms), 'forms is a list');
    const kinds = forms.map((f) => f.kind);
    for (const kind of KINDS) assert.ok(kinds.includes(kind), `no form for ${kind} in ${kinds.join(', ')}`);
    assert.equal(new Set(kinds).size, kinds.length, 'each kind once');
    for (const form of forms) {
      assert.equal(typeof form.multiple, 'boolean', `${form.kind}.multiple`);
      assert.ok(form.fields.length > 0, `${form.kind} has fields`);
      const names = form.fields.map((f) => f.name);
      for (const f of form.fields) {
        const what = `${form.kind}.${f.name}`;
        assert.ok(TYPES.includes(f.type), `${what}: type ${f.type}`);
        assert.equal(typeof f.required, 'boolean', `${what}.required`);
        if (f.type === 'choice' || f.type === 'choices') {
          assert.ok(typeof f.list === 'string' && f.list, `${what} names its picklist`);
          assert.ok(Array.isArray(f.options) && f.options.length > 0, `${what} has options`);
        }
        if (f.type === 'entry') assert.ok(kinds.includes(f.ref_kind), `${what} refers to a known kind (${f.ref_kind})`);
      }
      for (const o of form.date_orders ?? []) assert.ok(names.includes(o.from) && names.includes(o.to), `${form.kind} date order ${JSON.stringify(o)}`);
      for (const p of form.pairs ?? []) assert.ok(names.includes(p.first) && names.includes(p.second), `${form.kind} pair ${JSON.stringify(p)}`);
    }
    assert.equal(forms.find((f) => f.kind === 'victim_context').multiple, false, 'one victim context per case');
    assert.equal(forms.find((f) => f.kind === 'follow_up').requires_consent, 'follow_up_contact');
  });

  for (const lang of LANGS) {
    test(`every label the forms need is in the ${lang} catalogue`, () => {
      const cat = catalogue(lang);
      const keys = labelKeys(forms);
      assert.ok(keys.length > 100, `only ${keys.length} label keys`);
      const missing = keys.filter((k) => typeof cat[k] !== 'string' || cat[k].trim() === '');
      assert.deepEqual(missing, [], `${lang}: missing or empty labels`);
    });
  }
});
