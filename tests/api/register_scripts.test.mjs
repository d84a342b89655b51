// The register's check across scripts through the API: a name or company in
// Latin letters finds entries written in Thai or Chinese (the matching
// engine), each match saying how (name_other_script, name_sounds_alike),
// with the probability and how the names agreed; the check level still sees
// no entry value; a clearly different name finds nothing; an entry edited
// after a check is found by its new name. Entries are the test's own: fixed
// Thai names (found among possibly others of earlier runs, by id) and
// Chinese names drawn at random.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn, assertStatus, tag } from './helpers.mjs';

const SOCIAL = 'th-shelter-caseworker';  // check only
const OFFICER = 'kh-police-caseworker';  // edits
const LAWYER = 'th-legal-legal';  // edits, sees details

async function token(user) {
  return (await signIn(user)).token;
}

const check = async (user, body) => api('POST', '/api/v1/register/check', { token: await token(user), body });

// Characters with one reading each, and their pinyin.
const FAMILY = [['王', 'Wang'], ['张', 'Zhang'], ['陈', 'Chen'], ['刘', 'Liu'], ['黄', 'Huang']];
const GIVEN = [['明', 'ming'], ['伟', 'wei'], ['芳', 'fang'], ['军', 'jun'], ['平', 'ping'], ['杰', 'jie'], ['文', 'wen'],
  ['东', 'dong'], ['海', 'hai'], ['林', 'lin'], ['云', 'yun'], ['峰', 'feng'], ['新', 'xin'], ['春', 'chun'], ['秋', 'qiu']];
const pick = (list) => list[Math.floor(Math.random() * list.length)];

// A Chinese name and its pinyin, e.g. 王明海 / Wang Minghai.
function chineseName(family = pick(FAMILY)) {
  const [a, b] = [pick(GIVEN), pick(GIVEN)];
  return { han: `${family[0]}${a[0]}${b[0]}`, pinyin: `${family[1]} ${a[1][0].toUpperCase()}${a[1].slice(1)}${b[1]}` };
}

async function createEntry(body) {
  const t = tag();
  const r = await api('POST', '/api/v1/register', {
    token: await token(OFFICER),
    body: {
      kind: 'person',
      role: 'broker',
      country: 'TH',
      status: 'alleged_in_report',
      status_date: '2026-01-10',
      source: { kind: 'case', reference: `Hotline report ${t}` },
      reason: `Named by two workers (${t})`,
      ...body,
    },
  });
  assertStatus(r, 201, 'create entry');
  return r.json;
}

const itemOf = (res, id) => res.json.items.find((i) => i.entry.id === id);

test('a Latin spelling finds the Thai-script broker: how, probability and agreement, no value at the check level', async () => {
  const entry = await createEntry({ names: ['สมชาย ใจดี'] });
  const social = await check(SOCIAL, { name: 'Somchai Jaidee' });
  assertStatus(social, 200);
  const item = itemOf(social, entry.id);
  assert.ok(item, social.text);
  assert.equal(item.entry.detail, null);
  assert.equal(item.matches.length, 1);
  const [m] = item.matches;
  assert.deepEqual(Object.keys(m).sort(), ['agreement', 'entry_field', 'how', 'probability', 'query_field', 'query_value']);
  assert.equal(m.how, 'name_other_script');
  assert.equal(m.query_field, 'name');
  assert.equal(m.query_value, 'Somchai Jaidee');
  assert.equal(m.entry_field, 'name');
  assert.equal(m.agreement, 'phonetic');
  assert.ok(m.probability >= 0.5 && m.probability <= 1, `probability ${m.probability}`);
  assert.ok(!social.text.includes('สมชาย'), 'the register\'s spelling stays hidden from a member who checks');

  const lawyer = await check(LAWYER, { name: 'Somchai Jaidee' });
  assertStatus(lawyer, 200);
  assert.equal(itemOf(lawyer, entry.id).matches[0].entry_value, 'สมชาย ใจดี', 'details readers see the value');
});

test('a Thai company is found by its Latin name with company words, a Chinese name by its pinyin', async () => {
  const company = await createEntry({ kind: 'organisation', role: 'agency', names: ['บริษัท สยามแรงงาน จำกัด'] });
  const r = await check(SOCIAL, { company: 'Siam Raeng Ngan Co., Ltd.' });
  assertStatus(r, 200);
  const hit = itemOf(r, company.id);
  assert.ok(hit, r.text);
  assert.equal(hit.matches[0].how, 'name_other_script');
  assert.equal(hit.matches[0].query_field, 'company');

  const name = chineseName();
  const person = await createEntry({ names: [name.han] });
  const found = await check(SOCIAL, { name: name.pinyin });
  assertStatus(found, 200);
  const m = itemOf(found, person.id)?.matches[0];
  assert.ok(m, `${name.pinyin} finds ${name.han}: ${found.text}`);
  assert.equal(m.how, 'name_other_script');
  assert.equal(m.agreement, 'romanised_exact');
});

test('a clearly different name finds nothing; an entry edited after a check is found by its new name', async () => {
  const before = chineseName(['王', 'Wang']);
  const entry = await createEntry({ names: [before.han] });
  const other = await check(SOCIAL, { name: before.pinyin.replace('Wang', 'Li') });
  assertStatus(other, 200);
  assert.equal(itemOf(other, entry.id), undefined, 'another family name');
  assert.ok(itemOf(await check(SOCIAL, { name: before.pinyin }), entry.id));

  const after = chineseName(['黄', 'Huang']);
  const edited = await api('PUT', `/api/v1/register/${entry.id}`, {
    token: await token(OFFICER),
    body: {
      version: entry.version, kind: 'person', role: 'broker', country: 'TH', names: [after.han], aliases: [],
      licence_numbers: [], addresses: [], phones: [], websites: [], handles: [], review_date: null, reason: 'The name was misread',
    },
  });
  assertStatus(edited, 200, 'edit');
  const found = await check(SOCIAL, { name: after.pinyin });
  assert.equal(itemOf(found, entry.id)?.matches[0].how, 'name_other_script', found.text);
  assert.equal(itemOf(await check(SOCIAL, { name: before.pinyin }), entry.id), undefined, 'the old name no longer matches');
});

test('a value that matches by its key is not repeated as a name match', async () => {
  const t = tag();
  const entry = await createEntry({ names: [`Somchai Jaidee ${t}`] });
  const r = await check(SOCIAL, { name: `somchai jaidee ${t}` });
  assertStatus(r, 200);
  assert.deepEqual(itemOf(r, entry.id).matches.map((m) => m.how), ['normalised'], r.text);
});
