/**
 * <trust-center>: every state, both seed documents rendered fact by fact (through the embedded
 * <subprocessor-list>'s shadow root too), sections in the document's key order, the navigation,
 * the status filter, safe links, nested context, accessibility, and its documented parts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../src/define/trust-center.js';
import '../../src/define/control-status.js';
import type { TrustCenterElement } from '../../src/define/trust-center.js';
import type { PostureDocument, VerifiedPosture } from '../../src/core/index.js';
import { postureContext, type PostureSnapshot } from '../../src/elements/context.js';
import { installNetwork, jsonResponse, publish, settled, tamper, testSigner, type FakeNetwork } from '../fixtures/network.js';
import { makeDocument, signedText } from '../fixtures/posture.js';

/** The test server's own fetch, for the repository's files; tests replace globalThis.fetch. */
const realFetch = globalThis.fetch.bind(globalThis);
const DAY = 86_400_000;

/**
 * The English words a visitor reads, written out here rather than read from src/elements/strings.ts,
 * so that a wrong label in the source is noticed.
 */
const EN = {
  primary: 'Primary region',
  status: { shipped: 'Shipped', 'in-progress': 'In progress', roadmap: 'Roadmap', 'not-applicable': 'Not applicable' },
  certification: { certified: 'Certified', 'in-progress': 'In progress', planned: 'Planned', aligned: 'Aligned', expired: 'Expired' },
  access: { public: 'Public', 'on-request': 'On request', nda: 'Under NDA' },
  role: {
    security: 'Security',
    privacy: 'Privacy',
    legal: 'Legal',
    dpo: 'Data protection officer',
    support: 'Support',
    sales: 'Sales',
    other: 'Other',
  },
  cadence: {
    continuous: 'This page is kept up to date continuously.',
    monthly: 'This page is reviewed monthly.',
    quarterly: 'This page is reviewed quarterly.',
    semiannual: 'This page is reviewed twice a year.',
    annual: 'This page is reviewed once a year.',
  },
  change: {
    'subprocessor-added': 'Sub-processor added',
    'subprocessor-removed': 'Sub-processor removed',
    'subprocessor-changed': 'Sub-processor changed',
    'control-changed': 'Control changed',
    'certification-changed': 'Certification changed',
    'document-changed': 'Document changed',
    'policy-changed': 'Policy changed',
    other: 'Other change',
  },
  disclosure: {
    'on-request': 'The list of sub-processors is available on request.',
    nda: 'The list of sub-processors is shared under a non-disclosure agreement.',
  },
  noMatch: 'No control in this category has this status.',
  problem: {
    expired: 'The security information has expired, so it is not shown.',
    unverified: 'The security information could not be verified, so it is not shown.',
    network: 'The security information could not be loaded.',
  },
  tellOwner: 'If this persists, please let the owner of this page know.',
} as const;

