// A one-shot message handed from one page to the next (e.g. "case created").
let pending: string | null = null;

export function setFlash(key: string): void {
  pending = key;
}

export function takeFlash(): string | null {
  const key = pending;
  pending = null;
  return key;
}
