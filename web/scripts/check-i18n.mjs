#!/usr/bin/env node
// Checks the translation catalogues in src/i18n/<lang>/<area>.json:
//  - every language has English's area files, a key lives in one area;
//  - every catalogue has exactly English's keys (none missing, none extra);
//  - no value is empty (or only spaces);
//  - every {placeholder} in an English message appears in each translation;
//  - every key the code passes to t('...') as a literal exists in English;
//  - the language list in src/i18n/index.ts has a catalogue for each code.
// Exits 1 and lists every problem when any check fails.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'src', 'i18n');
const LANGS = ['en', 'th', 'km', 'lo', 'my', 'vi', 'zh'];
const problems = [];

// One language's catalogue: every area file in src/i18n/<lang>/ merged. The
// area files must be the same in every language, and a key lives in one area.
const enAreas = (() => {
  try {
    return readdirSync(join(dir, 'en')).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
})();
if (enAreas.length === 0) problems.push('en/: no catalogue files');

function loadArea(lang, area) {
  const file = join(dir, lang, area);
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    problems.push(`${lang}/${area}: missing file`);
    return null;
  }
  try {
    const data = JSON.parse(text);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      problems.push(`${lang}/${area}: must be one flat JSON object`);
      return null;
    }
    return data;
  } catch (e) {
    problems.push(`${lang}/${area}: not valid JSON (${e.message})`);
    return null;
  }
}

const areaKeys = {};  // area -> English keys, to check each key sits in the same area everywhere
function load(lang) {
  let present = [];
  try {
    present = readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'));
  } catch {
    problems.push(`${lang}/: missing folder`);
    return null;
  }
  for (const f of present) if (!enAreas.includes(f)) problems.push(`${lang}/${f}: area file that English does not have`);
  const merged = {};
  for (const area of enAreas) {
    const data = loadArea(lang, area);
    if (!data) continue;
    for (const [key, value] of Object.entries(data)) {
      if (key in merged) problems.push(`${lang}/${area}: key "${key}" is also in another area file`);
      merged[key] = value;
      if (lang === 'en') (areaKeys[area] ??= new Set()).add(key);
      else if (areaKeys[area] && !areaKeys[area].has(key) && Object.values(areaKeys).some((k) => k.has(key)))
        problems.push(`${lang}/${area}: key "${key}" belongs in a different area file (as in English)`);
    }
  }
  return merged;
}

const placeholders = (s) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

