/**
 * The language files (src/elements/i18n/*.json, the one source of every word but English): each
 * has every English key, the same placeholders, the plural forms its language needs, nothing
 * left in English but the names agreed below, and integrity.ts holds their current hashes.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { integrityModule, languageFiles, LANGUAGE_DIR } from '../../scripts/i18n.js';
import { COMMON_WORDS } from '../../src/elements/words.js';
import { BADGE_WORDS } from '../../src/elements/trust-badge/trust-badge.words.js';
import { CENTER_WORDS } from '../../src/elements/trust-center/trust-center.words.js';
import { SUBPROCESSOR_WORDS } from '../../src/elements/subprocessor-list/subprocessor-list.words.js';
import { CONTROL_WORDS } from '../../src/elements/control-status/control-status.words.js';
import { FORMAT11_WORDS } from '../../src/elements/format11.words.js';

/** Every English table, by the name the language files give it. */
const ENGLISH: Record<string, object> = {
  common: COMMON_WORDS,
  badge: BADGE_WORDS,
  center: CENTER_WORDS,
  subprocessors: SUBPROCESSOR_WORDS,
  control: CONTROL_WORDS,
  format11: FORMAT11_WORDS,
};

/**
 * Words a translation may leave as in English: names and notations that are the same in that
 * language (a file name, a placeholder pattern, a loanword the language uses as is).
 */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  '*': ['security.txt', '{title}: {status}', '{from} – {to}'],
  de: ['Links', 'Support', 'Website', 'Optional', 'Feed'],
  fr: ['Certifications', 'Documents', 'Contacts', 'Public', 'Services', 'Contact', 'Certification', 'Attestation', 'Rectification'],
  nl: ['Privacy', 'Website', 'Contact', 'Auditor', 'Feed'],
  it: ['Privacy', 'Feed'],
  pt: ['Auditor', 'Feed'],
  es: ['Auditor'],
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const PLURAL = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const isPlural = (o: object) => 'other' in o && Object.keys(o).every((k) => PLURAL.has(k));

/** The plural categories a count of 0 to 1,000 takes in `language` (the counts these elements show). */
function categories(language: string): string[] {
  const rules = new Intl.PluralRules(language);
  return [...new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n))), 'other'];
}

/** Every problem with `translated` against `english` at `where`. */
function check(language: string, where: string, english: unknown, translated: unknown, partial: boolean, problems: string[]): void {
  if (translated === undefined) {
    // A file marked partial shows English for what it lacks: listed, not failed.
    if (partial) console.log(`${language} (partial): ${where} is in English`);
    else problems.push(`${where}: missing`);
    return;
  }
  if (typeof english === 'string') {
    if (typeof translated !== 'string') return void problems.push(`${where}: not a string`);
    if (placeholders(translated).join() !== placeholders(english).join())
      problems.push(`${where}: placeholders {${placeholders(translated).join('} {')}} instead of {${placeholders(english).join('} {')}}`);
    const same = [...SAME_AS_ENGLISH['*']!, ...(SAME_AS_ENGLISH[language] ?? [])];
    if (translated === english && !same.includes(english)) problems.push(`${where}: still English ("${english}")`);
    return;
  }
  if (typeof translated !== 'object' || translated === null) return void problems.push(`${where}: not an object`);
  const table = english as Record<string, unknown>;
  const theirs = translated as Record<string, unknown>;
  if (isPlural(table)) {
    for (const form of categories(language)) if (typeof theirs[form] !== 'string') problems.push(`${where}.${form}: plural form missing`);
    const wanted = placeholders(table.other as string).filter((p) => p !== 'n');
    for (const [form, text] of Object.entries(theirs)) {
      if (!PLURAL.has(form) || typeof text !== 'string') problems.push(`${where}.${form}: not a plural form`);
      // A form may say its number in words ("one", Arabic's dual): {n} may be left out, nothing else.
      else if (
        placeholders(text)
          .filter((p) => p !== 'n')
          .join() !== wanted.join() ||
        placeholders(text).some((p) => p !== 'n' && !wanted.includes(p))
      )
        problems.push(`${where}.${form}: placeholders {${placeholders(text).join('} {')}}`);
    }
    return;
  }
  for (const key of Object.keys(theirs)) if (!(key in table) && key !== '$partial') problems.push(`${where}.${key}: not an English key`);
  for (const [key, value] of Object.entries(table)) check(language, `${where}.${key}`, value, theirs[key], partial, problems);
}

const files = await languageFiles();

describe('language files', () => {
  test('there are the languages the README names, English built in', () => {
    assert.deepEqual(Object.keys(files).sort(), ['ar', 'de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt']);
  });

  for (const [language, file] of Object.entries(files)) {
    test(`${language}: every key, the same placeholders, its plural forms, no English left`, async () => {
      const words = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      const partial = words.$partial === true;
      const problems: string[] = [];
      for (const [table, english] of Object.entries(ENGLISH)) check(language, table, english, words[table], partial, problems);
      for (const table of Object.keys(words))
        if (!(table in ENGLISH) && table !== '$partial') problems.push(`${table}: not a table of words`);
      assert.deepEqual(problems, [], `${path.relative(LANGUAGE_DIR, file)}`);
    });
  }

  test('integrity.ts holds the hash of every file as it is now (npm run i18n writes it)', async () => {
    assert.equal(await readFile(path.join(LANGUAGE_DIR, 'integrity.ts'), 'utf8'), await integrityModule());
  });
});
