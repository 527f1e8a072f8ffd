/**
 * The elements in every language (issue 17): each element in each language file shows no English
 * left and its words fit; plurals and dates by Intl; de-AT → de, pt-BR → pt, anything else English
 * with no request; one request per language per page; a `lang` change re-renders; a changed
 * (tampered) language file is refused by its built-in SHA-384 and English shown, state unchanged;
 * right-to-left languages lay out mirrored.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/all.js';
import { setLanguageBase } from '../../src/elements/i18n.js';
import { LANGUAGE_FILES } from '../../src/elements/i18n/integrity.js';
import { COMMON_WORDS } from '../../src/elements/words.js';
import { BADGE_WORDS } from '../../src/elements/trust-badge/trust-badge.words.js';
import { CENTER_WORDS } from '../../src/elements/trust-center/trust-center.words.js';
import { SUBPROCESSOR_WORDS } from '../../src/elements/subprocessor-list/subprocessor-list.words.js';
import { CONTROL_WORDS } from '../../src/elements/control-status/control-status.words.js';
import type { PostureDocument } from '../../src/core/index.js';
import { installNetwork, publish, settled, tamper, type FakeNetwork } from '../fixtures/network.js';

type Settling = HTMLElement & { state: string; updateComplete: Promise<boolean> };
const LANGUAGES = Object.keys(LANGUAGE_FILES);
const realFetch = globalThis.fetch.bind(globalThis);

/** Every English phrase of two words or more, with no placeholder: what would show if a word were missing. */
function englishPhrases(): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (/\s/.test(value) && !/\{\w+\}/.test(value)) out.push(value);
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  [COMMON_WORDS, BADGE_WORDS, CENTER_WORDS, SUBPROCESSOR_WORDS, CONTROL_WORDS].forEach(walk);
  return out;
}

/** Every text node under `root`, through nested shadow roots, whitespace collapsed. */
function deepText(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE && node.parentElement?.localName !== 'style') parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

async function demoDocument(): Promise<PostureDocument> {
  return (await (await realFetch('/demo/documents/personaizer.json')).json()) as PostureDocument;
}