const en = load('en');
if (en) {
  const enKeys = Object.keys(en);
  for (const lang of LANGS) {
    const cat = lang === 'en' ? en : load(lang);
    if (!cat) continue;
    for (const key of enKeys) {
      if (!(key in cat)) problems.push(`${lang}: missing key "${key}"`);
    }
    for (const [key, value] of Object.entries(cat)) {
      if (!(key in en)) problems.push(`${lang}: extra key "${key}" (not in English)`);
      if (typeof value !== 'string') {
        problems.push(`${lang}: "${key}" must be a string`);
        continue;
      }
      if (value.trim() === '') problems.push(`${lang}: empty value for "${key}"`);
      if (lang !== 'en' && typeof en[key] === 'string') {
        const want = placeholders(en[key]);
        const got = placeholders(value);
        for (const p of want) if (!got.has(p)) problems.push(`${lang}: "${key}" lacks {${p}}`);
        for (const p of got) if (!want.has(p)) problems.push(`${lang}: "${key}" has unknown {${p}}`);
      }
    }
  }
  for (const f of readdirSync(dir)) {
    if (f !== 'index.ts' && !LANGS.includes(f)) problems.push(`${f}: catalogue for a language the app does not list`);
  }

  // Literal keys used in the code: t('some.key') or t("some.key").
  const walk = (d) =>
    readdirSync(d).flatMap((name) => {
      const p = join(d, name);
      return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
    });
  for (const file of walk(join(root, 'src'))) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)) {
      if (!(m[2] in en)) problems.push(`${relative(root, file)}: t('${m[2]}') is not in the English catalogue`);
    }
    // Keys handed over to be translated later (notices, flashes).
    for (const m of src.matchAll(/\b(?:setNotice|setFlash)\(\s*(['"])([^'"\n]+)\1/g)) {
      if (!(m[2] in en)) problems.push(`${relative(root, file)}: '${m[2]}' is not in the English catalogue`);
    }
  }
}

// Keys built at run time from the API's enumerations: gender.X, role.X,
// error.X, status.X and the casework ones (purpose.X, decision.X, scope.X,
// group.X, grade.X, outcome.X, idstatus.X, decider.X) must exist for every
// value the API (or client) can give.
if (en) {
  const api = readFileSync(join(root, 'src', 'api.ts'), 'utf8');
  const literals = (block) => [...(block ?? '').matchAll(/'([A-Za-z_-]+)'/g)].map((m) => m[1]);
  const arrayOf = (name) => literals(new RegExp(`${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(api)?.[1]);
  const unionOf = (name) => literals(new RegExp(`type ${name}\\s*=([^;]*);`).exec(api)?.[1]);
  const families = {
    gender: arrayOf('GENDERS'),
    role: arrayOf('ROLES'),
    error: unionOf('ErrorCode'),
    status: unionOf('CaseStatus'),
    purpose: arrayOf('CONSENT_PURPOSES'),
    decision: arrayOf('CONSENT_DECISIONS'),
    scope: arrayOf('SCOPE_KINDS'),
    group: arrayOf('PERSON_GROUPS'),
    grade: arrayOf('GRADES'),
    outcome: arrayOf('SCREENING_OUTCOMES'),
    idstatus: arrayOf('IDENTIFICATION_STATUSES'),
    decider: arrayOf('DECIDING_BODIES'),
  };
  // Intake's enumerations live in src/intakeApi.ts (channel.X, urgency.X,
  // public_urgency.X for the public form's wording, rstatus.X).
  const intake = readFileSync(join(root, 'src', 'intakeApi.ts'), 'utf8');
  const intakeArray = (name) => literals(new RegExp(`${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(intake)?.[1]);
  Object.assign(families, {
    channel: intakeArray('CHANNELS'),
    urgency: intakeArray('URGENCIES'),
    public_urgency: intakeArray('URGENCIES'),
    rstatus: intakeArray('REPORT_STATUSES'),
  });
  // Referrals' enumerations live in src/referralsApi.ts: referral_status.X,
  // referral_reason.X (services use dir_service.X); each step's radio label, button,
  // hint and notice (referral_action.X, referral_do.X, referral_hint.X,
  // referral_done.X); timeline lines (referral_event.X: the draft, each step,
  // a message); and the parts, named referral_part.X or, for case entry
  // kinds, by their form (form.X, entries.json).
  const referrals = readFileSync(join(root, 'src', 'referralsApi.ts'), 'utf8');
  const referralArray = (name) => literals(new RegExp(`${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(referrals)?.[1]);
  const referralActions = referralArray('REFERRAL_ACTIONS');
  Object.assign(families, {
    referral_status: referralArray('REFERRAL_STATUSES'),
    referral_reason: referralArray('REFERRAL_REASONS'),
    referral_action: referralActions,
    referral_do: referralActions,
    referral_hint: referralActions,
    referral_done: referralActions,
    referral_event: referralActions.length ? ['create', ...referralActions, 'message'] : [],
  });
  const referralParts = referralArray('REFERRAL_PARTS');
  if (referralParts.length === 0) problems.push('src/referralsApi.ts: could not read the referral parts');
  for (const p of referralParts)
    if (!(`referral_part.${p}` in en) && !(`form.${p}` in en)) problems.push(`en: missing key "referral_part.${p}" (or "form.${p}")`);
  // The directory's enumerations live in src/directoryApi.ts (dir_service.X,
  // dir_exploitation.X, dir_sex.X, dir_age.X, dir_agreement.X,
  // dir_seeker_sex.X, dir_seeker_age.X, dir_criterion.X).
  const directory = readFileSync(join(root, 'src', 'directoryApi.ts'), 'utf8');
  const directoryArray = (name) => literals(new RegExp(`${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(directory)?.[1]);
  Object.assign(families, {
    dir_service: directoryArray('SERVICES'),
    dir_exploitation: directoryArray('EXPLOITATIONS'),
    dir_sex: directoryArray('ACCEPTS_SEX'),
    dir_age: directoryArray('ACCEPTS_AGE'),
    dir_agreement: directoryArray('AGREEMENT_TYPES'),
    dir_seeker_sex: directoryArray('SEEKER_SEX'),
    dir_seeker_age: directoryArray('SEEKER_AGE'),
    dir_criterion: directoryArray('CRITERIA'),
  });
  // Repatriations' enumerations live in src/repatriationApi.ts: rp_status.X,
  // rp_state.X, rp_side.X, and each step action's radio label, button and
  // notice (rp_action.X, rp_do.X, rp_done.X).
  const repatriation = readFileSync(join(root, 'src', 'repatriationApi.ts'), 'utf8');
  const repatriationArray = (name) => literals(new RegExp(`${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(repatriation)?.[1]);
  const stepActions = repatriationArray('STEP_ACTIONS');
  Object.assign(families, {
    rp_status: repatriationArray('REPATRIATION_STATUSES'),
    rp_state: repatriationArray('STEP_STATES'),
    rp_side: repatriationArray('STEP_SIDES'),
    rp_action: stepActions,
    rp_do: stepActions,
    rp_done: stepActions,
  });
  // Legal payments' enumerations live in src/legalApi.ts (payment_channel.X,
  // payment_state.X, payment_box.X for the confirm page's tabs).
  const legal = readFileSync(join(root, 'src', 'legalApi.ts'), 'utf8');
  const legalArray = (name) => literals(new RegExp(`${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(legal)?.[1]);
  Object.assign(families, {
    payment_channel: legalArray('PAYMENT_CHANNELS'),
    payment_state: legalArray('PAYMENT_STATES'),
    payment_box: legalArray('PAYMENT_STATES'),
  });
  // The library's and the reports' enumerations: library_kind.X in
  // src/libraryApi.ts, report_count.X in src/reportsApi.ts.
  const arrayIn = (file, name) =>
    literals(new RegExp(`${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(readFileSync(join(root, 'src', file), 'utf8'))?.[1]);
  Object.assign(families, {
    library_kind: arrayIn('libraryApi.ts', 'DOCUMENT_KINDS'),
    report_count: arrayIn('reportsApi.ts', 'COUNT_COLUMNS'),
  });
  // The register's enumerations live in src/registerApi.ts (register_status.X,
  // register_kind.X, register_role.X, register_source.X, register_query.X,
  // register_field.X, register_how.X, register_change.X, register_import.X,
  // register_matched.X, register_list.X).
  const register = readFileSync(join(root, 'src', 'registerApi.ts'), 'utf8');
  const registerArray = (name) => literals(new RegExp(`${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(register)?.[1]);
  Object.assign(families, {
    register_status: registerArray('REGISTER_STATUSES'),
    register_kind: registerArray('REGISTER_KINDS'),
    register_role: registerArray('REGISTER_ROLES'),
    register_source: registerArray('SOURCE_KINDS'),
    register_query: registerArray('QUERY_FIELDS'),
    register_field: registerArray('ENTRY_FIELDS'),
    register_how: registerArray('MATCH_HOW'),
    register_agreement: registerArray('NAME_AGREEMENTS'),
    register_change: registerArray('HISTORY_CHANGES'),
    register_import: registerArray('IMPORT_ACTIONS'),
    register_matched: registerArray('MATCHED_BY'),
    register_list: registerArray('LIST_FIELDS'),
  });
  // Possible existing records' enumerations live in src/matchingApi.ts
  // (match_field.X, match_reason.X, match_band.X, match_strength.X, link_decision.X).
  Object.assign(families, {
    match_field: arrayIn('matchingApi.ts', 'MATCH_FIELDS'),
    match_reason: arrayIn('matchingApi.ts', 'MATCH_REASONS'),
    match_band: arrayIn('matchingApi.ts', 'MATCH_BANDS'),
    match_strength: arrayIn('matchingApi.ts', 'MATCH_STRENGTHS'),
    link_decision: arrayIn('matchingApi.ts', 'LINK_DECISIONS'),
  });
  // Family tracing's enumerations live in src/tracingApi.ts (tracing_status.X,
  // tracing_decision.X, tracing_match.X); its reasons use the matching area's labels.
  const tracingArray = (name) => arrayIn('tracingApi.ts', name);
  Object.assign(families, {
    tracing_status: tracingArray('TRACING_STATUSES'),
    tracing_decision: tracingArray('TRACING_DECISIONS'),
    tracing_match: tracingArray('MATCH_DECISIONS'),
  });
  for (const [prefix, values] of Object.entries(families)) {
    if (values.length === 0) problems.push(`src/api.ts: could not read the ${prefix} values`);
    for (const v of values) if (!(`${prefix}.${v}` in en)) problems.push(`en: missing key "${prefix}.${v}"`);
  }
}

const index = readFileSync(join(dir, 'index.ts'), 'utf8');
for (const m of index.matchAll(/code:\s*'(\w+)'/g)) {
  if (!LANGS.includes(m[1])) problems.push(`index.ts lists language "${m[1]}" that this check does not know`);
}

if (problems.length) {
  console.error(`i18n check failed (${problems.length} problem${problems.length > 1 ? 's' : ''}):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`i18n check passed: ${LANGS.length} catalogues, ${Object.keys(en).length} keys each.`);