/** A calendar date as an English visitor reads it ("May 24, 2026"): the browser's own Intl, not the element's code. */
const englishDate = (date: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

async function demoDocument(name: string): Promise<PostureDocument> {
  const response = await realFetch(`/demo/documents/${name}.json`);
  expect(response.ok, `/demo/documents/${name}.json`).to.equal(true);
  return (await response.json()) as PostureDocument;
}

/**
 * Publishes `doc` exactly — its own keys in its own order — for a fresh origin, valid from yesterday
 * for a month unless `dates` says otherwise. (`publish` alone would merge it into the default document.)
 */
async function publishExact(
  network: FakeNetwork,
  doc: PostureDocument,
  options: { text?: (signed: string) => string; dates?: { issued: string; expires: string } } = {},
) {
  const published = await publish(network);
  const now = Date.now();
  const exact: PostureDocument = {
    ...doc,
    issuer: published.origin,
    issued: options.dates?.issued ?? new Date(now - DAY).toISOString(),
    expires: options.dates?.expires ?? new Date(now + 30 * DAY).toISOString(),
  };
  let text = await signedText(exact, await testSigner());
  if (options.text) text = options.text(text);
  network.routes.set(published.src, () => jsonResponse(text));
  return { ...published, document: exact };
}

async function center(src: string, attrs: Record<string, string> = {}): Promise<TrustCenterElement> {
  const el = document.createElement('trust-center');
  el.src = src;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  await fixture(el);
  await settled(el);
  return el;
}

/** Every node under `root`, through nested shadow roots. */
function* deepNodes(root: Node): Generator<Node> {
  yield root;
  if (root instanceof Element && root.shadowRoot) yield* deepNodes(root.shadowRoot);
  for (const child of Array.from(root.childNodes)) yield* deepNodes(child);
}

/** The text a visitor can read, through nested shadow roots, whitespace collapsed. */
function deepText(el: Element): string {
  const parts: string[] = [];
  for (const node of deepNodes(el.shadowRoot!))
    if (node.nodeType === Node.TEXT_NODE && node.parentElement?.localName !== 'style') parts.push(node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ');
}

function deepElements(el: Element, selector: string): Element[] {
  return [...deepNodes(el.shadowRoot!)].filter((n): n is Element => n instanceof Element && n.matches(selector));
}

/** Every link's target, except the navigation's own `#section` links. */
const hrefs = (el: Element) => deepElements(el, 'a[href]:not([href^="#"])').map((a) => (a as HTMLAnchorElement).href);
const sectionIds = (el: Element) => Array.from(el.shadowRoot!.querySelectorAll('section.section')).map((s) => s.id);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every leaf of a JSON value, with the keys that lead to it. */
function* leaves(value: unknown, path: string[] = []): Generator<{ path: string[]; value: unknown }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* leaves(value[i], [...path, String(i)]);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* leaves(v, [...path, k]);
  } else {
    yield { path, value };
  }
}

/** Not facts for a visitor: format metadata (the seal shows issuer and expiry), ids, block types, machine durations. */
const NOT_SHOWN = new Set(['$schema', 'version', 'issuer', 'issued', 'expires', 'sequence', 'language', 'id', 'duration']);

/** Keys whose values are words of the format (`security`, `nda` …), shown as the visitor's words. */
const ENUMS = new Set(['status', 'access', 'role', 'cadence', 'type', 'disclosure', 'country']);

/** Format 1.1's words a visitor reads, written out here too. */
const EN11 = {
  kind: { certification: 'Certification', attestation: 'Attestation', alignment: 'Alignment (no certificate)' },
  cadence: { continuous: 'Continuous', monthly: 'Monthly', quarterly: 'Quarterly', semiannual: 'Twice a year', annual: 'Annual' },
  role: { controller: 'Controller', processor: 'Processor', 'joint-controller': 'Joint controller' },
  basis: { contract: 'Contract', 'legitimate-interests': 'Legitimate interests', consent: 'Consent' },
  change: { additions: 'additions', removals: 'removals', changes: 'changes' },
} as Record<string, Record<string, string>>;
const OPTIONAL = 'Optional';

/** Format 1.1's machine twins of shown words, references by id, and the section order (checked apart). */
const NOT_SHOWN_11 = new Set(['order', 'group', 'until', 'after', 'em']);

/** A month as an English visitor reads it ("February 2026"). */
const englishMonth = (month: string) =>
  new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** What a visitor must find for each leaf of `doc`; the misses, as `path: expectation`. */
