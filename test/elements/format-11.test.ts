/**
 * Format 1.1 as a visitor sees it: each structured fact of the real pages in its structured place
 * (a column that sorts and filters, a group, a mark, a fact beside a control), columns only when
 * some row fills them, the document's section order, rich text as DOM nodes, and dates by month
 * or none.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../src/define/all.js';
import type { PostureDocument } from '../../src/core/index.js';
import { installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';

/** The page's own fetch: the fake network answers only the posture URLs. */
const realFetch = globalThis.fetch.bind(globalThis);

type Loaded = HTMLElement & { state: string; updateComplete: Promise<boolean>; src: string };
const DAY = 86_400_000;

async function demo(name: string): Promise<Partial<PostureDocument>> {
  const doc = (await (await realFetch(`/demo/documents/${name}.json`)).json()) as PostureDocument;
  const now = Date.now();
  // Published for a test origin, valid from yesterday: the issuer and dates are the test's.
  const { issuer: _issuer, ...rest } = doc;
  return { ...rest, issued: new Date(now - DAY).toISOString(), expires: new Date(now + 30 * DAY).toISOString() };
}

async function show(tag: string, network: FakeNetwork, doc: Partial<PostureDocument>): Promise<Loaded> {
  const { src } = await publish(network, doc);
  const el = document.createElement(tag) as Loaded;
  el.setAttribute('lang', 'en');
  el.src = src;
  await fixture(el);
  await settled(el);
  expect(el.state).to.equal('verified');
  return el;
}

