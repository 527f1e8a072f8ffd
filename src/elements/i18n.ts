/**
 * The elements' languages. An element speaks its nearest `lang` (through shadow roots): English is
 * built in, beside each element; every other language is data, a JSON file in i18n/ beside the
 * script, fetched once per page (shared by every element) with its SHA-384 built into the script,
 * so a changed file is refused as a changed script would be. A missing or refused file leaves
 * English, with one console warning. Also the Intl caches: plurals, dates, country names.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LANGUAGE_FILES } from './i18n/integrity.js';

/** The languages with words of their own: English and every file in i18n/. */
export type Language = 'en' | keyof typeof LANGUAGE_FILES;

/** A count's words by plural category (`Intl.PluralRules`), chosen by the `{n}` placeholder. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** Words with `{name}` placeholders, or a count's plural forms. */
export type Template = string | PluralForms;

/** The language of the nearest `lang` attribute, looking through shadow roots to their hosts. */
export function nearestLang(element: Element): string {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return validLocale(lang);
  }
  return validLocale(globalThis.navigator?.language ?? 'en');
}

/** `lang` if Intl accepts it as a language tag, else English (WebKitGTK can report "C"). */
function validLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The language with words for `locale`: de-AT → de, pt-BR → pt, anything without words → en. */
export function languageOf(locale: string): Language {
  const base = locale.toLowerCase().split('-')[0]!;
  return Object.hasOwn(LANGUAGE_FILES, base) ? (base as Language) : 'en';
}

/** `locale` when it has words, else English: the dates then match the words around them. */
export function spokenLocale(locale: string): string {
  return languageOf(locale) === 'en' && !/^en\b/i.test(locale) ? 'en' : locale;
}

let base: string | undefined;

/**
 * Where the language files are (a folder URL, relative to the page): by default the i18n/ folder
 * beside this script; `<meta name="trust-elements-languages" content="…">` or this call overrides
 * it. The files must be the ones built with this script: their hashes are checked.
 */
export function setLanguageBase(url: string | URL | undefined): void {
  base = url === undefined ? undefined : String(url);
}

/**
 * The folder beside this script. Never written as a string literal and `import.meta.url` given
 * straight to `new URL`: bundlers and dev servers (Vite, webpack) take that form for an asset of
 * their own and rewrite it (Vite drops the folder's last /, and the files were asked for one folder
 * up). A constant in a variable is not enough: the CDN build's minifier puts it back in place. The
 * script's own URL as a URL object is a form no bundler rewrites (test/node/package.test.ts).
 */
const BESIDE = './i18n/';

function languageBase(): URL {
  const meta = globalThis.document?.querySelector<HTMLMetaElement>('meta[name="trust-elements-languages"]')?.content;
  const page = globalThis.document?.baseURI;
  return new URL(base ?? meta ?? new URL(BESIDE, new URL(import.meta.url)).href, page);
}

type Words = Record<string, unknown>;
const NONE: Words = {};

/** The page's fetch when this script loaded: language files are the library's own, not the page's requests to stub. */
const pageFetch = globalThis.fetch?.bind(globalThis);
/** How long an element waits for its language's file before it speaks English. */
const LANGUAGE_TIMEOUT_MS = 10_000;
/** One fetch per file URL per page, and its checked words once it settled. */
const fetches = new Map<string, Promise<void>>();
const fetched = new Map<string, Words>();

/**
 * The words of `language`, or a promise while its file is on its way. English, a missing file and a
 * refused one (integrity mismatch, not JSON) are the empty table: English is shown.
 */
export function languageWords(language: Language): Words | Promise<void> {
  if (language === 'en') return NONE;
  const url = new URL(`${language}.json`, languageBase()).href;
  const words = fetched.get(url);
  if (words) return words;
  let pending = fetches.get(url);
  if (!pending) {
    pending = fetchWords(url, language).then((w) => void fetched.set(url, w));
    fetches.set(url, pending);
  }
  return pending;
}