function missingFacts(el: TrustCenterElement, doc: PostureDocument): string[] {
  const text = deepText(el);
  const links = hrefs(el);
  const images = deepElements(el, 'img').map((i) => (i as HTMLImageElement).src);
  const missing: string[] = [];
  const need = (ok: boolean, path: string[], what: string) => ok || missing.push(`${path.join('.')}: ${what}`);
  for (const { path, value } of leaves(doc)) {
    const key = path[path.length - 1]!;
    if (NOT_SHOWN.has(key)) continue;
    // Format 1.1: extensions are for machines; `undated` says there is no date to show.
    if (path.some((k) => k.startsWith('x-') || NOT_SHOWN_11.has(k)) || value === 'undated') continue;
    const parent = path[path.length - 2];
    if (key === 'kind' || (key === 'cadence' && path[0] !== 'review') || (key === 'role' && path[0] === 'privacy') || key === 'basis') {
      const words = EN11[key === 'basis' ? 'basis' : key]![value as string]!;
      need(text.includes(words), path, words);
      continue;
    }
    if (parent === 'changes' && path[1] === 'notice') {
      need(text.includes(EN11.change![value as string]!), path, EN11.change![value as string]!);
      continue;
    }
    if (key === 'optional') {
      need(text.includes(OPTIONAL), path, OPTIONAL);
      continue;
    }
    if (key === 'evidence' || parent === 'evidence') continue; // shown by the titles of what they name, checked apart
    if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) {
      need(text.includes(englishMonth(value)), path, englishMonth(value));
      continue;
    }
    if (key === 'type' && path[0] !== 'changelog') continue; // paragraph / list
    if (typeof value === 'number') {
      need(text.includes(String(value)), path, String(value));
    } else if (typeof value === 'boolean') {
      if (key === 'primary' && value) need(text.includes(EN.primary), path, EN.primary);
    } else if (typeof value !== 'string') {
      continue;
    } else if (key === 'logo') {
      need(images.includes(new URL(value).href), path, `an image from ${value}`);
    } else if (/^https:/.test(value) || /^mailto:/.test(value)) {
      need(links.includes(new URL(value).href), path, `a link to ${value}`);
    } else if (key === 'email' || key === 'contact') {
      need(text.includes(value), path, value);
      need(
        links.some((h) => h.startsWith('mailto:') && decodeURIComponent(h.slice(7)) === value),
        path,
        `a mailto: link to ${value}`,
      );
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      need(text.includes(englishDate(value)), path, englishDate(value));
    } else if (key === 'status') {
      const label = path[0] === 'certifications' ? EN.certification[value as 'certified'] : EN.status[value as 'shipped'];
      need(text.includes(label), path, label);
    } else if (key === 'access') {
      need(text.includes(EN.access[value as 'nda']), path, EN.access[value as 'nda']);
    } else if (key === 'role') {
      need(text.includes(EN.role[value as 'security']), path, EN.role[value as 'security']);
    } else if (key === 'cadence') {
      need(text.includes(EN.cadence[value as 'quarterly']), path, EN.cadence[value as 'quarterly']);
    } else if (key === 'type') {
      need(text.includes(EN.change[value as 'other']), path, EN.change[value as 'other']);
    } else if (key === 'disclosure') {
      if (value !== 'public') need(text.includes(EN.disclosure[value as 'nda']), path, EN.disclosure[value as 'nda']);
    } else if (key === 'country') {
      const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(value)!;
      need(text.includes(value) || text.includes(name), path, `${value} or ${name}`);
    } else {
      need(text.includes(squash(value)), path, value);
    }
  }
  return missing;
}

