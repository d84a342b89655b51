// Translation catalogue. Each language is a folder of area files
// (`en/core.json`, `en/intake.json`, ...) merged into one flat dictionary.
// English is bundled; the other six are separate chunks fetched only when
// chosen, to keep the first load small.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Dict = Record<string, string>;

const enParts = import.meta.glob<Dict>('./en/*.json', { eager: true, import: 'default' });
const en: Dict = Object.assign({}, ...Object.keys(enParts).sort().map((k) => enParts[k]));

export type LangCode = 'en' | 'th' | 'km' | 'lo' | 'my' | 'vi' | 'zh';

// Each language is named in its own script, whatever the interface language is,
// so a reader can always find their own. `tag` is the BCP 47 tag used for
// `<html lang>` and for Intl date and number formatting.
export const LANGUAGES: ReadonlyArray<{ code: LangCode; tag: string; name: string }> = [
  { code: 'en', tag: 'en', name: 'English' },
  { code: 'th', tag: 'th', name: 'ไทย' },
  { code: 'km', tag: 'km', name: 'ខ្មែរ' },
  { code: 'lo', tag: 'lo', name: 'ລາວ' },
  { code: 'my', tag: 'my', name: 'မြန်မာ' },
  { code: 'vi', tag: 'vi', name: 'Tiếng Việt' },
  { code: 'zh', tag: 'zh-Hans', name: '简体中文' },
];

const STORAGE_KEY = 'trm.lang';

const loaders = import.meta.glob<Dict>(['./*/*.json', '!./en/*.json'], { import: 'default' });
const cache: Partial<Record<LangCode, Dict>> = { en };

function isLang(v: unknown): v is LangCode {
  return LANGUAGES.some((l) => l.code === v);
}

export function langTag(code: LangCode): string {
  return LANGUAGES.find((l) => l.code === code)?.tag ?? 'en';
}

// The remembered choice, else the browser's first supported language, else English.
export function initialLanguage(): LangCode {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage may be disabled; fall through to the browser's preference.
  }
  for (const pref of navigator.languages ?? []) {
    const base = pref.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export function rememberLanguage(code: LangCode): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
}

export async function loadCatalogue(code: LangCode): Promise<Dict> {
  const hit = cache[code];
  if (hit) return hit;
  const parts = Object.keys(loaders)
    .filter((path) => path.startsWith(`./${code}/`))
    .sort();
  if (parts.length === 0) return en;
  const dict: Dict = Object.assign({}, ...(await Promise.all(parts.map((path) => loaders[path]()))));
  cache[code] = dict;
  return dict;
}

export type Params = Record<string, string | number>;
export type T = (key: string, params?: Params) => string;

export function makeT(dict: Dict): T {
  return (key, params) => {
    const text = dict[key] ?? (en as Dict)[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) =>
      name in params ? String(params[name]) : m,
    );
  };
}

export interface I18n {
  lang: LangCode;
  tag: string;
  t: T;
  setLang: (code: LangCode) => void;
}

export const I18nContext = createContext<I18n>({
  lang: 'en',
  tag: 'en',
  t: makeT(en),
  setLang: () => {},
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}