const all = (el: Element, selector: string) => Array.from(el.shadowRoot!.querySelectorAll(selector));
/** Text as read: every text node, a space between them (a term and its value are separate words). */
function read(node: Node): string {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  while (walker.nextNode()) parts.push(walker.currentNode.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
const texts = (el: Element, selector: string) => all(el, selector).map(read);
const rowNames = (el: Element) => texts(el, 'tbody th[part~="name"]').map((t) => t.replace(/ (New|Optional)\b.*$/, ''));

async function filter(el: Loaded, query: string) {
  const input = el.shadowRoot!.querySelector('input[part~="filter-input"]') as HTMLInputElement;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('format 1.1 in the elements', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  describe('<subprocessor-list>', () => {
    it('cucinovo: a legal-entity column (some rows have a seat), sortable; optional entries marked; their condition filterable', async () => {
      const el = await show('subprocessor-list', network, await demo('cucinovo-subprocessors'));
      expect(texts(el, 'thead th')).to.deep.equal(['Sub-processor ↕', 'Legal entity ↕', 'Purpose ↕', 'Location ↕', 'Transfer safeguard']);
      expect(all(el, 'tbody tr').length).to.equal(9);
      expect(texts(el, '[part~="optional-badge"]')).to.deep.equal(['Optional', 'Optional']);
      expect(all(el, 'tr.is-optional').map((r) => r.querySelector('th')!.textContent!.trim().split(' ')[0])).to.deep.equal([
        'PostHog',
        'Google',
      ]);
      expect(texts(el, '[part~="notice"]')[0]).to.contain('30').and.contain('Notice is given for additions.');
      // Sorting by the new column: Hetzner's seat (Germany) before the USA.
      (all(el, 'thead th.entity button')[0] as HTMLButtonElement).click();
      await el.updateComplete;
      expect(rowNames(el)[0]).to.equal('Hetzner Online GmbH');
      await filter(el, 'consent');
      expect(rowNames(el)).to.deep.equal(['PostHog']);
    });

    it('velluto: groups as headed tables with their rows; the filter keeps only groups with a match', async () => {
      const el = await show('subprocessor-list', network, await demo('velluto-subprocessors'));
      expect(texts(el, '[part~="group-title"]')).to.deep.equal(['Infrastructure', 'Payments']);
      const tables = all(el, '[part~="group"] table');
      expect(tables.map((t) => t.querySelectorAll('tbody tr').length)).to.deep.equal([4, 2]);
      // A list in the visitor's language (Intl.ListFormat), not words joined by commas.
      expect(texts(el, '[part~="notice"]')[0]).to.contain('Notice is given for additions and changes.').and.contain('Subscribe');
      expect(all(el, '[part~="notice"] a').map((a) => (a as HTMLAnchorElement).href)).to.include(
        'https://velluto.io/subprocessors-subscribe',
      );
      await filter(el, 'crypto');
      expect(texts(el, '[part~="group-title"]')).to.deep.equal(['Payments']);
      expect(rowNames(el)).to.deep.equal(['CryptoCloud']);
    });

    it('velluto in Arabic: the kinds of change noticed as an Arabic list ("و", not a Latin comma)', async () => {
      const el = await show('subprocessor-list', network, await demo('velluto-subprocessors'));
      el.setAttribute('lang', 'ar');
      await waitUntil(() => texts(el, '[part~="notice"]')[0]?.includes('الإضافة'), 'the Arabic words arrive');
      expect(texts(el, '[part~="notice"]')[0]).to.contain('في حالات الإضافة والتغيير.').and.not.contain(',');
    });

    it('no column full of "Not stated"; a list-level safeguard is not contradicted by a row without one', async () => {
      const entries = [
        { name: 'Alpha', purpose: 'Hosting' },
        { name: 'Beta', purpose: 'E-mail' },
      ];
      const none = await show('subprocessor-list', network, { subprocessors: { disclosure: 'public', entries } });
      expect(texts(none, 'thead th')).to.deep.equal(['Sub-processor ↕', 'Purpose ↕', 'Location ↕']);
      none.remove();
      const mixed = await show('subprocessor-list', network, {
        subprocessors: {
          disclosure: 'public',
          safeguards: 'Standard Contractual Clauses for every transfer.',
          entries: [{ ...entries[0]!, safeguard: 'EU only' }, entries[1]!],
        },
      });
      expect(texts(mixed, 'td.safeguard')).to.deep.equal(['EU only', 'As for the whole list']);
    });
  });

  describe('<trust-center>', () => {
    it('invoicepass: availability and last-performed dates with controls; kind and report type with certifications; no date made up', async () => {
      const el = await show('trust-center', network, await demo('invoicepass-security'));
      const control = (title: string) => texts(el, '[part~="control"]').find((t) => t.startsWith(title)) ?? '';
      expect(control('Audit log export')).to.contain('Available on Operation tier');
      expect(control('Third-party penetration test'))
        .to.contain('Recurring Quarterly, Third party')
        .and.contain('Last performed February 2026');
      expect(control('Cross-region backups')).to.contain('Last performed Mar 18, 2026');
      const soc2 = texts(el, '[part~="certification"]').find((t) => t.startsWith('SOC 2'))!;
      expect(soc2).to.contain('Kind Attestation').and.contain('Report type Type II');
      expect(texts(el, '[part~="certification"]').find((t) => t.startsWith('GDPR'))).to.contain('Alignment (no certificate)');
      expect(texts(el, '[part~="seal"]')[0]!.toLowerCase()).to.not.contain('updated');
      expect(texts(el, '[part~="footer"]')[0]).to.not.contain('Last updated');
      expect(all(el, 'em').map((e) => e.textContent)).to.deep.equal(['within 72 hours']);
    });

    it('a certified period that has ended is never shown as current', async () => {
      const el = await show('trust-center', network, {
        version: '1.1',
        certifications: [
          {
            id: 'iso',
            framework: 'ISO/IEC 27001',
            kind: 'certification',
            status: 'certified',
            period: { from: '2022-01-01', to: '2025-01-01' },
          },
        ],
      });
      const card = texts(el, '[part~="certification"]')[0]!;
      expect(card).to.not.contain('✓ Certified');
      expect(card).to.contain('Kind Certification');
    });

    it('follows the document’s order: statements among the typed sections', async () => {
      const el = await show('trust-center', network, {
        version: '1.1',
        statements: [
          { id: 'ai', title: 'AI', body: [{ type: 'paragraph', text: 'No training on your data.' }] },
          { id: 'cookies', title: 'Cookies', body: [{ type: 'paragraph', text: 'Only essential cookies.' }] },
        ],
        faq: [{ question: 'Where?', answer: [{ type: 'paragraph', text: 'EU.' }] }],
        order: ['statement:cookies', 'faq', 'categories', 'statement:ai'],
      });
      expect(all(el, 'section.section').map((s) => s.id)).to.deep.equal(['statement-cookies', 'faq', 'controls', 'statement-ai']);
    });

    it('matomo: the privacy section (controller and address, roles, legal bases); the intro link as a safe DOM link', async () => {
      const el = await show('trust-center', network, await demo('matomo-cloud-privacy'));
      const privacy = texts(el, '#privacy')[0]!;
      expect(privacy).to.contain('Controller').and.contain('7 Waterloo Quay PO625, 6140 Wellington, New Zealand');
      expect(privacy)
        .to.match(/Account Data ?: Controller/)
        .and.match(/Customer Personal Data ?: Processor/);
      expect(privacy)
        .to.match(/Contract ?: Servers/)
        .and.match(/Legitimate interests ?: CDN/);
      const link = all(el, '[part~="introduction"] a')[0] as HTMLAnchorElement;
      expect([link.href, link.rel, link.textContent]).to.deep.equal([
        'https://matomo.org/privacy-policy/',
        'noopener noreferrer',
        'their own privacy policy',
      ]);
      const list = el.shadowRoot!.querySelector('subprocessor-list') as Loaded;
      await settled(list);
      expect(texts(list, 'td.entity')[0]).to.contain('Amazon Web Services EMEA SARL').and.contain('Luxembourg');
      expect(texts(list, '[part~="optional-badge"]')).to.deep.equal(['Optional']);
    });

    it('fields of a newer minor version make no section, even named like an object’s own members (toString …)', async () => {
      const unknown = { toString: { title: 'x' }, valueOf: [1], hasOwnProperty: 'x' } as Partial<PostureDocument>;
      const el = await show('trust-center', network, {
        version: '1.9',
        ...unknown,
        faq: [{ question: 'Where?', answer: [{ type: 'paragraph', text: 'EU.' }] }],
      });
      expect(el.getAttribute('state')).to.equal('verified');
      expect(all(el, 'section.section').map((s) => s.id)).to.deep.equal(['controls', 'faq']);
    });

    it('a month-only "updated" reads as the month', async () => {
      const el = await show('trust-center', network, { version: '1.1', updated: '2026-08' });
      expect(texts(el, '[part~="seal"]')[0]).to.contain('updated August 2026');
    });
  });

  it('<control-status>: the tooltip says the availability and when a recurring activity was last performed', async () => {
    const { src } = await publish(network, await demo('invoicepass-security'));
    const el = document.createElement('control-status') as Loaded;
    el.setAttribute('lang', 'en');
    el.setAttribute('control', 'pentest');
    el.src = src;
    await fixture(el);
    await settled(el);
    expect(texts(el, '.tooltip')[0]).to.contain('Last performed: February 2026');
    // The words are <control-status>'s own (its table in the language files), in every language.
    el.setAttribute('lang', 'de');
    await settled(el);
    expect(texts(el, '.tooltip')[0]).to.contain('Zuletzt durchgeführt: Februar 2026');
  });
});