describe('<trust-center>', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  describe('states', () => {
    it('verified: the organization, the seal, the sections, and a trust-load event', async () => {
      const { src } = await publish(network);
      const el = document.createElement('trust-center');
      el.src = src;
      const loaded = new Promise<CustomEvent>((resolve) => el.addEventListener('trust-load', (e) => resolve(e), { once: true }));
      await fixture(el);
      await settled(el);
      expect(el.getAttribute('state')).to.equal('verified');
      expect((await loaded).detail.expired).to.equal(false);
      const root = el.shadowRoot!;
      expect(root.querySelector('[part~="organization"]')!.textContent).to.equal('Vendor Example');
      expect(root.querySelector('[part~="seal"]')!.textContent).to.contain('Verified');
      expect(root.querySelector('[part~="expired-warning"]')).to.equal(null);
      expect(sectionIds(el)).to.deep.equal(['controls']);
      await expect(el).to.be.accessible();
    });

    it('expired: the warning comes first, and the content is still shown under it', async () => {
      const now = Date.now();
      const { src } = await publish(network, {
        issued: new Date(now - 40 * DAY).toISOString(),
        expires: new Date(now - DAY).toISOString(),
      });
      const el = await center(src);
      expect(el.state).to.equal('expired');
      const first = el.shadowRoot!.firstElementChild!;
      expect(first.getAttribute('part')).to.equal('expired-warning');
      expect(first.getAttribute('role')).to.equal('alert');
      expect(deepText(el)).to.contain('Multi-factor authentication').and.contain('Expired');
      await expect(el).to.be.accessible();
    });

    it('expired="hide": only the explanation, none of the content', async () => {
      const now = Date.now();
      const { src } = await publish(network, {
        issued: new Date(now - 40 * DAY).toISOString(),
        expires: new Date(now - DAY).toISOString(),
      });
      const el = await center(src, { expired: 'hide' });
      expect(el.shadowRoot!.querySelector('[part~="problem"]')!.textContent).to.contain(EN.problem.expired);
      expect(deepText(el)).to.not.contain('Multi-factor').and.not.contain('Vendor Example');
    });

    it('tampered: unverified, and none of the document’s text is in the shadow DOM', async () => {
      const doc = await demoDocument('personalityai');
      const { src } = await publishExact(network, doc, { text: tamper });
      const errors: string[] = [];
      document.addEventListener('trust-error', (e) => errors.push((e as CustomEvent).detail.code), { once: true });
      const el = await center(src);
      expect(el.state).to.equal('unverified');
      expect(errors).to.deep.equal(['signature-invalid']);
      const text = deepText(el);
      expect(text).to.contain(EN.problem.unverified);
      const shown = [...leaves(doc)].filter(
        ({ path, value }) =>
          typeof value === 'string' && !NOT_SHOWN.has(path[path.length - 1]!) && !ENUMS.has(path[path.length - 1]!) && text.includes(value),
      );
      expect(shown.map((l) => l.value)).to.deep.equal([]);
      expect(text).to.not.contain('PersonalityAI');
      expect(el.shadowRoot!.querySelector('section, nav, subprocessor-list')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('404: error, with a polite explanation', async () => {
      const el = await center('https://nowhere.example/.well-known/trust-elements/posture.json');
      expect(el.state).to.equal('error');
      expect(deepText(el)).to.contain(EN.problem.network).and.contain(EN.tellOwner);
      await expect(el).to.be.accessible();
    });

    it('reserves space while loading', async () => {
      let release!: () => void;
      const { src } = await publish(network, {}, { delay: new Promise<void>((r) => (release = r)) });
      const el = await fixture<TrustCenterElement>(html`<trust-center src=${src}></trust-center>`);
      expect(el.state).to.equal('loading');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(200);
      release();
      await settled(el);
    });
  });

  describe('real pages in format 1.1 (demo/documents), every fact', () => {
    for (const name of ['cucinovo-subprocessors', 'invoicepass-security', 'matomo-cloud-privacy', 'velluto-subprocessors']) {
      it(`${name}.json: every value is visible (URLs as links)`, async () => {
        const doc = await demoDocument(name);
        const { src } = await publishExact(network, doc);
        const el = await center(src);
        expect(el.state).to.equal('verified');
        const list = el.shadowRoot!.querySelector('subprocessor-list');
        if (list) await settled(list);
        expect(missingFacts(el, doc)).to.deep.equal([]);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('both seed documents, every fact', () => {
    for (const name of ['personaizer', 'personalityai']) {
      it(`${name}.json: every value is visible (URLs as links), sections in document order`, async () => {
        const doc = await demoDocument(name);
        const { src } = await publishExact(network, doc);
        const el = await center(src);
        expect(el.state).to.equal('verified');
        const list = el.shadowRoot!.querySelector('subprocessor-list')!;
        await settled(list);
        expect(list.state).to.equal('verified');
        expect(missingFacts(el, doc)).to.deep.equal([]);
        const expected = Object.keys(doc).flatMap((k) => {
          if (k === 'statements') return doc.statements!.map((s) => `statement-${s.id}`);
          if (k === 'categories') return ['controls'];
          return [
            'certifications',
            'subprocessors',
            'residency',
            'retention',
            'documents',
            'contacts',
            'links',
            'faq',
            'changelog',
          ].includes(k)
            ? [k]
            : [];
        });
        expect(sectionIds(el)).to.deep.equal(expected);
        const nav = Array.from(el.shadowRoot!.querySelectorAll('nav > ul > li > a')).map((a) => a.getAttribute('href'));
        expect(nav).to.deep.equal(expected.map((id) => `#${id}`));
        await expect(el).to.be.accessible();
      });
    }

    it('renders every block of the format: certifications, residency, retention, documents, contacts, links, FAQ, change log, review', async () => {
      const doc = makeDocument({
        organization: {
          name: 'Full Vendor',
          url: 'https://full.example',
          logo: 'https://full.example/logo.png',
          legalName: 'Full Vendor GmbH',
        },
        title: 'Trust at Full Vendor',
        introduction: [
          { type: 'paragraph', lead: 'Hello', text: 'This is everything.' },
          { type: 'list', items: ['One point', 'Another point'] },
        ],
        review: { cadence: 'monthly', lastReviewed: '2026-04-30', note: 'Reviewed by the security team.' },
        categories: [
          {
            id: 'ops',
            title: 'Operations',
            description: 'How we run things.',
            controls: [
              { id: 'backup', title: 'Backups', status: 'in-progress', description: 'Daily.', target: 'Q3 2026', updated: '2026-03-01' },
              { id: 'na', title: 'On-premises', status: 'not-applicable' },
            ],
          },
        ],
        certifications: [
          {
            id: 'iso',
            framework: 'ISO/IEC 27001:2022',
            status: 'certified',
            auditor: 'Audit AG',
            period: { from: '2025-01-01', to: '2025-12-31' },
            scope: 'The whole platform.',
            description: 'Certified since 2024.',
            report: { access: 'on-request', url: 'https://full.example/iso', contact: 'audit@full.example' },
          },
          { id: 'hipaa', framework: 'HIPAA', status: 'aligned' },
          { id: 'pci', framework: 'PCI DSS', status: 'expired', report: { access: 'public', url: 'mailto:pci@full.example' } },
        ],
        subprocessors: {
          disclosure: 'public',
          entries: [
            {
              name: 'Hosting Co',
              purpose: 'Hosting',
              locations: [{ name: 'Frankfurt', country: 'DE' }],
              url: 'https://hosting.example',
              since: '2020-01-01',
            },
          ],
        },
        residency: {
          summary: 'In Germany.',
          regions: [
            {
              name: 'Frankfurt',
              provider: 'Hosting Co',
              country: 'DE',
              jurisdiction: 'EU',
              services: ['database', 'backups'],
              primary: true,
            },
            { name: 'Dublin', country: 'IE' },
          ],
        },
        retention: [{ data: 'Logs', period: 'one year', duration: 'P1Y', note: 'then deleted' }],
        documents: [
          { title: 'Pen test summary', description: 'Annual.', access: 'public', url: 'https://full.example/pentest.pdf' },
          { title: 'DPA', access: 'nda', contact: 'legal@full.example' },
        ],
        contacts: [
          {
            role: 'dpo',
            email: 'dpo@full.example',
            url: 'https://full.example/dpo',
            responseTime: 'two days',
            purposes: ['Data subject requests'],
          },
          { role: 'other', label: 'Press', url: 'mailto:press@full.example' },
        ],
        links: {
          statusPage: 'https://status.full.example',
          vulnerabilityDisclosure: 'https://full.example/vdp',
          securityTxt: 'https://full.example/.well-known/security.txt',
          privacyPolicy: 'https://full.example/privacy',
          terms: 'https://full.example/terms',
          other: [{ title: 'Bug bounty', url: 'https://bounty.example/full' }],
        },
        faq: [{ question: 'Do you sell data?', answer: [{ type: 'paragraph', text: 'No, never.' }] }],
        changelog: [
          { date: '2026-05-01', type: 'subprocessor-added', summary: 'Added Hosting Co.', subject: 'Hosting Co', effective: '2026-06-01' },
          { date: '2026-04-01', type: 'policy-changed', summary: 'New privacy policy.' },
        ],
        statements: [{ id: 'promise', title: 'Our promise', body: [{ type: 'paragraph', text: 'We keep it safe.' }] }],
      });
      const { src, document: published } = await publishExact(network, doc);
      const el = await center(src);
      await settled(el.shadowRoot!.querySelector('subprocessor-list')!);
      expect(missingFacts(el, published)).to.deep.equal([]);
      const root = el.shadowRoot!;
      expect(root.querySelector('img[part~="logo"]')!.getAttribute('alt')).to.equal('Full Vendor logo');
      expect(root.querySelector('[part~="title"]')!.textContent!.trim()).to.equal('Trust at Full Vendor');
      expect(Array.from(root.querySelectorAll('[part~="access"]')).map((a) => a.textContent!.trim())).to.deep.equal([
        'On request',
        'Public',
        'Public',
        'Under NDA',
      ]);
      expect(root.querySelector('[part~="footer"]')!.textContent)
        .to.contain('This page is reviewed monthly.')
        .and.contain('Last reviewed Apr 30, 2026.');
      await expect(el).to.be.accessible();
    });

    it('follows the order of the document’s keys, so the vendor decides', async () => {
      const base = makeDocument();
      const faq = [{ question: 'Why?', answer: [{ type: 'paragraph' as const, text: 'Because.' }] }];
      const contacts = [{ role: 'security' as const, email: 'sec@vendor.example' }];
      const statements = [
        { id: 'first', title: 'First', body: [{ type: 'paragraph' as const, text: 'One.' }] },
        { id: 'second', title: 'Second', body: [{ type: 'paragraph' as const, text: 'Two.' }] },
      ];
      const { categories, ...rest } = base;
      const one = await publishExact(network, { ...rest, faq, categories, statements, contacts });
      const two = await publishExact(network, { ...rest, statements, contacts, categories, faq });
      const a = await center(one.src);
      const b = await center(two.src);
      expect(sectionIds(a)).to.deep.equal(['faq', 'controls', 'statement-first', 'statement-second', 'contacts']);
      expect(sectionIds(b)).to.deep.equal(['statement-first', 'statement-second', 'contacts', 'controls', 'faq']);
    });
  });

  describe('headings and navigation', () => {
    it('forms one outline: title, then sections, then categories; heading-level moves it', async () => {
      const { src } = await publishExact(network, await demoDocument('personalityai'));
      const el = await center(src, { 'heading-level': '3' });
      const root = el.shadowRoot!;
      expect(root.querySelector('[part~="title"]')!.localName).to.equal('h3');
      const sections = Array.from(root.querySelectorAll('section.section'));
      for (const s of sections) {
        const title = root.getElementById(s.getAttribute('aria-labelledby')!)!;
        expect(title.localName, s.id).to.equal('h4');
        expect(s.contains(title)).to.equal(true);
      }
      expect(Array.from(root.querySelectorAll('[part~="category-title"]')).map((h) => h.localName)).to.deep.equal(['h5', 'h5', 'h5', 'h5']);
    });

    it('a navigation click scrolls the section into view and moves focus to its heading', async () => {
      const { src } = await publishExact(network, await demoDocument('personaizer'));
      const wrapper = await fixture<HTMLElement>(
        html`<div style="padding-block-end: 300vh"><trust-center src=${src}></trust-center></div>`,
      );
      const el = wrapper.querySelector('trust-center')!;
      await settled(el);
      const root = el.shadowRoot!;
      const link = root.querySelector<HTMLAnchorElement>('nav a[href="#statement-security-incidents"]')!;
      expect(link.textContent).to.equal('Security incidents');
      window.scrollTo(0, 0);
      link.click();
      const heading = root.getElementById('statement-security-incidents-title')!;
      expect(root.activeElement === heading, 'the section heading has focus').to.be.true;
      expect(heading.getAttribute('tabindex')).to.equal('-1');
      expect(location.hash).to.not.contain('statement');
      const top = () => root.getElementById('statement-security-incidents')!.getBoundingClientRect().top;
      for (let i = 0; i < 100 && Math.abs(top() - 16) > 4; i++) await new Promise((r) => setTimeout(r, 30));
      expect(top()).to.be.closeTo(16, 4);
      window.scrollTo(0, 0);
    });
  });

  describe('a long posture', () => {
    // 400 controls and 150 sub-processors: far-off parts are laid out only as they come near.
    const long = (): Partial<PostureDocument> => ({
      categories: Array.from({ length: 4 }, (_, c) => ({
        id: `cat${c}`,
        title: `Category ${c}`,
        controls: Array.from({ length: 100 }, (_, i) => ({
          id: `c${c}-${i}`,
          title: `Control ${c * 100 + i}`,
          status: (['shipped', 'in-progress', 'roadmap'] as const)[i % 3]!,
        })),
      })),
      subprocessors: {
        disclosure: 'public',
        entries: Array.from({ length: 150 }, (_, i) => ({ name: `Provider ${i}`, purpose: 'Hosting' })),
      },
    });

    it('has every control in its text, and the nav lands on a far category, laid out in full', async () => {
      const { src } = await publish(network, long());
      const wrapper = await fixture<HTMLElement>(
        html`<div style="padding-block-end: 100vh"><trust-center src=${src}></trust-center></div>`,
      );
      const el = wrapper.querySelector('trust-center')!;
      await settled(el);
      expect(el.state).to.equal('verified');
      const root = el.shadowRoot!;
      const list = root.querySelector('subprocessor-list')!;
      await settled(list as HTMLElement & { state: string; updateComplete: Promise<boolean> });
      expect(root.querySelectorAll('[part~="control"]').length).to.equal(400);
      expect(squash(root.textContent!)).to.contain('Control 399');
      expect(list.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(150);
      window.scrollTo(0, 0);
      root.querySelector<HTMLAnchorElement>('nav a[href="#category-cat3"]')!.click();
      const target = root.getElementById('category-cat3')!;
      const top = () => target.getBoundingClientRect().top;
      for (let i = 0; i < 100 && Math.abs(top() - 16) > 4; i++) await new Promise((r) => setTimeout(r, 30));
      expect(top()).to.be.closeTo(16, 4);
      // Laid out for real (100 controls are far taller than the 20rem estimate), the last one too.
      expect(target.getBoundingClientRect().height).to.be.above(100 * 20);
      const last = Array.from(target.querySelectorAll('[part~="control-title"]')).pop()!;
      expect(last.textContent).to.equal('Control 399');
      expect(last.getBoundingClientRect().height).to.be.above(0);
      window.scrollTo(0, 0);
    });
  });

  describe('status filter', () => {
    it('shows only the chosen status, says so in categories without a match, and announces the count', async () => {
      const { src } = await publish(network, {
        categories: [
          ...makeDocument().categories!,
          { id: 'data', title: 'Data protection', controls: [{ id: 'enc', title: 'Encryption at rest', status: 'shipped' }] },
        ],
      });
      const el = await center(src);
      const root = el.shadowRoot!;
      const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('[part~="filter-button"]'));
      expect(buttons.map((b) => squash(b.textContent!))).to.deep.equal(['All 3', '✓ Shipped 2', '○ Roadmap 1']);
      expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false']);
      const count = root.querySelector('[part~="filter-count"]')!;
      expect(count.getAttribute('role')).to.equal('status');
      expect(count.textContent).to.equal('Showing 3 of 3 controls');

      buttons[2]!.click();
      await el.updateComplete;
      expect(el.statusFilter).to.equal('roadmap');
      expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false', 'true']);
      expect(count.textContent).to.equal('Showing 1 of 3 controls');
      expect(Array.from(root.querySelectorAll('[part~="control-title"]')).map((c) => c.textContent)).to.deep.equal(['Enterprise SSO']);
      expect(root.querySelector('#category-data [part~="no-match"]')!.textContent).to.equal(EN.noMatch);
      expect(root.activeElement === null || root.activeElement === buttons[2]).to.equal(true);
      await expect(el).to.be.accessible();

      buttons[0]!.click();
      await el.updateComplete;
      expect(root.querySelectorAll('[part~="control"]').length, 'controls').to.equal(3);
    });

    it('takes a preset status-filter, and ignores it when there is no filter to undo it', async () => {
      const { src } = await publish(network);
      const el = await center(src, { 'status-filter': 'shipped' });
      expect(Array.from(el.shadowRoot!.querySelectorAll('[part~="control-title"]')).map((c) => c.textContent)).to.deep.equal([
        'Multi-factor authentication',
      ]);
      const single = await publish(network, {
        categories: [{ id: 'a', title: 'A', controls: [{ id: 'x', title: 'Only shipped', status: 'shipped' }] }],
      });
      const other = await center(single.src, { 'status-filter': 'roadmap' });
      expect(other.shadowRoot!.querySelector('[part~="filter"]')).to.equal(null);
      expect(Array.from(other.shadowRoot!.querySelectorAll('[part~="control-title"]')).map((c) => c.textContent)).to.deep.equal([
        'Only shipped',
      ]);
    });

    it('shows every control with its status as icon and word', async () => {
      const { src } = await publish(network);
      const el = await center(src);
      const statuses = Array.from(el.shadowRoot!.querySelectorAll('[part~="control"] [part~="status"]'));
      expect(statuses.map((s) => squash(s.textContent!))).to.deep.equal(['Roadmap', 'Shipped']);
      // The icon is drawn before the word (a ::before, with empty alternative text for screen readers).
      expect(statuses.map((s) => getComputedStyle(s, '::before').content.slice(0, 3))).to.deep.equal(['"○"', '"✓"']);
    });
  });

  describe('safety', () => {
    it('makes no link from javascript:, http: or data: values, should one ever get past validation', async () => {
      const bad = makeDocument({
        organization: { name: 'Sneaky', url: 'javascript:alert(1)', logo: 'http://sneaky.example/logo.png' },
        certifications: [{ id: 'x', framework: 'X', status: 'certified', report: { access: 'public', url: 'javascript:alert(2)' } }],
        documents: [{ title: 'Doc', access: 'public', url: 'data:text/html,<script>alert(3)</script>' }],
        contacts: [{ role: 'security', url: 'http://sneaky.example/contact', email: 'a@b.example' }],
        links: { statusPage: 'http://status.sneaky.example', other: [{ title: 'Other', url: 'JAVASCRIPT:alert(4)' }] },
        statements: [{ id: 's', title: '<img src=x onerror=alert(5)>', body: [{ type: 'paragraph', text: '<b>not bold</b>' }] }],
      });
      const posture = {
        document: bad,
        issuer: 'https://sneaky.example',
        issued: new Date(),
        expires: new Date(Date.now() + DAY),
        signers: [{ thumbprint: 'test' }],
      } as unknown as VerifiedPosture;
      const host = document.createElement('div');
      const provider = new ContextProvider(host, {
        context: postureContext,
        initialValue: { state: 'verified', posture } as PostureSnapshot,
      });
      await fixture(host);
      provider.hostConnected();
      const el = document.createElement('trust-center');
      host.append(el);
      await settled(el);
      expect(el.state).to.equal('verified');
      for (const href of hrefs(el)) expect(href, href).to.match(/^(https:|mailto:)/);
      expect(hrefs(el)).to.deep.equal(['mailto:a@b.example']);
      expect(deepElements(el, 'img').length, 'images').to.equal(0);
      const text = deepText(el);
      expect(text).to.contain('Sneaky').and.contain('<img src=x onerror=alert(5)>').and.contain('<b>not bold</b>');
      expect(deepElements(el, 'b').length, '<b> elements').to.equal(0);
    });
  });

  describe('context and language', () => {
    it('shares its document with a <control-status> in its default slot', async () => {
      const { src } = await publish(network);
      const el = await fixture<TrustCenterElement>(
        html`<trust-center src=${src}><control-status control="mfa"></control-status></trust-center>`,
      );
      await settled(el);
      const status = el.querySelector('control-status')!;
      await settled(status);
      expect(status.state).to.equal('verified');
      expect(status.assignedSlot !== null, 'the control is assigned to a slot').to.be.true;
      expect(deepText(status)).to.contain('Shipped');
      expect(network.requests.filter((u) => u === src)).to.have.length(1);
    });

    it('speaks the nearest lang and passes its theme to the embedded list', async () => {
      const { src } = await publishExact(network, await demoDocument('personaizer'));
      const wrapper = await fixture<HTMLElement>(html`<div lang="de"><trust-center src=${src} theme="dark"></trust-center></div>`);
      const el = wrapper.querySelector('trust-center')!;
      await settled(el);
      const text = deepText(el);
      expect(text).to.contain('Auf dieser Seite').and.contain('Aufbewahrung von Daten').and.contain('Zuletzt aktualisiert am');
      // The embedded list inherits the scheme (no attribute needed): dark like its trust center.
      expect(getComputedStyle(el.shadowRoot!.querySelector('subprocessor-list')!).colorScheme).to.equal('dark');
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
    });
  });

  describe('documentation', () => {
    it('uses every --trust-center-* custom property it documents', async () => {
      // The test server strips comments from .ts modules, so the documented names are listed here; the styles module arrives as text.
      const documented = [
        '--trust-center-max-width',
        '--trust-center-nav-width',
        '--trust-center-sticky-top',
        '--trust-center-loading-height',
      ];
      const styles = await (await realFetch('/src/elements/trust-center/trust-center.styles.ts')).text();
      for (const prop of documented) expect(styles, prop).to.contain(`var(${prop}`);
    });
  });
});
