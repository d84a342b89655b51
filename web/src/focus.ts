// Moves keyboard focus after the page has re-rendered.

export function focusFirstError(): void {
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]') ?? document.querySelector<HTMLElement>('.alert--error');
    if (el) {
      if (!el.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
      el.focus();
    }
  }, 0);
}

export function focusHeading(): void {
  setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus(), 0);
}
