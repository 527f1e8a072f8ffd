/**
 * `trust-elements init [DIR]`: writes a starter posture.json — the organization, example
 * controls, sub-processors and contacts — that validates as it is, and says what to run next.
 * It asks for the name, domain and security contact only on a terminal; elsewhere it uses the
 * flags, or placeholders that still validate.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { validatePosture } from '../../core/index.js';
import { schemaUrl } from '../../core/json-schema.js';
import { helpHint, parseCommand, type Command } from '../command.js';
import { excerpt } from '../display.js';
import { CliError, EXIT_OK, UsageError } from '../errors.js';
import { createExclusive, displayPath, guardOutput, resolvePath, writeAtomic, writing } from '../files.js';
import { render, shellArg, type Input, type Io } from '../output.js';
import { applyRelease } from '../release.js';
import { version } from '../version.js';

export const DOCUMENT_NAME = 'posture.json';

/** A host name with at least one dot (and an optional port), as in https://DOMAIN. */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}(?::\d{1,5})?$/;

const PLACEHOLDER = { name: 'Example Inc.', domain: 'example.com' };

const usage = `Usage: trust-elements init [DIR] [--name NAME] [--domain DOMAIN] [--security-email EMAIL] [--force]

Writes DIR/${DOCUMENT_NAME} (DIR: the current directory by default), a starter posture document:
your organization, example controls, a sub-processor, certifications and contacts, to edit.
It validates as written; 'trust-elements sign' adds the issuer, dates and sequence.

On a terminal it asks for what the options do not give; otherwise (a script, CI) it never
asks, and uses placeholders (${PLACEHOLDER.name}, ${PLACEHOLDER.domain}) for what is missing.

Options:
  --name NAME             the organization's name
  --domain DOMAIN         its web domain, e.g. example.com (the site and the issuer)
  --security-email EMAIL  where to report a vulnerability (default: security@DOMAIN)
  --force                 replace an existing ${DOCUMENT_NAME}
  -h, --help              show this help`;

interface Answers {
  name: string;
  domain: string;
  securityEmail: string;
}

/** A domain as typed (`https://Example.com/`) reduced to its host name. */
const normalizeDomain = (text: string): string =>
  text
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();

/** Lines from standard input, one at a time, from a single reader (undefined at the end). */
function lineReader(input: Input): { next(): Promise<string | undefined>; close(): Promise<unknown> } {
  const chunks = input[Symbol.asyncIterator]();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next() {
      for (;;) {
        const end = buffer.indexOf('\n');
        if (end >= 0) {
          const line = buffer.slice(0, end).replace(/\r$/, '');
          buffer = buffer.slice(end + 1);
          return line;
        }
        const chunk = await chunks.next();
        if (chunk.done) {
          const rest = buffer;
          buffer = '';
          return rest === '' ? undefined : rest;
        }
        buffer += typeof chunk.value === 'string' ? chunk.value : decoder.decode(chunk.value, { stream: true });
      }
    },
    close: async () => chunks.return?.(),
  };
}

interface Question {
  label: string;
  /** The default, shown in brackets; computed when asked, from the answers so far. */
  fallback: () => string;
  set: (answer: string) => void;
}

/** Asks each question on the terminal, in turn; an empty answer (or the end of input) takes the default. */
async function ask(io: Io, questions: Question[]): Promise<void> {
  const lines = lineReader(io.stdin!);
  try {
    for (const q of questions) {
      const fallback = q.fallback();
      io.stdout.write(render(`${q.label} [${fallback}]: `, false));
      const answer = (await lines.next())?.trim();
      q.set(answer ? answer : fallback);
    }
  } finally {
    await lines.close();
  }
}

async function gather(io: Io, values: { name?: string; domain?: string; 'security-email'?: string }): Promise<Answers> {
  let name = values.name;
  let domain = values.domain === undefined ? undefined : normalizeDomain(values.domain);
  let securityEmail = values['security-email'];
  if (io.stdin?.isTTY === true) {
    const questions: Question[] = [];
    if (name === undefined) questions.push({ label: 'Organization name', set: (v) => (name = v), fallback: () => PLACEHOLDER.name });
    if (domain === undefined)
      questions.push({ label: 'Web domain', set: (v) => (domain = normalizeDomain(v)), fallback: () => PLACEHOLDER.domain });
    if (securityEmail === undefined)
      questions.push({
        label: 'Security contact e-mail',
        set: (v) => (securityEmail = v),
        fallback: () => `security@${domain ?? PLACEHOLDER.domain}`,
      });
    if (questions.length) await ask(io, questions);
  }
  const d = domain ?? PLACEHOLDER.domain;
  return { name: name ?? PLACEHOLDER.name, domain: d, securityEmail: securityEmail ?? `security@${d}` };
}

