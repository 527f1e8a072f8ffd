/**
 * The two seed trust pages, written as posture documents (demo/documents/*.json), must
 * validate and must say everything their page says.
 *
 * The fact check reads the seed text, splits it into lines and sentences, and requires each
 * sentence to be found (whitespace- and quote-normalised) in the document's string values.
 * The few lines that a document says with structure rather than prose (sub-processor
 * bullets, retention periods, contact lines, status words, headings that became fields)
 * are listed explicitly below, each with the assertion that checks it structurally.
 * Everything not listed is prose, so dropping a sentence from a document fails the test.
 *
 * Seeds are read from <shared>/seeds/, where <shared> is ../shared relative to the
 * repository root, or $TE_SHARED_DIR.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePosture } from '../../src/core/validate.js';
import type { PostureDocument } from '../../src/core/schema.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDir = process.env.TE_SHARED_DIR ? resolve(process.env.TE_SHARED_DIR) : resolve(repoRoot, '../shared');
const seedsDir = join(sharedDir, 'seeds');

function readSeed(file: string): string {
  const path = join(seedsDir, file);
  if (!existsSync(path)) {
    assert.fail(
      `seed not found: ${path}\n` +
        `The seed pages are read from <shared>/seeds/, where <shared> is ${resolve(repoRoot, '../shared')} ` +
        `(../shared next to the repository) unless TE_SHARED_DIR names another directory` +
        (process.env.TE_SHARED_DIR ? ` (TE_SHARED_DIR is set to ${process.env.TE_SHARED_DIR})` : '') +
        '.',
    );
  }
  return readFileSync(path, 'utf8');
}

function readDocument(name: string): PostureDocument {
  return JSON.parse(readFileSync(join(repoRoot, 'demo/documents', name), 'utf8')) as PostureDocument;
}

// ---------------------------------------------------------------------------
// The checker

/** Collapses whitespace and straightens typographic quotes. */
function normalize(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every string value in the document; a paragraph with a lead reads as it is shown, "Lead: text". */
function haystack(doc: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(normalize(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (o.type === 'paragraph' && typeof o.lead === 'string' && typeof o.text === 'string') {
        out.push(normalize(`${o.lead}: ${o.text}`));
        return;
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(doc);
  return out.join('\n');
}

interface SeedLine {
  text: string;
  bullet: boolean;
}

function seedLines(seed: string): SeedLine[] {
  return seed
    .split(/\r?\n/)
    .map((raw) => raw.trim())
    .filter((line) => line !== '')
    .map((line) => (line.startsWith('•') ? { text: line.replace(/^•\s*/, ''), bullet: true } : { text: line, bullet: false }));
}

function sentences(line: string): string[] {
  return line.split(/(?<=[.!?])\s+(?=\S)/);
}

type Check = (doc: PostureDocument) => void;

interface SeedSpec {
  seed: string;
  document: string;
  /**
   * The lines (or single sentences) of the seed that the document says with structure,
   * not prose, each with the assertion that it is said. Keep this small: whatever is not
   * here must be found verbatim in the document.
   */
  structural: Record<string, Check>;
  /** Structured parts parsed from the seed (e.g. controls): the lines they consume and their checks. */
  parse?: (lines: SeedLine[]) => { consumed: Set<number>; checks: [label: string, check: Check][] };
}

/** Every fact of the seed the document does not say: empty when nothing is lost. */
function factProblems(seed: string, doc: PostureDocument, spec: SeedSpec): string[] {
  const problems: string[] = [];
  const lines = seedLines(seed);
  const text = haystack(doc);
  const structural = new Map(Object.entries(spec.structural).map(([k, check]) => [normalize(k), check]));
  const used = new Set<string>();
  const run = (label: string, check: Check) => {
    try {
      check(doc);
    } catch (error) {
      problems.push(`${label}\n    ${(error as Error).message.split('\n')[0]}`);
    }
  };

  const parsed = spec.parse?.(lines) ?? { consumed: new Set<number>(), checks: [] };
  for (const [label, check] of parsed.checks) run(label, check);

  lines.forEach((line, i) => {
    if (parsed.consumed.has(i)) return;
    const whole = normalize(line.text);
    const lineCheck = structural.get(whole);
    if (lineCheck) {
      used.add(whole);
      run(line.text, lineCheck);
      return;
    }
    for (const sentence of sentences(line.text)) {
      const key = normalize(sentence);
      const check = structural.get(key);
      if (check) {
        used.add(key);
        run(sentence, check);
        continue;
      }
      const needle = key.replace(/[.:;,!?]+$/, '');
      if (!text.includes(needle)) problems.push(`not found in the document: "${sentence}"`);
    }
  });
  for (const key of structural.keys()) {
    if (!used.has(key)) problems.push(`listed as structural but not a line or sentence of the seed: "${key}"`);
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Helpers for structural assertions

function find<T>(items: readonly T[] | undefined, predicate: (item: T) => boolean, what: string): T {
  const found = items?.find(predicate);
  assert.ok(found, `the document has no ${what}`);
  return found;
}

function subprocessor(doc: PostureDocument, name: string, category: string) {
  return find(
    doc.subprocessors?.entries,
    (e) => e.name === name && e.category === category,
    `sub-processor "${name}" in category "${category}"`,
  );
}

function assertSubprocessor(
  doc: PostureDocument,
  expected: { name: string; category: string; services?: string[]; locations?: { name: string; country?: string }[]; safeguard?: RegExp },
) {
  const entry = subprocessor(doc, expected.name, expected.category);
  assert.ok(entry.purpose.includes(expected.category), `${expected.name}: purpose "${entry.purpose}" should say "${expected.category}"`);
  if (expected.services) assert.deepEqual(entry.services, expected.services, `${expected.name}: services`);
  if (expected.locations) assert.deepEqual(entry.locations, expected.locations, `${expected.name}: locations`);
  else assert.equal(entry.locations, undefined, `${expected.name}: the page gives no location`);
  if (expected.safeguard) assert.match(entry.safeguard ?? '', expected.safeguard, `${expected.name}: safeguard`);
}

const SCC = /^Standard Contractual Clauses or equivalent transfer safeguards/;

// ---------------------------------------------------------------------------
// Seed 000: Personaizer, "Security & Privacy"

const personaizer: SeedSpec = {
  seed: '000_0067688c0b7f7a4e.txt',
  document: 'personaizer.json',
  structural: {
    // Navigation chrome, not a fact: the document's way back to the vendor's site is organization.url.
    '← Back': (doc) => assert.equal(doc.organization.url, 'https://personaizer.com'),
    'Where your data lives': (doc) => {
      assert.deepEqual(doc.residency?.regions, [
        {
          name: 'Sweden Central',
          provider: 'Microsoft Azure',
          country: 'SE',
          jurisdiction: 'EEA',
          services: ['database', 'blob storage', 'application telemetry', 'compute (Azure App Services + AKS)'],
          primary: true,
        },
      ]);
    },
    'Sub-processors': (doc) => {
      assert.equal(doc.subprocessors?.disclosure, 'public');
      // The list is complete (public), so nothing may be added or lost.
      assert.deepEqual(
        doc.subprocessors?.entries?.map((e) => `${e.category}: ${e.name}`),
        [
          'AI & language models: Microsoft Azure',
          'AI & language models: Google Cloud',
          'Web search & re-ranking: Brave Search',
          'Web search & re-ranking: Cohere',
          'Stock images: Freepik',
          'Image generation: OpenAI',
          'Authentication: Google',
          'Billing: Flitt, a payment product of TBC Bank',
          'Infrastructure: Microsoft Azure',
        ],
      );
    },
    'AI & language models — Microsoft Azure (Azure OpenAI, Speech, Cognitive Search, Vision) in Sweden Central (EEA); Google Cloud (Vertex AI / Gemini, Cloud Speech) in Netherlands (EEA)':
      (doc) => {
        assertSubprocessor(doc, {
          name: 'Microsoft Azure',
          category: 'AI & language models',
          services: ['Azure OpenAI', 'Speech', 'Cognitive Search', 'Vision'],
          locations: [{ name: 'Sweden Central (EEA)', country: 'SE' }],
        });
        assertSubprocessor(doc, {
          name: 'Google Cloud',
          category: 'AI & language models',
          services: ['Vertex AI / Gemini', 'Cloud Speech'],
          locations: [{ name: 'Netherlands (EEA)', country: 'NL' }],
        });
      },
    'Web search & re-ranking — Brave Search and Cohere (United States)': (doc) => {
      for (const name of ['Brave Search', 'Cohere']) {
        assertSubprocessor(doc, {
          name,
          category: 'Web search & re-ranking',
          locations: [{ name: 'United States', country: 'US' }],
          safeguard: SCC,
        });
      }
    },
    'Stock images — Freepik (European Union)': (doc) =>
      assertSubprocessor(doc, { name: 'Freepik', category: 'Stock images', locations: [{ name: 'European Union' }] }),
    'Image generation — OpenAI DALL-E (United States)': (doc) =>
      assertSubprocessor(doc, {
        name: 'OpenAI',
        category: 'Image generation',
        services: ['DALL-E'],
        locations: [{ name: 'United States', country: 'US' }],
        safeguard: SCC,
      }),
    'Authentication — Google OAuth (for "Sign in with Google")': (doc) => {
      assertSubprocessor(doc, { name: 'Google', category: 'Authentication', services: ['Google OAuth'] });
      assert.equal(subprocessor(doc, 'Google', 'Authentication').purpose, 'Authentication (for "Sign in with Google")');
    },
    'Billing — Flitt, a payment product of TBC Bank (Georgia)': (doc) =>
      assertSubprocessor(doc, {
        name: 'Flitt, a payment product of TBC Bank',
        category: 'Billing',
        locations: [{ name: 'Georgia', country: 'GE' }],
      }),
    'Infrastructure — Microsoft Azure (Sweden Central, EEA)': (doc) =>
      assertSubprocessor(doc, {
        name: 'Microsoft Azure',
        category: 'Infrastructure',
        locations: [{ name: 'Sweden Central, EEA', country: 'SE' }],
      }),
    'How long we keep things': (doc) => assert.ok(doc.retention?.length, 'the document has no retention entries'),
    'Account information: while your account is active. Conversation transcripts: the period necessary to operate and improve the service. End-user consent records: 30 days. Authentication refresh tokens: 14 days. Operational telemetry: 90 days, with IP addresses masked.':
      (doc) =>
        assert.deepEqual(doc.retention, [
          { data: 'Account information', period: 'while your account is active' },
          { data: 'Conversation transcripts', period: 'the period necessary to operate and improve the service' },
          { data: 'End-user consent records', period: '30 days', duration: 'P30D' },
          { data: 'Authentication refresh tokens', period: '14 days', duration: 'P14D' },
          { data: 'Operational telemetry', period: '90 days', duration: 'P90D', note: 'with IP addresses masked' },
        ]),
    Contact: (doc) => assert.equal(doc.contacts?.length, 2, 'two contacts'),
    'Privacy questions: privacy@personaizer.com': (doc) => {
      const c = find(doc.contacts, (c) => c.email === 'privacy@personaizer.com', 'contact privacy@personaizer.com');
      assert.equal(c.role, 'privacy');
      assert.equal(c.label, 'Privacy questions');
    },
    'Legal / DPA / contracts: legal@personaizer.com': (doc) => {
      const c = find(doc.contacts, (c) => c.email === 'legal@personaizer.com', 'contact legal@personaizer.com');
      assert.equal(c.role, 'legal');
      assert.equal(c.label, 'Legal / DPA / contracts');
    },
    'Last updated: 2026-05-24': (doc) => assert.equal(doc.updated, '2026-05-24'),
  },
};

// ---------------------------------------------------------------------------
// Seed 002: PersonalityAI, "Trust & Compliance"

const STATUS_WORDS: Record<string, string> = { Shipped: 'shipped', 'In progress': 'in-progress', Roadmap: 'roadmap' };

/** Parses the seed's controls: a category heading, then bullets of title, description lines and a status word. */
function parseControls(lines: SeedLine[]) {
  const consumed = new Set<number>();
  const checks: [string, Check][] = [];
  let category: string | undefined;
  let categoryTitles: string[] = [];
  const closeCategory = () => {
    if (category === undefined) return;
    const title = category;
    const titles = categoryTitles;
    checks.push([
      `category "${title}" has exactly the page's controls, in order`,
      (doc) =>
        assert.deepEqual(
          find(doc.categories, (c) => c.title === title, `category "${title}"`).controls.map((c) => c.title),
          titles,
        ),
    ]);
  };
  let controls = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.bullet) {
      if (lines[i + 1]?.bullet) {
        closeCategory();
        category = line.text;
        categoryTitles = [];
        consumed.add(i);
      }
      continue;
    }
    assert.ok(category, `bullet "${line.text}" before any category heading`);
    let j = i + 1;
    while (j < lines.length && !(lines[j]!.text in STATUS_WORDS)) j++;
    assert.ok(j < lines.length && j > i + 1, `control "${line.text}": no description and status word follow`);
    for (let k = i; k <= j; k++) consumed.add(k);
    const title = line.text;
    const description = normalize(
      lines
        .slice(i + 1, j)
        .map((l) => l.text)
        .join(' '),
    );
    const status = STATUS_WORDS[lines[j]!.text]!;
    const inCategory = category;
    categoryTitles.push(title);
    controls++;
    checks.push([
      `control "${title}" (${lines[j]!.text}) in "${inCategory}"`,
      (doc) => {
        const cat = find(doc.categories, (c) => c.title === inCategory, `category "${inCategory}"`);
        const control = find(cat.controls, (c) => c.title === title, `control "${title}" in "${inCategory}"`);
        assert.equal(control.status, status, `status of "${title}"`);
        assert.equal(normalize(String(control.description ?? '')), description, `description of "${title}"`);
      },
    ]);
    i = j;
  }
  closeCategory();
  checks.push([
    'the page has four control categories and no others',
    (doc) =>
      assert.deepEqual(
        doc.categories?.map((c) => c.title),
        ['Identity & access', 'Data protection', 'Consent & provenance', 'Compliance & audit'],
      ),
  ]);
  assert.equal(controls, 18, 'the seed parser should find the 18 controls of the page');
  return { consumed, checks };
}

const personalityai: SeedSpec = {
  seed: '002_787546cb101b9435.txt',
  document: 'personalityai.json',
  parse: parseControls,
  structural: {
    'Sub-processors and architecture': (doc) => {
      assert.equal(doc.subprocessors?.disclosure, 'nda');
      assert.equal(doc.subprocessors?.entries, undefined, 'the list is withheld');
      assert.equal(doc.subprocessors?.contact, 'security@personalityai.net');
    },
    'Report a security issue, request our DPA, or kick off a procurement security review: security@personalityai.net.': (doc) => {
      const c = find(doc.contacts, (c) => c.email === 'security@personalityai.net', 'contact security@personalityai.net');
      assert.equal(c.role, 'security');
      assert.deepEqual(c.purposes, ['Report a security issue', 'Request our DPA', 'Kick off a procurement security review']);
      assert.match(c.responseTime ?? '', /within one business day/);
    },
    'This page is reviewed quarterly.': (doc) => assert.equal(doc.review?.cadence, 'quarterly'),
  },
};

// ---------------------------------------------------------------------------
// Tests

const clone = (doc: PostureDocument): PostureDocument => structuredClone(doc);

for (const spec of [personaizer, personalityai]) {
  describe(`seed ${spec.seed} as demo/documents/${spec.document}`, () => {
    test('the document validates', () => {
      const result = validatePosture(readDocument(spec.document));
      assert.deepEqual(result.issues, []);
      assert.equal(result.ok, true);
    });

    test('the document says every fact of the page', () => {
      const problems = factProblems(readSeed(spec.seed), readDocument(spec.document), spec);
      assert.deepEqual(problems, [], `facts of ${spec.seed} missing from ${spec.document}:\n  ${problems.join('\n  ')}`);
    });
  });
}

describe('the typed blocks say what the pages mean', () => {
  test('Personaizer: DPA on request from legal, US transfers under SCCs', () => {
    const doc = readDocument('personaizer.json');
    const dpa = find(doc.documents, (d) => d.id === 'dpa', 'DPA document');
    assert.equal(dpa.access, 'on-request');
    assert.equal(dpa.contact, 'legal@personaizer.com');
    assert.match(doc.subprocessors?.safeguards ?? '', /^For US-based providers, we rely on Standard Contractual Clauses/);
  });

  test('PersonalityAI: SOC 2 Type II in progress, report and DPA under NDA, security contact answers within one business day', () => {
    const doc = readDocument('personalityai.json');
    const soc2 = find(doc.certifications, (c) => c.framework === 'SOC 2 Type II', 'SOC 2 Type II certification');
    assert.equal(soc2.status, 'in-progress');
    assert.equal(soc2.report?.access, 'nda');
    for (const id of ['dpa', 'soc2-report', 'subprocessor-list', 'architecture-diagram']) {
      assert.equal(find(doc.documents, (d) => d.id === id, `document ${id}`).access, 'nda');
    }
    assert.equal(doc.contacts?.[0]?.email, 'security@personalityai.net');
  });
});

describe('the fact check notices loss (a test of the checker)', () => {
  const mutations: { spec: SeedSpec; what: string; mutate: (doc: PostureDocument) => void; expect: RegExp }[] = [
    {
      spec: personalityai,
      what: 'a control dropped',
      mutate: (doc) => {
        const cat = doc.categories!.find((c) => c.id === 'data-protection')!;
        cat.controls = cat.controls.filter((c) => c.id !== 'customer-managed-keys');
      },
      expect: /control "Customer-managed keys"/,
    },
    {
      spec: personalityai,
      what: 'a status changed',
      mutate: (doc) => {
        doc.categories!.flatMap((c) => c.controls).find((c) => c.id === 'c2pa-signing')!.status = 'shipped';
      },
      expect: /Embedded C2PA signing/,
    },
    {
      spec: personalityai,
      what: 'a sentence cut from the introduction',
      mutate: (doc) => {
        doc.introduction = doc.introduction!.slice(1);
      },
      expect: /not found in the document: "How we treat your data and your likeness\."/,
    },
    {
      spec: personaizer,
      what: 'a statement dropped',
      mutate: (doc) => {
        doc.statements = doc.statements!.filter((s) => s.id !== 'cookies');
      },
      expect: /not found in the document: "It expires after approximately 30 days\."/,
    },
    {
      spec: personaizer,
      what: 'a sub-processor dropped',
      mutate: (doc) => {
        doc.subprocessors!.entries = doc.subprocessors!.entries!.filter((e) => e.name !== 'Freepik');
      },
      expect: /Stock images — Freepik/,
    },
    {
      spec: personaizer,
      what: 'a retention period changed',
      mutate: (doc) => {
        doc.retention![3]!.period = '30 days';
      },
      expect: /Authentication refresh tokens: 14 days/,
    },
  ];

  for (const { spec, what, mutate, expect } of mutations) {
    test(`${spec.document}: ${what}`, () => {
      const seed = readSeed(spec.seed);
      const original = readDocument(spec.document);
      assert.deepEqual(factProblems(seed, original, spec), [], 'the unchanged document passes');
      const changed = clone(original);
      mutate(changed);
      const problems = factProblems(seed, changed, spec);
      assert.ok(
        problems.some((p) => expect.test(p)),
        `expected a problem matching ${expect}, got:\n  ${problems.join('\n  ')}`,
      );
    });
  }
});
