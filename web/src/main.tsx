import { render } from 'preact';
import { App } from './app';
import { initialLanguage, langTag, loadCatalogue, type Dict, type LangCode } from './i18n';
import './styles.css';

async function start(): Promise<void> {
  let lang: LangCode = initialLanguage();
  let dict: Dict;
  try {
    dict = await loadCatalogue(lang);
  } catch {
    // The catalogue chunk did not arrive (slow or broken link): start in English.
    lang = 'en';
    dict = await loadCatalogue('en');
  }
  document.documentElement.lang = langTag(lang);
  const root = document.getElementById('app');
  if (root) render(<App initialLang={lang} initialDict={dict} />, root);
}

void start();