/** The starter document; every example is marked as one, for the vendor to replace. */
export function starterDocument(a: Answers, today: string): Record<string, unknown> {
  const site = `https://${a.domain}`;
  return {
    $schema: schemaUrl(version()),
    version: 1,
    language: 'en',
    organization: { name: a.name, url: site },
    title: `${a.name} Trust Center`,
    introduction: [{ type: 'paragraph', text: `How ${a.name} protects your data. (An example: replace it with your own words.)` }],
    updated: today,
    categories: [
      {
        id: 'identity',
        title: 'Identity & access',
        controls: [
          { id: 'sso', title: 'Single sign-on (SAML, OpenID Connect)', status: 'shipped' },
          { id: 'mfa', title: 'Multi-factor authentication for every employee', status: 'shipped' },
          { id: 'scim', title: 'User provisioning (SCIM)', status: 'roadmap', target: 'next year' },
        ],
      },
      {
        id: 'data',
        title: 'Data protection',
        controls: [
          { id: 'encryption-at-rest', title: 'Encryption at rest (AES-256)', status: 'shipped' },
          { id: 'encryption-in-transit', title: 'Encryption in transit (TLS 1.2 or later)', status: 'shipped' },
          { id: 'backups', title: 'Encrypted backups, restore tested every quarter', status: 'in-progress' },
        ],
      },
    ],
    certifications: [{ id: 'soc2-type2', framework: 'SOC 2 Type II', status: 'planned' }],
    subprocessors: {
      disclosure: 'public',
      noticeDays: 30,
      contact: `privacy@${a.domain}`,
      entries: [
        {
          name: 'Amazon Web Services',
          purpose: 'Cloud hosting (an example: list your own sub-processors)',
          data: ['Customer data'],
          locations: [{ name: 'Frankfurt', country: 'DE' }],
          url: 'https://aws.amazon.com',
        },
      ],
    },
    contacts: [
      { role: 'security', label: 'Report a vulnerability', email: a.securityEmail },
      { role: 'privacy', email: `privacy@${a.domain}` },
    ],
    // Where publish writes the change feed beside the page: the elements link to it as "Subscribe".
    links: { feed: `https://${a.domain}/feed.atom` },
    changelog: [{ date: today, type: 'other', summary: 'Trust center first published.' }],
  };
}

/** Which flag sets the field at a validation problem's path. */
const FLAG_FOR: readonly [RegExp, string][] = [
  [/^\$\.(organization\.name|title|introduction)/, '--name'],
  [/^\$\.(organization\.url|issuer|subprocessors\.contact|contacts\[1\])/, '--domain'],
  [/^\$\.contacts\[0\]/, '--security-email'],
];

export const init: Command = {
  name: 'init',
  summary: 'write a starter posture.json to edit',
  usage,
  async run(argv, { io, p }) {
    const { values, positionals } = parseCommand(
      'init',
      argv,
      {
        name: { type: 'string' },
        domain: { type: 'string' },
        'security-email': { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      { min: 0, max: 1, name: 'the DIR to write posture.json in' },
    );
    const dir = resolvePath(io, positionals[0] ?? '.');
    const file = path.join(dir, DOCUMENT_NAME);
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    // Before any question: an existing document is the vendor's work.
    if (exists && !values.force) {
      throw new CliError(`${displayPath(io, file)} already exists: edit it, or pass --force to replace it with a new starter document`);
    }

    const answers = await gather(io, values);
    if (!DOMAIN.test(answers.domain)) {
      throw new UsageError(`--domain '${excerpt(answers.domain)}' is not a domain name: write e.g. example.com`, helpHint('init'));
    }
    const document = starterDocument(answers, io.now().toISOString().slice(0, 10));
    const check = validatePosture(applyRelease(document, { now: io.now() }).document);
    if (!check.ok) {
      const issue = check.issues[0]!;
      const flag = FLAG_FOR.find(([re]) => re.test(issue.path))?.[1];
      throw new UsageError(`${flag ? `${flag}: ` : ''}${excerpt(`${issue.path}: ${issue.message}`, 200)}`, helpHint('init'));
    }

    const text = `${JSON.stringify(document, null, 2)}\n`;
    await writing(io, dir, 'directory', () => mkdir(dir, { recursive: true }));
    if (values.force) {
      await guardOutput(io, file, 'document', []);
      await writing(io, file, 'document', () => writeAtomic(file, text));
    } else {
      await writing(io, file, 'document', () => createExclusive(file, text, 0o644));
    }

    const s = p.style;
    p.out(`${s.green('✓')} wrote ${displayPath(io, file)}  ${s.dim(`${answers.name}, https://${answers.domain}`)}`);
    p.out(s.dim('  Its controls, certification, sub-processor and contacts are examples: edit them to say what is true.'));
    p.out();
    p.out('Next:');
    if (dir !== io.cwd) p.out(`  cd ${shellArg(displayPath(io, dir))}`);
    p.out(`  trust-elements validate ${DOCUMENT_NAME}`);
    p.out('  trust-elements keygen');
    p.out(`  trust-elements sign ${DOCUMENT_NAME} --key trust-elements.key.json --valid-for 90d --out posture.signed.json`);
    p.out(s.dim('then publish it: trust-elements publish public --document posture.signed.json --jwks jwks.json'));
    return EXIT_OK;
  },
};
