// The pages' language: Simplified Chinese or English, from ?lang=, then the shopper's last choice,
// then the browser (i18next and its language detector). Static text carries data-i18n keys
// (data-i18n-placeholder, -title, -aria-label for attributes); scripts call t(). Switching
// reloads the page, so everything already drawn is drawn again in the new language.
import i18next from '/lib/i18next/i18next.js';
import LanguageDetector from '/lib/i18next/i18nextBrowserLanguageDetector.js';
import common from './locales/common.js';
import problems from './locales/problems.js';

export const languages = { en: 'English', zh: '中文' };
const storageKey = 'flashsale.lang';

// Each page brings its own texts ({ en: {...}, zh: {...} }) on top of the shared ones.
export async function useLanguage(...bundles) {
  const resources = {};
  for (const language of Object.keys(languages)) {
    resources[language] = { translation: Object.assign({}, common[language], problems[language], ...bundles.map(b => b[language])) };
  }
  await i18next.use(LanguageDetector).init({
    resources,
    fallbackLng: 'en',
    supportedLngs: Object.keys(languages),
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    returnNull: false,
    interpolation: { escapeValue: false },
    detection: {
      order: ['querystring', 'localStorage', 'navigator'],
      lookupQuerystring: 'lang',
      lookupLocalStorage: storageKey,
      caches: ['localStorage'],
    },
  });
  translatePage();
  addLanguageSwitch();
}

export const t = (key, options) => i18next.t(key, options);

// The current language as a BCP 47 tag for Intl: zh-CN or en.
export function locale() {
  return language() === 'zh' ? 'zh-CN' : 'en';
}

export function language() {
  return i18next.resolvedLanguage ?? 'en';
}

export function translatePage(root = document) {
  document.documentElement.lang = locale();
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const attribute of ['placeholder', 'title', 'aria-label']) {
    const data = `data-i18n-${attribute}`;
    for (const node of root.querySelectorAll(`[${data}]`)) node.setAttribute(attribute, t(node.getAttribute(data)));
  }
  const title = document.querySelector('title[data-i18n]');
  if (title) document.title = t(title.dataset.i18n);
}

function addLanguageSwitch() {
  const bar = document.querySelector('header.bar');
  if (!bar || bar.querySelector('select.language')) return;
  const select = document.createElement('select');
  select.className = 'language';
  select.setAttribute('aria-label', t('common.language'));
  for (const [code, name] of Object.entries(languages)) {
    const option = new Option(name, code, false, code === language());
    option.lang = code === 'zh' ? 'zh-CN' : 'en';
    select.append(option);
  }
  select.addEventListener('change', () => {
    localStorage.setItem(storageKey, select.value);
    // A ?lang= in the address would win over the choice: drop it.
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    location.replace(url);
  });
  bar.append(select);
}

// A translation with elements in it, in the language's own word order: "{{count}} left" and
// "剩余 {{count}}" both place the same live <b> element. Returns nodes and strings for el().
export function tNodes(key, elements, options = {}) {
  const marker = name => `\u0000${name}\u0000`;
  const text = t(key, { ...options, ...Object.fromEntries(Object.keys(elements).map(name => [name, marker(name)])) });
  return text.split('\u0000').map((part, i) => (i % 2 === 1 ? elements[part] : part)).filter(part => part !== '');
}
