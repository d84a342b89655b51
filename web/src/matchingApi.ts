// Client for possible existing records (src/http/match_routes.cc): the cases
// whose person looks like someone about to be recorded, the possible other
// records of a case's person, and the human decisions that two cases are (not)
// the same person. The arrays below are read by scripts/check-i18n.mjs, which
// checks that each value has its label (match_field.X, match_reason.X,
// match_band.X, match_strength.X, link_decision.X).
import { request, type CaseStatus, type Person, type UserRef } from './api';

// The fields the engine compares (src/match/fields.cc).
export const MATCH_FIELDS = ['name', 'birth_date', 'sex', 'citizenship', 'place', 'phone', 'document_number'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

// Each field's comparison levels as `<field>_<level>`, the level name made
// safe for a catalogue key (the name level "jaro_winkler_0.88" is "similar").
export const MATCH_REASONS = [
  'name_exact',
  'name_romanised_exact',
  'name_typo',
  'name_phonetic',
  'name_similar',
  'name_subset',
  'name_partial',
  'name_different',
  'birth_date_exact',
  'birth_date_consistent',
  'birth_date_typo_or_swap',
  'birth_date_same_year',
  'birth_date_within_1_year',
  'birth_date_within_3_years',
  'birth_date_within_5_years',
  'birth_date_different',
  'sex_same',
  'sex_different',
  'citizenship_same',
  'citizenship_different',
  'place_exact',
  'place_similar',
  'place_different',
  'phone_exact',
  'phone_one_edit',
  'phone_different',
  'document_number_exact',
  'document_number_one_edit',
  'document_number_different',
] as const;
export type MatchReasonKey = (typeof MATCH_REASONS)[number];

// How likely the engine finds it that both records are one person, in words.
export const MATCH_BANDS = ['very_likely', 'likely', 'possible'] as const;
export type MatchBand = (typeof MATCH_BANDS)[number];

// How much one field's agreement or disagreement weighs, in words.
export const MATCH_STRENGTHS = ['strong_for', 'for', 'weak_for', 'weak_against', 'against', 'strong_against'] as const;
export type MatchStrength = (typeof MATCH_STRENGTHS)[number];

export const LINK_DECISIONS = ['same', 'different'] as const;
export type LinkDecision = (typeof LINK_DECISIONS)[number];

export interface MatchReason {
  field: string; // one of MATCH_FIELDS
  level: string; // the engine's level name
  weight: number; // log2 Bayes factor: positive for, negative against
}

export interface MatchedCase {
  id: number;
  reference: string;
  status: CaseStatus;
  owner: { id: number; name: string; country: string };
  person: Person;
}

export interface MatchItem {
  case: MatchedCase;
  probability: number;
  decision: 'same' | 'review' | 'possible'; // the engine's own band
  reasons: MatchReason[];
  link: { id: number; decision: LinkDecision; version: number } | null;
}

export interface PersonLink {
  id: number;
  version: number;
  decision: LinkDecision;
  probability: number;
  note: string;
  other_case: MatchedCase;
  decided_by: UserRef;
  decided_at: string;
  created_at: string;
}

// The catalogue key suffix of a reason, or null for a level this client
// does not know (shown as the engine named it).
export function reasonKey(r: MatchReason): MatchReasonKey | null {
  const level = r.level === 'jaro_winkler_0.88' ? 'similar' : r.level;
  const key = `${r.field}_${level}`;
  return (MATCH_REASONS as readonly string[]).includes(key) ? (key as MatchReasonKey) : null;
}

export function bandOf(probability: number): MatchBand {
  if (probability >= 0.9) return 'very_likely';
  if (probability >= 0.5) return 'likely';
  return 'possible';
}

// A weight of 1 doubles the odds; 3 is eight times, 6 sixty-four times.
export function strengthOf(weight: number): MatchStrength {
  if (weight >= 6) return 'strong_for';
  if (weight >= 3) return 'for';
  if (weight >= 0) return 'weak_for';
  if (weight > -3) return 'weak_against';
  if (weight > -6) return 'against';
  return 'strong_against';
}

// + / − marks for a strength, for the eye; the words go to screen readers too.
export function strengthMarks(s: MatchStrength): string {
  switch (s) {
    case 'strong_for':
      return '+++';
    case 'for':
      return '++';
    case 'weak_for':
      return '+';
    case 'weak_against':
      return '−';
    case 'against':
      return '−−';
    case 'strong_against':
      return '−−−';
  }
}

const items = <V>(r: { items?: V[] }): V[] => (Array.isArray(r.items) ? r.items : []);

export const matchingApi = {
  forPerson: (person: Person) => request<{ items: MatchItem[] }>('POST', '/matches/person', { person }).then(items),
  ofCase: (caseId: number) => request<{ items: MatchItem[] }>('GET', `/cases/${caseId}/matches`).then(items),
  links: (caseId: number) => request<{ items: PersonLink[] }>('GET', `/cases/${caseId}/person-links`).then(items),
  decide: (caseId: number, body: { other_case_id: number; decision: LinkDecision; note: string }) =>
    request<PersonLink>('POST', `/cases/${caseId}/person-links`, body),
  change: (caseId: number, linkId: number, body: { version: number; decision: LinkDecision; note: string }) =>
    request<PersonLink>('PATCH', `/cases/${caseId}/person-links/${linkId}`, body),
};
