/**
 * `trust-elements diff OLD NEW`: what changed between two documents (files or URLs, signed or
 * not), as text or JSON. Signed documents are read, not verified: it says so.
 */
import { parseCommand, type Command } from '../command.js';
import { excerpt } from '../display.js';
import { EXIT_OK } from '../errors.js';
import type { Printer } from '../output.js';
import { readDocument, readSource } from '../payload.js';
import { diffPostures, isEmpty, type Changed, type ListDiff, type PostureDiff } from '../posture-diff.js';

const usage = `Usage: trust-elements diff OLD NEW [--json]

Shows what changed from OLD to NEW (files or http(s) URLs; signed or unsigned documents):
sub-processors added, removed or changed (matched by id, else by name), planned ones,
control statuses, certifications and contacts. Signed documents are decoded, not verified
(signatures not checked): run 'trust-elements verify' for that.

It flags a sub-processor added with less notice than NEW promises (subprocessors.noticeDays):
one now in use that OLD did not list as planned, or a planned one whose effective date is
fewer days after its announcement.

Options:
  --json        print the changes as JSON
  -h, --help    show this help

Exit status: 0 (changes or none), 1 a document could not be read, 2 wrong usage.`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value from a document as a short line of text (each part bounded). */
function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return excerpt(value, 80);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) =>
      isObject(v) && typeof v.name === 'string' ? `${v.name}${typeof v.country === 'string' ? ` (${v.country})` : ''}` : show(v),
    );
    return excerpt(parts.join(', '), 120);
  }
  return excerpt(JSON.stringify(value), 120);
}

const str = (v: unknown, fallback = '(none)') => (typeof v === 'string' ? excerpt(v, 80) : fallback);

/** One line per item for each section; `label` names an item, `status` what is worth showing beside it. */
function section(
  p: Printer,
  title: string,
  list: ListDiff,
  label: (item: Record<string, unknown>) => string,
  extra: (c: Changed) => string,
) {
  if (list.added.length + list.removed.length + list.changed.length === 0) return;
  const s = p.style;
  p.out(s.bold(title));
  for (const item of list.added) p.out(`  ${s.green('+')} ${label(item)}`);
  for (const item of list.removed) p.out(`  ${s.red('-')} ${label(item)}`);
  for (const c of list.changed) {
    p.out(`  ${s.yellow('~')} ${label(c.new)}${extra(c)}`);
    for (const f of c.fields) p.out(`      ${excerpt(f.field, 40)}: ${show(f.old)} → ${show(f.new)}`);
  }
}

function printText(p: Printer, d: PostureDiff): void {
  const s = p.style;
  const sub = (i: Record<string, unknown>) =>
    `${str(i.name, '(no name)')}${typeof i.purpose === 'string' ? ` — ${excerpt(i.purpose, 80)}` : ''}${typeof i.effective === 'string' ? ` (effective ${excerpt(i.effective, 20)})` : ''}`;
  section(p, 'Sub-processors', d.subprocessors, sub, () => '');
  section(p, 'Planned sub-processors', d.planned, sub, () => '');
  section(
    p,
    'Controls',
    d.controls,
    (c) => `${str(c.id)} ${str(c.title, '')}${typeof c.status === 'string' ? ` (${excerpt(c.status, 20)})` : ''}`,
    () => '',
  );
  section(
    p,
    'Certifications',
    d.certifications,
    (c) => `${str(c.framework, str(c.id))}${typeof c.status === 'string' ? ` (${excerpt(c.status, 20)})` : ''}`,
    () => '',
  );
  section(
    p,
    'Contacts',
    d.contacts,
    (c) => `${str(c.role)}${typeof c.label === 'string' ? ` (${excerpt(c.label, 40)})` : ''}: ${str(c.email ?? c.url)}`,
    () => '',
  );
  for (const n of d.notice) {
    p.out(
      `${s.red('!')} ${excerpt(n.name, 80)}: ${n.noticeDays} day${n.noticeDays === 1 ? '' : 's'} of notice (${excerpt(n.reason, 80)}); the document promises ${n.promisedDays} (subprocessors.noticeDays)`,
    );
  }
  if (isEmpty(d)) p.out('no changes to sub-processors, controls, certifications or contacts');
}

export const diff: Command = {
  name: 'diff',
  summary: 'show what changed between two documents (sub-processors, controls, …)',
  usage,
  async run(argv, { io, p }) {
    const { values, positionals } = parseCommand(
      'diff',
      argv,
      { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      { min: 2, max: 2, name: 'the OLD and NEW documents' },
    );
    const [oldSource, newSource] = positionals as [string, string];
    const before = readDocument(await readSource(io, oldSource, 'document'), oldSource);
    const after = readDocument(await readSource(io, newSource, 'document'), newSource);
    const changes = diffPostures(before.document, after.document);
    const signed = before.signed || after.signed;
    const head = (doc: unknown) => ({
      sequence: isObject(doc) ? doc.sequence : undefined,
      updated: isObject(doc) ? doc.updated : undefined,
    });
    if (values.json) {
      p.json({
        old: { source: oldSource, signed: before.signed, ...head(before.document) },
        new: { source: newSource, signed: after.signed, ...head(after.document) },
        signaturesChecked: false,
        ...changes,
      });
      return EXIT_OK;
    }
    const seq = (doc: unknown) => (isObject(doc) && typeof doc.sequence === 'number' ? `sequence ${doc.sequence}` : 'no sequence');
    p.out(
      `${excerpt(oldSource, 80)} (${seq(before.document)}) → ${excerpt(newSource, 80)} (${seq(after.document)})${signed ? `  ${p.style.yellow('(signatures not checked)')}` : ''}`,
    );
    printText(p, changes);
    return EXIT_OK;
  },
};
