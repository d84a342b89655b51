// Client for the document library (docs/api/openapi.yaml, "Library"): list
// and filter, one document, publish, add a version, withdraw, and the
// download address of a version's file. A file travels base64-encoded in the
// JSON body; the server takes files up to 750 KiB.
import { request } from './api';

// Read by scripts/check-i18n.mjs: each kind needs a `library_kind.X` key.
// Same order as src/domain/library.cc.
export const DOCUMENT_KINDS = ['mou', 'sop', 'handbook', 'rights_notice', 'form', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const MAX_FILE_BYTES = 750 * 1024;
// What the server accepts (domain/library_file.cc), for the file picker.
export const ACCEPTED_FILES = '.pdf,.docx,.odt,.doc,.rtf,.txt,.xlsx,.ods,.png,.jpg,.jpeg';

export interface OrgRef {
  id: number;
  name: string;
  country: string;
}

export interface DocumentVersion {
  id: number;
  number: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  language: string;
  countries: string[];
  organisations: OrgRef[];
  effective_date: string;
  summary: string;
  published_at: string;
  published_by: { id: number; display_name: string };
  download_url: string;
}

export interface LibraryDocument {
  id: number;
  version: number;
  kind: DocumentKind;
  title: string;
  status: 'published' | 'withdrawn';
  withdrawn: { at: string; by: { id: number; display_name: string }; reason: string } | null;
  created_at: string;
  updated_at: string;
  versions: DocumentVersion[]; // newest first
}

// A version as the forms send it.
export interface VersionInput {
  filename: string;
  content_base64: string;
  language: string;
  countries: string[];
  organisations: number[];
  effective_date: string;
  summary: string;
}

export interface LibraryQuery {
  kind?: DocumentKind | '';
  country?: string;
  language?: string;
  q?: string;
  withdrawn?: 'include' | 'exclude' | '';
}

export const LIBRARY_QUERY_KEYS = ['kind', 'country', 'language', 'q', 'withdrawn'] as const;

function queryString(q: LibraryQuery): string {
  const p = new URLSearchParams();
  for (const k of LIBRARY_QUERY_KEYS) {
    const v = q[k];
    if (v) p.set(k, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

// The file's bytes as base64, read in the browser.
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

// Where a version downloads from, under the app's own base address.
export function downloadHref(documentId: number, versionId: number): string {
  return new URL(`api/v1/library/${documentId}/versions/${versionId}/file`, document.baseURI).pathname;
}

export const libraryApi = {
  list: (q: LibraryQuery) =>
    request<{ items: LibraryDocument[]; can_publish: boolean }>('GET', `/library${queryString(q)}`),
  get: (id: number) => request<LibraryDocument>('GET', `/library/${id}`),
  publish: (kind: DocumentKind, title: string, v: VersionInput) =>
    request<LibraryDocument>('POST', '/library', { kind, title, ...v }),
  addVersion: (id: number, version: number, v: VersionInput) =>
    request<LibraryDocument>('POST', `/library/${id}/versions`, { version, ...v }),
  withdraw: (id: number, version: number, reason: string) =>
    request<LibraryDocument>('POST', `/library/${id}/withdraw`, { version, reason }),
};