/** Every trust element for `src` in `<div lang=…>`, settled (and its words in). */
async function everyElement(src: string, lang: string): Promise<{ wrapper: HTMLElement; elements: Settling[] }> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} style="width: 60rem">
    <trust-badge src=${src}></trust-badge>
    <control-status src=${src}></control-status>
    <control-status src=${src} category="identity"></control-status>
    <control-status src=${src} control="mfa"></control-status>
    <subprocessor-list src=${src}></subprocessor-list>
    <trust-center src=${src}></trust-center>
  </div>`);
  const elements = Array.from(wrapper.children) as Settling[];
  for (const el of elements) await settled(el);
  // The list inside the trust center has its own words to wait for.
  for (const el of elements) for (const inner of el.shadowRoot!.querySelectorAll<Settling>('subprocessor-list')) await settled(inner);
  return { wrapper, elements };
}

/** Stores `body` under the test server's fixture folder `dir`. */
async function put(dir: string, name: string, body: string) {
  const response = await realFetch(`/__fixtures/${dir}/${name}`, { method: 'PUT', body, headers: { 'content-type': 'application/json' } });
  expect(response.status).to.equal(204);
}

/** A copy of the built language files under a fresh fixture folder (changed by `edit`); returns the folder's URL. */
async function languageFolder(languages: string[], edit: (text: string) => string = (t) => t): Promise<string> {
  const dir = `i18n-${Math.random().toString(36).slice(2)}`;
  for (const language of languages)
    await put(dir, `${language}.json`, edit(await (await realFetch(`/src/elements/i18n/${language}.json`)).text()));
  // The PUTs above are requests too, recorded a little later by some engines: only the elements' own are counted.
  const base = new URL(`/__fixtures/${dir}/`, location.href).href;
  for (let i = 0; i < 100 && performance.getEntriesByType('resource').filter((e) => e.name.startsWith(base)).length < languages.length; i++)
    await new Promise((r) => setTimeout(r, 10));
  performance.clearResourceTimings();
  return base;
}

/** How many times the page fetched `url` (the browser's own record of requests). */
const requestsFor = (url: string) => performance.getEntriesByType('resource').filter((e) => e.name === url).length;

describe('languages', () => {
  let network: FakeNetwork;
  let warnings: string[];
  const warn = console.warn;
  beforeEach(() => {
    network = installNetwork();
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    network.restore();
    console.warn = warn;
    setLanguageBase(undefined);
  });

  for (const lang of LANGUAGES) {
    it(`every element speaks ${lang}: no English phrase left, words inside the badge`, async () => {
      // The demo's document, with this test's origin and dates.
      const { issuer: _issuer, issued: _issued, expires: _expires, ...doc } = await demoDocument();
      const { src } = await publish(network, doc);
      const { elements } = await everyElement(src, lang);
      expect(elements.map((e) => e.state)).to.deep.equal(elements.map(() => 'verified'));
      // A file marked partial shows English for what it lacks (README: Languages).
      const partial = ((await (await realFetch(`/src/elements/i18n/${lang}.json`)).json()) as { $partial?: boolean }).$partial === true;
      const english = partial ? [] : englishPhrases().filter((phrase) => !JSON.stringify(doc).includes(phrase));
      for (const el of elements) {
        const text = deepText(el.shadowRoot!);
        expect(
          english.filter((phrase) => text.includes(phrase)),
          `<${el.localName}> in ${lang}`,
        ).to.deep.equal([]);
      }
      const badge = elements[0]!.shadowRoot!.querySelector('[part="badge"]')!;
      for (const line of badge.querySelectorAll('.line'))
        expect(line.scrollWidth, `${lang}: ${line.textContent}`).to.be.at.most(line.clientWidth + 1);
      expect(warnings).to.deep.equal([]);
    });
  }

  it('counts with each language’s plural rules: 1 and 2 sub-processors in German, 1, 2 and 5 controls in Polish', async () => {
    const entry = (name: string) => ({ name, purpose: 'Hosting' });
    const one = await publish(network, { subprocessors: { disclosure: 'public', entries: [entry('A')] } });
    const two = await publish(network, { subprocessors: { disclosure: 'public', entries: [entry('A'), entry('B')] } });
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="de"><subprocessor-list src=${one.src}></subprocessor-list><subprocessor-list src=${two.src}></subprocessor-list></div>`,
    );
    const lists = Array.from(wrapper.children) as Settling[];
    for (const el of lists) await settled(el);
    const counts = lists.map((el) => el.shadowRoot!.querySelector('[part="count"]')!.textContent!.trim());
    expect(counts).to.deep.equal(['1 von 1 Unterauftragsverarbeiter', '2 von 2 Unterauftragsverarbeitern']);

    const control = (id: string, status: 'shipped' | 'in-progress' | 'roadmap') => ({ id, title: id, status });
    const { src } = await publish(network, {
      categories: [
        {
          id: 'all',
          title: 'All',
          controls: [
            control('a', 'shipped'),
            control('b', 'in-progress'),
            control('c', 'in-progress'),
            ...['d', 'e', 'f', 'g', 'h'].map((id) => control(id, 'roadmap')),
          ],
        },
      ],
    });
    const summary = await fixture<Settling>(html`<control-status lang="pl" src=${src}></control-status>`);
    await settled(summary);
    const titles = Array.from(summary.shadowRoot!.querySelectorAll('[part="title"]')).map((t) => t.textContent!.trim());
    expect(titles).to.deep.equal(['1 zabezpieczenie', '2 zabezpieczenia', '5 zabezpieczeń']);
  });

  it('puts the counted noun after the number that chooses its plural: 1 of 2 in Italian is "1 su 2 misure", not "1 misure su 2"', async () => {
    // The form is chosen by {n}; the Italian templates had the noun after {shipped} and {shown}.
    const { src } = await publish(network);
    const entry = (name: string) => ({ name, purpose: 'Hosting' });
    const list = await publish(network, { subprocessors: { disclosure: 'public', entries: [entry('Alpha'), entry('Beta')] } });
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="it"><trust-badge src=${src}></trust-badge><subprocessor-list src=${list.src}></subprocessor-list></div>`,
    );
    const [badge, sub] = Array.from(wrapper.children) as Settling[];
    await settled(badge!);
    await settled(sub!);
    const input = sub!.shadowRoot!.querySelector('input')!;
    input.value = 'alpha';
    input.dispatchEvent(new Event('input'));
    await sub!.updateComplete;
    expect([
      badge!.shadowRoot!.querySelector('[part="summary"]')!.textContent!,
      sub!.shadowRoot!.querySelector('[part="count"]')!.textContent!.trim(),
    ]).to.deep.equal(['Verificato · 1 su 2 misure attive', '1 su 2 sub-responsabili']);
  });

  it('writes dates the way the language does: Japanese', async () => {
    const { src } = await publish(network, { updated: '2026-05-24' });
    const el = await fixture<Settling>(html`<trust-center lang="ja" src=${src}></trust-center>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part="seal"]')!.textContent).to.contain('2026/05/24 更新');
  });

  it('de-AT speaks German, pt-BR Portuguese, and a language without words English, fetching nothing for it', async () => {
    const { src } = await publish(network);
    const base = await languageFolder(['de', 'pt']);
    setLanguageBase(base);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <trust-badge lang="de-AT" src=${src}></trust-badge><trust-badge lang="pt-BR" src=${src}></trust-badge
      ><trust-badge lang="sv" src=${src}></trust-badge>
    </div>`);
    const badges = Array.from(wrapper.querySelectorAll<Settling>('trust-badge'));
    for (const el of badges) await settled(el);
    const summaries = badges.map((el) => el.shadowRoot!.querySelector('[part="summary"]')!.textContent!);
    expect(summaries[0]).to.match(/^Verifiziert · 1 von 2 Maßnahmen umgesetzt/);
    expect(summaries[1]).to.match(/^Verificado · 1 de 2 medidas implementadas/);
    expect(summaries[2]).to.match(/^Verified · 1 of 2 controls shipped/);
    expect(
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.startsWith(base))
        .map((e) => e.name.slice(base.length)),
    ).to.have.members(['de.json', 'pt.json']);
  });

  it('fetches each language once per page, whatever the number of elements speaking it', async () => {
    const { src } = await publish(network);
    const base = await languageFolder(['it', 'nl']);
    setLanguageBase(base);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <div lang="it">
        <trust-badge src=${src}></trust-badge><control-status src=${src}></control-status><trust-center src=${src}></trust-center>
      </div>
      <div lang="nl"><trust-badge src=${src}></trust-badge><subprocessor-list src=${src}></subprocessor-list></div>
      <trust-badge lang="it-CH" src=${src}></trust-badge>
    </div>`);
    for (const el of wrapper.querySelectorAll<Settling>('trust-badge, control-status, trust-center, subprocessor-list')) await settled(el);
    expect(wrapper.querySelector('trust-badge')!.shadowRoot!.textContent).to.contain('Verificato');
    expect([requestsFor(`${base}it.json`), requestsFor(`${base}nl.json`)]).to.deep.equal([1, 1]);
  });

  it('re-renders when the page changes lang', async () => {
    const { src } = await publish(network);
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><trust-badge src=${src}></trust-badge></div>`);
    const badge = wrapper.querySelector<Settling>('trust-badge')!;
    await settled(badge);
    const summary = () => badge.shadowRoot!.querySelector('[part="summary"]')!.textContent!;
    expect(summary()).to.match(/^Verified/);
    wrapper.setAttribute('lang', 'fr');
    for (let i = 0; i < 100 && !summary().startsWith('Vérifié'); i++) await new Promise((r) => setTimeout(r, 20));
    await badge.updateComplete;
    expect(summary()).to.match(/^Vérifié · 1 sur 2 mesures en place/);
  });

  it('refuses a changed language file ("Verifiziert" for "Nicht verifiziert") and shows English, the state unchanged, with one warning', async () => {
    const genuine = await languageFolder(['de']);
    const changed = await languageFolder(['de'], (text) =>
      text.replace('"notVerified": "Nicht verifiziert"', '"notVerified": "Verifiziert"'),
    );
    expect(genuine).to.not.equal(changed);

    // The genuine copy is accepted: the fixture folder serves the built bytes.
    setLanguageBase(genuine);
    const good = await publish(network);
    const accepted = await fixture<Settling>(html`<trust-badge lang="de" src=${good.src}></trust-badge>`);
    await settled(accepted);
    expect(accepted.shadowRoot!.textContent).to.contain('Verifiziert');

    setLanguageBase(changed);
    const bad = await publish(network, {}, { text: tamper });
    const wrapper = await fixture<HTMLElement>(html`<div lang="de">
      <trust-badge src=${bad.src}></trust-badge><control-status src=${bad.src} control="mfa"></control-status>
      <trust-badge src=${good.src}></trust-badge>
    </div>`);
    const [badBadge, badControl, goodBadge] = Array.from(wrapper.children) as Settling[];
    for (const el of [badBadge!, badControl!, goodBadge!]) await settled(el);
    expect([badBadge!.state, badControl!.state, goodBadge!.state]).to.deep.equal(['unverified', 'unverified', 'verified']);
    expect(badBadge!.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal('Not verified');
    expect(badControl!.shadowRoot!.textContent).to.contain('Not verified').and.not.contain('Verifiziert');
    expect(goodBadge!.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.match(/^Verified · /);
    expect(warnings.length, warnings.join('\n')).to.equal(1);
    expect(warnings[0]).to.contain(`${changed}de.json`).and.contain('English');
  });

  it('shows English, with one warning, when a language file is missing', async () => {
    const { src } = await publish(network);
    const empty = await languageFolder([]);
    setLanguageBase(empty);
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es"><trust-badge src=${src}></trust-badge><trust-badge src=${src}></trust-badge></div>`,
    );
    const badges = Array.from(wrapper.children) as Settling[];
    for (const el of badges) await settled(el);
    expect(badges.map((el) => [el.state, el.shadowRoot!.querySelector('[part="summary"]')!.textContent])).to.deep.equal([
      ['verified', 'Verified · 1 of 2 controls shipped'],
      ['verified', 'Verified · 1 of 2 controls shipped'],
    ]);
    expect(warnings.length, warnings.join('\n')).to.equal(1);
  });

  for (const lang of ['ar', 'he']) {
    it(`lays out right to left in ${lang}: the badge's mark at the inline start (right), the table from the right`, async () => {
      const { src } = await publish(network, {
        introduction: [{ type: 'paragraph', text: 'How we keep your data safe.' }],
        subprocessors: {
          disclosure: 'public',
          entries: [{ name: 'Zeta', purpose: 'Hosting', locations: [{ name: 'Frankfurt', country: 'DE' }] }],
        },
      });
      const wrapper = await fixture<HTMLElement>(
        html`<div lang=${lang}><trust-badge src=${src}></trust-badge><subprocessor-list src=${src}></subprocessor-list></div>`,
      );
      const [badge, list] = Array.from(wrapper.children) as Settling[];
      await settled(badge!);
      await settled(list!);
      const rect = (root: Element, selector: string) => root.shadowRoot!.querySelector(selector)!.getBoundingClientRect();
      expect(getComputedStyle(badge!).direction).to.equal('rtl');
      expect(rect(badge!, '[part="mark"]').left, 'mark right of the name').to.be.greaterThan(rect(badge!, '[part="name"]').right);
      const cells = Array.from(list!.shadowRoot!.querySelectorAll('tbody tr > *')).map((c) => c.getBoundingClientRect());
      expect(cells.length).to.be.greaterThan(1);
      expect(cells[0]!.left, 'the first column on the right').to.be.greaterThan(cells[1]!.left);
      // The document's own (English) text keeps its direction inside the right-to-left element.
      const center = await fixture<Settling>(html`<trust-center lang=${lang} src=${src}></trust-center>`);
      await settled(center);
      const intro = center.shadowRoot!.querySelector('[part="introduction"] p')!;
      expect([getComputedStyle(center).direction, getComputedStyle(intro).direction]).to.deep.equal(['rtl', 'ltr']);
      // A page that sets dir itself decides.
      badge!.setAttribute('dir', 'ltr');
      expect(getComputedStyle(badge!).direction).to.equal('ltr');
    });
  }

  /** Where `part` of the text `whole` is drawn, in the first text node under `root` that holds `whole`. */
  const at = (root: ShadowRoot, whole: string, part: string) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent!.indexOf(whole);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i + whole.indexOf(part));
      range.setEnd(node, i + whole.indexOf(part) + part.length);
      return range.getBoundingClientRect();
    }
    throw new Error(`"${whole}" is not shown`);
  };
  /** Whether `first` is drawn left of `then` within `whole`. */
  const order = (root: ShadowRoot, whole: string, first: string, then: string) => at(root, whole, first).left < at(root, whole, then).left;

  // As an element with lang="ar" on any page, on an Arabic site (<html lang="ar" dir="rtl">, here a
  // wrapper), and on an Urdu site: right to left by its dir alone, in English words (no Urdu file).
  for (const page of ['lang', 'site', 'dir'] as const) {
    it(`reads the document's own English text left to right on a right-to-left page (${page}): a period at the end, 30 before days`, async () => {
      // Seen on the demo in Arabic: "days 30", and the residency summary's period at its left end; then on
      // a real list (velluto.io) ".Cloudflare, Inc" and "CryptoCloud (Trybit) .Ltd" in the legal entity column.
      const { src } = await publish(network, {
        version: '1.1',
        residency: { summary: 'All data stays in the EU.' },
        retention: [{ data: 'Access logs.', period: '30 days' }],
        categories: [{ id: 'ops', title: 'Operations', controls: [{ id: 'backups', title: 'Backups, daily.', status: 'shipped' }] }],
        certifications: [{ id: 'soc2', framework: 'SOC 2', status: 'certified', description: 'Audited every year.' }],
        changelog: [{ date: '2026-05-01', type: 'subprocessor-changed', summary: 'Retention shortened.' }],
        subprocessors: {
          disclosure: 'public',
          safeguards: 'We rely on Standard Contractual Clauses.',
          groups: [{ id: 'infra', title: 'Hosting, storage.' }],
          entries: [
            {
              name: 'Zeta',
              legalName: 'Cloudflare, Inc.',
              purpose: 'Hosting, backups.',
              group: 'infra',
              locations: [{ name: 'Frankfurt', country: 'DE' }],
            },
          ],
        },
      });
      const center =
        page === 'lang'
          ? await fixture<Settling>(html`<trust-center lang="ar" src=${src}></trust-center>`)
          : (
              await fixture<HTMLElement>(
                page === 'site'
                  ? html`<div lang="ar" dir="rtl"><trust-center src=${src}></trust-center></div>`
                  : html`<div lang="ur" dir="rtl"><trust-center src=${src}></trust-center></div>`,
              )
            ).querySelector<Settling>('trust-center')!;
      await settled(center);
      expect(getComputedStyle(center).direction).to.equal('rtl');
      const list = center.shadowRoot!.querySelector('subprocessor-list') as Settling;
      await settled(list);
      expect([
        order(center.shadowRoot!, 'All data stays in the EU.', 'All', '.'),
        order(center.shadowRoot!, '30 days', '30', 'days'),
        order(center.shadowRoot!, 'Access logs.', 'Access', '.'),
        order(center.shadowRoot!, 'Backups, daily.', 'Backups', '.'),
        order(list.shadowRoot!, 'We rely on Standard Contractual Clauses.', 'We', '.'),
        order(list.shadowRoot!, 'Cloudflare, Inc.', 'Cloudflare', '.'),
        order(list.shadowRoot!, 'Hosting, backups.', 'Hosting', '.'),
        // Paragraphs and headings without dir="auto": a certification's description, a change's
        // summary, a sub-processor group's title (a role="heading").
        order(center.shadowRoot!, 'Audited every year.', 'Audited', '.'),
        order(center.shadowRoot!, 'Retention shortened.', 'Retention', '.'),
        order(list.shadowRoot!, 'Hosting, storage.', 'Hosting', '.'),
      ]).to.deep.equal(Array(10).fill(true));
      // Still aligned as the page reads: the cell's text ends at its cell's right side, under its heading.
      const gap = (whole: string) => {
        const td = Array.from(list.shadowRoot!.querySelectorAll('td')).find((c) => c.textContent!.includes(whole))!;
        return td.getBoundingClientRect().right - parseFloat(getComputedStyle(td).paddingRight) - at(list.shadowRoot!, whole, whole).right;
      };
      expect([gap('Cloudflare, Inc.'), gap('Hosting, backups.')].map((g) => Math.abs(g) < 2)).to.deep.equal([true, true]);
    });
  }

  it("the badge reads the organization's own name in its own direction on an Arabic page, aligned as the page reads", async () => {
    const { src } = await publish(network, { organization: { name: 'Acme, Inc.', url: 'https://acme.example' } });
    const badge = await fixture<Settling>(html`<trust-badge lang="ar" src=${src}></trust-badge>`);
    await settled(badge);
    const root = badge.shadowRoot!;
    const line = root.querySelector('[part="name"]')!.getBoundingClientRect();
    expect(order(root, 'Acme, Inc.', 'Acme', '.'), 'the period at the end').to.equal(true);
    expect(Math.abs(line.right - at(root, 'Acme, Inc.', 'Acme, Inc.').right), 'at the right, as Arabic lines start').to.be.lessThan(2);
  });

  it("reads a document's Arabic text right to left on an English page: its period at its left end", async () => {
    const purpose = 'استضافة الخوادم.';
    const { src } = await publish(network, {
      subprocessors: { disclosure: 'public', entries: [{ name: 'زيتا', purpose, locations: [{ name: 'Frankfurt', country: 'DE' }] }] },
    });
    const list = await fixture<Settling>(html`<subprocessor-list lang="en" src=${src}></subprocessor-list>`);
    await settled(list);
    expect(order(list.shadowRoot!, purpose, '.', 'استضافة'), 'the period left of the first word').to.equal(true);
  });
});
