// Client for the directory of member organisations (docs/api/openapi.yaml,
// "Directory"): ranked search, one profile, editing it, and the quick
// capacity update. Shares request() and its error handling with api.ts.
import { request } from './api';

// The arrays are read by scripts/check-i18n.mjs: each value needs a
// `dir_service.X`, `dir_exploitation.X`, `dir_sex.X`, `dir_age.X`,
// `dir_agreement.X`, `dir_seeker_sex.X`, `dir_seeker_age.X` or
// `dir_criterion.X` key. Same order as src/domain/directory.cc.
export const SERVICES = [
  'shelter',
  'medical',
  'psychological',
  'legal_aid',
  'interpretation',
  'repatriation',
  'vocational_training',
  'family_tracing',
  'hotline',
  'education',
  'financial_assistance',
  'livelihood',
] as const;
export type Service = (typeof SERVICES)[number];

// HTCDS vic_TypeOfExploitation.
export const EXPLOITATIONS = [
  'ForcedLabour',
  'SexualExploitation',
  'ChildLabour',
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
  'ForcedBegging',
  'ForcedAdoption',
  'Surrogacy',
  'Other',
] as const;
export type Exploitation = (typeof EXPLOITATIONS)[number];

export const ACCEPTS_SEX = ['women', 'men', 'any'] as const;
export type AcceptsSex = (typeof ACCEPTS_SEX)[number];
export const ACCEPTS_AGE = ['children', 'adults', 'both'] as const;
export type AcceptsAge = (typeof ACCEPTS_AGE)[number];
export const AGREEMENT_TYPES = ['mou', 'sop'] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

// Who is looking for help, in the search's terms.
export const SEEKER_SEX = ['female', 'male'] as const;
export type SeekerSex = (typeof SEEKER_SEX)[number];
export const SEEKER_AGE = ['child', 'adult'] as const;
export type SeekerAge = (typeof SEEKER_AGE)[number];

// The criteria a search result is explained by.
export const CRITERIA = ['service', 'country', 'sex', 'age', 'exploitation', 'language', 'text', 'beds'] as const;
export type Criterion = (typeof CRITERIA)[number];

// The region's countries and languages, offered first in pickers.
export const REGION_COUNTRIES = ['TH', 'KH', 'LA', 'MM', 'VN', 'SG', 'MY', 'ID', 'PH', 'CN'];
export const REGION_LANGUAGES = ['th', 'km', 'lo', 'my', 'vi', 'zh', 'en', 'ms', 'id', 'tl'];

export interface ServedArea {
  country: string;
  provinces: string[];
}

export interface LiaisonOfficer {
  name: string;
  title: string;
  phone: string;
  email: string;
  languages: string[];
}

export interface Agreement {
  type: AgreementType;
  title: string;
  partner_organisation_id: number;
  signed_date: string;
  expiry_date: string | null;
}

export interface Capacity {
  free_beds: number | null;
  total_beds: number | null;
  updated_at: string | null;
  updated_by: { id: number; display_name: string } | null;
}

// What an editor writes (PUT takes every field).
export interface ProfileDetails {
  areas: ServedArea[];
  services: Service[];
  expertise: string;
  languages: string[];
  accepts_sex: AcceptsSex;
  accepts_age: AcceptsAge;
  accepts_exploitation: Exploitation[];
  working_hours: string;
  liaison_officers: LiaisonOfficer[];
  agreements: Agreement[];
}

interface ProfileBase extends Omit<ProfileDetails, 'liaison_officers' | 'agreements'> {
  organisation: { id: number; name: string; country: string; type: string };
  // 0: the organisation has no profile yet.
  version: number;
  capacity: Capacity;
}

export interface Profile extends ProfileBase {
  liaison_officers: LiaisonOfficer[];
  agreements: Agreement[];
  updated_at: string | null;
  can_edit: boolean;
}

export interface SearchHit extends ProfileBase {
  score: number;
  matched: Criterion[];
  missed: Criterion[];
  words: string[];
}

export interface DirectoryQuery {
  service?: Service | '';
  country?: string;
  sex?: SeekerSex | '';
  age?: SeekerAge | '';
  exploitation?: Exploitation | '';
  language?: string;
  q?: string;
}

export const QUERY_KEYS = ['service', 'country', 'sex', 'age', 'exploitation', 'language', 'q'] as const;

function queryString(q: DirectoryQuery): string {
  const p = new URLSearchParams();
  for (const k of QUERY_KEYS) {
    const v = q[k];
    if (v) p.set(k, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const directoryApi = {
  search: (q: DirectoryQuery) => request<{ items: SearchHit[] }>('GET', `/directory${queryString(q)}`),
  get: (id: number) => request<Profile>('GET', `/directory/${id}`),
  update: (id: number, version: number, details: ProfileDetails) =>
    request<Profile>('PUT', `/directory/${id}`, { version, ...details }),
  updateCapacity: (id: number, version: number, free_beds: number | null, total_beds: number | null) =>
    request<Profile>('POST', `/directory/${id}/capacity`, { version, free_beds, total_beds }),
};