async function fetchWords(url: string, language: Exclude<Language, 'en'>): Promise<Words> {
  try {
    // An element waits for its words as a skeleton: a file that never comes must not hold it there.
    const signal = AbortSignal.timeout?.(LANGUAGE_TIMEOUT_MS);
    const response = await pageFetch(url, { integrity: LANGUAGE_FILES[language], credentials: 'omit', signal });
    if (!response.ok) throw response.status;
    const words: unknown = await response.json();
    if (typeof words !== 'object' || !words) throw 'not an object';
    return words as Words;
  } catch (error) {
    console.warn(`trust-elements: ${url} not loaded (${String(error)}): English shown`);
    return NONE;
  }
}

const merged = new WeakMap<object, WeakMap<Words, unknown>>();

/** `english` (one element's table, named `table` in the language files) with `language`'s words over it, key by key. */
export function wordsIn<T extends object>(english: T, table: string, language: Language): T {
  const all = languageWords(language);
  if (all instanceof Promise || all === NONE) return english;
  let byFile = merged.get(english);
  if (!byFile) merged.set(english, (byFile = new WeakMap()));
  let words = byFile.get(all) as T | undefined;
  if (!words) byFile.set(all, (words = over(english, all[table]) as T));
  return words;
}

/** A translation over English: each English key keeps its English words unless the translation has the same kind of value; plural forms of its own are added. */
function over(english: unknown, translated: unknown): unknown {
  if (typeof english === 'string') return typeof translated === 'string' ? translated : english;
  const out: Words = {};
  const theirs = (typeof translated === 'object' && translated) || NONE;
  for (const [key, value] of Object.entries(theirs)) if (typeof value === 'string') out[key] = value;
  for (const [key, value] of Object.entries(english as Words)) out[key] = over(value, (theirs as Words)[key]);
  return out;
}

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/** Re-renders its element when a `lang` or `dir` on the page changes (one observer for the page). */
export class LanguageController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    hosts.add(this.host);
    if (!observer && typeof MutationObserver !== 'undefined') {
      observer = new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
    }
  }
  hostDisconnected(): void {
    hosts.delete(this.host);
  }
}

/** One Intl object per language and kind: making one costs far more than using it (a list has many dates). */
function cached<T>(cache: Map<string, T | null>, lang: string, make: () => T): T | null {
  let value = cache.get(lang);
  if (value === undefined) {
    try {
      value = make();
    } catch {
      value = null;
    }
    cache.set(lang, value);
  }
  return value;
}

const plurals = new Map<string, Intl.PluralRules | null>();

/** `template` in `lang` with each `{name}` filled from `values`; plural forms chosen by `values.n`. */
export function say(lang: string, template: Template, values: Record<string, string | number> = {}): string {
  const text =
    typeof template === 'string'
      ? template
      : (template[(cached(plurals, lang, () => new Intl.PluralRules(lang))?.select(Number(values.n)) ?? 'other') as 'other'] ??
        template.other);
  return text.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
}

const lists = new Map<string, Intl.ListFormat | null>();

/** Words as a list in `lang`: "additions, removals, and changes", "الإضافات والتغييرات"; commas where Intl has no lists. */
export function formatList(items: string[], lang: string): string {
  return cached(lists, lang, () => new Intl.ListFormat(lang))?.format(items) ?? items.join(', ');
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** A country's name in `lang` ("DE" → "Germany"), or undefined when Intl has none. */
export function regionName(code: string, lang: string): string | undefined {
  try {
    return cached(regionNames, lang, () => new Intl.DisplayNames([lang], { type: 'region' }))?.of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

/** A date for people, in `lang`: "24 May 2026", or "August 2026" for a month ("2026-08", format 1.1); an ISO date where Intl cannot. */
export function formatDate(date: Date | string, lang: string): string {
  const month = typeof date === 'string' && date.length === 7;
  const d = typeof date === 'string' ? new Date(date.length === 10 || month ? `${month ? `${date}-01` : date}T00:00:00Z` : date) : date;
  try {
    const options: Intl.DateTimeFormatOptions = month ? { year: 'numeric', month: 'long' } : { dateStyle: 'medium' };
    return cached(dateFormats, month ? `${lang} m` : lang, () => new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }))!.format(d);
  } catch {
    return d.toISOString().slice(0, month ? 7 : 10);
  }
}
