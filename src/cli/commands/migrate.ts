/**
 * `trust-elements migrate FILE`: upgrades an unsigned posture document to format 1.1 where that
 * is mechanical — the version, and a stable `id` for each sub-processor made from its name — and
 * writes it to a new file (FILE.1.1.json), never over the input unless `--in-place` says so.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { FORMAT_MINOR, FORMAT_VERSION, validatePosture } from '../../core/index.js';
import { parseCommand, type Command } from '../command.js';
import { CliError, EXIT_FAILURE, EXIT_OK, issueLines } from '../errors.js';
import { createExclusive, displayPath, guardOutput, looksSigned, readText, resolvePath, writeAtomic, writing } from '../files.js';
import { parseJsonText } from '../json.js';
import { shellArg } from '../output.js';
import { applyRelease } from '../release.js';

const TARGET = `${FORMAT_VERSION}.${FORMAT_MINOR}`;

const usage = `Usage: trust-elements migrate FILE [--out FILE] [--in-place]

Upgrades an unsigned posture document to format ${TARGET} where that is mechanical:
  - "version" becomes "${TARGET}";
  - each sub-processor (in use and planned) without an "id" gets one, made from its name
    ("Amazon Web Services" -> "amazon-web-services"), unique in the document.
Everything else, extensions (x-...) included, is kept as it is. The result is checked before it
is written; then sign it as usual.

Options:
  --out FILE     where to write (default: FILE with .${TARGET}.json, e.g. posture.${TARGET}.json)
  --in-place     replace FILE itself
  -h, --help     show this help

Exit status: 0 written, 1 not migrated (invalid or not readable), 2 wrong usage.`;

type Item = Record<string, unknown>;
const isObject = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A lower-case id from a name: "Google (Gmail OAuth)" -> "google-gmail-oauth". */
export function idFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 72)
    .replace(/-+$/, '');
  return slug || 'sub-processor';
}

/** The upgraded document and what was changed, in words. Pure: the input is not modified. */
export function migrateDocument(input: Item): { document: Item; changes: string[] } {
  const changes: string[] = [];
  const document: Item = { ...input };
  if (document.version !== TARGET) {
    changes.push(`version ${JSON.stringify(document.version)} -> "${TARGET}"`);
    document.version = TARGET;
  }
  if (isObject(document.subprocessors)) {
    const sp: Item = { ...document.subprocessors };
    const lists = (['entries', 'planned'] as const).filter((key) => Array.isArray(sp[key]));
    const taken = new Set(
      lists.flatMap((key) => (sp[key] as unknown[]).flatMap((e) => (isObject(e) && typeof e.id === 'string' ? [e.id] : []))),
    );
    for (const key of lists) {
      sp[key] = (sp[key] as unknown[]).map((entry, i) => {
        if (!isObject(entry) || entry.id !== undefined) return entry;
        const base = typeof entry.name === 'string' ? idFromName(entry.name) : `sub-processor-${i + 1}`;
        let id = base;
        for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
        taken.add(id);
        changes.push(`subprocessors.${key}[${i}].id = "${id}"`);
        // The id first, so a reader sees it beside the name.
        return { id, ...entry };
      });
    }
    document.subprocessors = sp;
  }
  return { document, changes };
}

/** posture.json -> posture.1.1.json */
const defaultOut = (file: string): string => {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.${TARGET}${ext || '.json'}`;
};

export const migrate: Command = {
  name: 'migrate',
  summary: `upgrade an unsigned document to format ${TARGET} (to a new file)`,
  usage,
  async run(argv, { io, p }) {
    const { values, positionals } = parseCommand(
      'migrate',
      argv,
      { out: { type: 'string' }, 'in-place': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      { min: 1, max: 1, name: 'a FILE to migrate' },
    );
    const file = positionals[0]!;
    if (values.out !== undefined && values['in-place']) throw new CliError('--out and --in-place say two different things: pass one');
    const text = await readText(io, file, 'document');
    const json = parseJsonText(text, file);
    if (looksSigned(json) || !isObject(json)) {
      throw new CliError(`${file} is not an unsigned posture document: migrate upgrades the JSON you sign, then sign it again`);
    }
    const { document, changes } = migrateDocument(json);
    // Checked as sign would check it, so what is written can be signed.
    const result = validatePosture(applyRelease(document, { now: io.now() }).document);
    if (!result.ok) {
      p.out(`${p.style.red('✗')} ${file} is not valid once migrated, so nothing was written:`);
      for (const line of issueLines(result.issues)) p.out(`  ${line}`);
      return EXIT_FAILURE;
    }
    const out = resolvePath(io, values['in-place'] ? file : (values.out ?? defaultOut(file)));
    const data = `${JSON.stringify(document, null, 2)}\n`;
    if (values['in-place'] || values.out !== undefined) {
      if (!values['in-place']) await guardOutput(io, out, 'migrated document', [{ file, what: 'document' }]);
      await writing(io, out, 'migrated document', () => writeAtomic(out, data));
    } else {
      const exists = await stat(out).then(
        () => true,
        () => false,
      );
      if (exists) throw new CliError(`${displayPath(io, out)} already exists: pass --out FILE to write elsewhere, or remove it`);
      await writing(io, out, 'migrated document', () => createExclusive(out, data, 0o644));
    }
    p.out(`${p.style.green('✓')} wrote ${displayPath(io, out)} (format ${TARGET})`);
    for (const change of changes) p.out(`  ${change}`);
    p.out(p.style.dim(`then: trust-elements sign ${shellArg(displayPath(io, out))} --key trust-elements.key.json`));
    return EXIT_OK;
  },
};
