// Money as the server keeps it: whole minor units (satang, cents) of an ISO
// 4217 currency, whose number of minor digits the server's forms list. People
// read and type amounts in major units ("12,500.50"); these turn one into the
// other exactly, without floating-point rounding.
import type { CaseForm } from './entriesApi';

export interface CurrencyInfo {
  code: string;
  minor_digits: number;
}

// The region's currencies, listed first in pickers.
export const REGION_CURRENCIES = ['THB', 'KHR', 'LAK', 'MMK', 'VND', 'CNY', 'MYR', 'IDR', 'PHP', 'SGD', 'BND', 'USD', 'EUR'];

export const MAX_AMOUNT_MINOR = 1e15;

// The currencies a form's currency fields accept (they all list the same).
export function currenciesOf(forms: CaseForm[]): CurrencyInfo[] {
  for (const f of forms) for (const field of f.fields) if (field.type === 'currency' && field.currencies) return field.currencies;
  return [];
}

export function minorDigitsOf(currencies: CurrencyInfo[], code: string): number {
  return currencies.find((c) => c.code === code)?.minor_digits ?? 2;
}

export function currencyName(code: string, tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'currency', fallback: 'none' }).of(code) ?? code;
  } catch {
    return code;
  }
}

// "THB 12,500.50" in the interface language.
export function formatMinor(amount: number, currency: string, digits: number, tag: string): string {
  const major = amount / 10 ** digits;
  try {
    return new Intl.NumberFormat(tag, {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${currency} ${major.toFixed(digits)}`;
  }
}

// The plain major-unit text an input starts from: 1250050 (2 digits) -> "12500.50".
export function minorToInput(amount: number, digits: number): string {
  const s = String(Math.trunc(Math.abs(amount))).padStart(digits + 1, '0');
  return digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

// What a person typed, in minor units: spaces and grouping separators are
// ignored; the last comma or point is the decimal separator when both occur,
// or when it is the only one and not followed by exactly three digits ("12,5"
// and "12.5" both mean twelve and a half; "12,500" is twelve thousand five
// hundred, except in a currency of three minor digits). Null when it is
// not an amount, has more decimals than the currency, or is too large.
export function parseMajor(text: string, digits: number): number | null {
  const s = text.replace(/[\s\u00a0\u202f_']/g, '');
  if (!/^\d[\d.,]*$/.test(s) && !/^[.,]\d+$/.test(s)) return null;
  let whole = s;
  let frac = '';
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (last >= 0) {
    const after = s.slice(last + 1);
    const separators = (s.match(/[.,]/g) ?? []).length;
    const isDecimal = (s.includes('.') && s.includes(',')) || (separators === 1 && (after.length !== 3 || digits === 3));
    if (isDecimal) {
      whole = s.slice(0, last);
      frac = after;
    }
  }
  whole = whole.replace(/[.,]/g, '');
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(frac) || (whole === '' && frac === '')) return null;
  if (frac.length > digits) return null;
  const minor = Number((whole || '0') + frac.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT_MINOR) return null;
  return minor;
}
