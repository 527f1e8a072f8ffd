/**
 * <subprocessor-list>: every state, the table a screen reader can read, sorting and filtering,
 * the "New" mark, upcoming changes apart from the list, the NDA case, links only from https:,
 * the shared document through context, and both seed documents with every fact visible.
 */
import { ContextProvider } from '@lit/context';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html as litHtml } from 'lit';
import '../../src/define/subprocessor-list.js';
import type { SubprocessorListElement } from '../../src/define/subprocessor-list.js';
import type { PostureDocument, VerifiedPosture } from '../../src/core/index.js';
import { postureContext } from '../../src/elements/context.js';
import { define } from '../../src/elements/define.js';
import { PostureBlockElement } from '../../src/elements/posture-block-element.js';
import { installNetwork, jsonResponse, publish, settled, tamper, type FakeNetwork } from '../fixtures/network.js';
import { makeDocument, signedRaw } from '../fixtures/posture.js';

/** A test-only posture element that hosts children in a slot, to provide its document to them. */
class SlotHostElement extends PostureBlockElement {
  protected override renderPosture(posture: VerifiedPosture) {
    return litHtml`<p>${posture.document.organization.name}</p><slot></slot>`;
  }
}
define('test-subprocessor-host', SlotHostElement);

const DAY = 86_400_000;
/** `YYYY-MM-DD`, `offset` days from today. */
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

type Subprocessors = NonNullable<PostureDocument['subprocessors']>;

const NAMES = ['Zeta Hosting', 'Alpha Mail', 'Mid Analytics', 'Beta Support'];

const list = (): Subprocessors => ({
  disclosure: 'public',
  safeguards: 'Transfers outside the EEA rely on Standard Contractual Clauses.',
  noticeDays: 30,
  entries: [
    {
      name: 'Zeta Hosting',
      purpose: 'Infrastructure',
      locations: [{ name: 'Frankfurt', country: 'DE' }],
      url: 'https://zeta.example/',
      since: day(-10),
    },
    {
      name: 'Alpha Mail',
      purpose: 'Transactional email',
      category: 'Communication',
      services: ['SMTP relay', 'Bounce handling'],
      data: ['Email addresses'],
      locations: [{ name: 'United States', country: 'US' }],
      safeguard: 'Standard Contractual Clauses',
      since: day(-400),
    },
    { name: 'Mid Analytics', purpose: 'Product analytics', locations: [{ name: 'Ireland', country: 'IE' }], since: day(-200) },
    { name: 'Beta Support', purpose: 'Customer support' },
  ],
});

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ');
const rows = (el: Element) => Array.from(root(el).querySelectorAll('tbody tr'));
/** The entry names in the order the table shows them. */
const rowNames = (el: Element, names = NAMES) => rows(el).map((tr) => names.find((n) => tr.querySelector('th')!.textContent!.includes(n)));
const header = (el: Element, label: string) =>
  Array.from(root(el).querySelectorAll('thead th')).find((th) => th.textContent!.includes(label))!;
const count = (el: Element) => root(el).querySelector('[part="count"]')!.textContent!.trim();

async function show(src: string): Promise<SubprocessorListElement> {
  const el = await fixture<SubprocessorListElement>(html`<subprocessor-list src=${src}></subprocessor-list>`);
  await settled(el);
  return el;
}

async function filter(el: SubprocessorListElement, value: string) {
  const input = root(el).querySelector('input')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

describe('<subprocessor-list>', () => {
  let network: FakeNetwork;
  const seeds: Record<string, PostureDocument> = {};

  before(async () => {
    for (const name of ['personaizer', 'personalityai']) seeds[name] = await (await fetch(`/demo/documents/${name}.json`)).json();
  });
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  describe('states', () => {
    it('reserves space while loading, then shows a real table of the verified entries with its seal', async () => {
      let release!: () => void;
      const { src } = await publish(network, { subprocessors: list() }, { delay: new Promise<void>((r) => (release = r)) });
      const el = await fixture<SubprocessorListElement>(html`<subprocessor-list src=${src}></subprocessor-list>`);
      expect(el.state).to.equal('loading');
      expect(root(el).querySelector('[part="loading"]')).to.exist;
      expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
      const loaded = oneEvent(el, 'trust-load');
      release();
      await settled(el);
      expect((await loaded).detail.expired).to.equal(false);
      expect(el.getAttribute('state')).to.equal('verified');

      const table = root(el).querySelector('table')!;
      expect(table.querySelector('caption')!.textContent).to.equal('Vendor Example sub-processors');
      const headers = Array.from(table.querySelectorAll('thead th'));
      expect(headers.map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col', 'col']);
      expect(headers.map((th) => th.textContent!.replace(/[▲▼↕]/g, '').trim())).to.deep.equal([
        'Sub-processor',
        'Purpose',
        'Location',
        'Transfer safeguard',
      ]);
      expect(rows(el).length, 'table rows').to.equal(4);
      expect(rows(el).map((tr) => tr.querySelector('th')!.getAttribute('scope'))).to.deep.equal(['row', 'row', 'row', 'row']);
      expect(rowNames(el)).to.deep.equal(NAMES); // document order until sorted

      const alpha = rows(el)[1]!;
      for (const fact of [
        'Transactional email',
        'Communication',
        'SMTP relay, Bounce handling',
        'Email addresses',
        'United States',
        'US',
        'Standard Contractual Clauses',
      ]) {
        expect(alpha.textContent).to.contain(fact);
      }
      expect(text(el))
        .to.contain('Transfers outside the EEA rely on Standard Contractual Clauses.')
        .and.contain('announced 30 days before');
      expect(root(el).querySelector('[part~="seal"]')!.textContent).to.contain('Verified').and.contain('vendor-');
      expect(root(el).querySelector('[part="expired-warning"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows an expired list under a warning, and hides it when asked', async () => {
      const { src } = await publish(network, {
        subprocessors: list(),
        issued: new Date(Date.now() - 40 * DAY).toISOString(),
        expires: new Date(Date.now() - 10 * DAY).toISOString(),
      });
      const wrapper = await fixture<HTMLElement>(html`<div>
        <subprocessor-list src=${src}></subprocessor-list><subprocessor-list src=${src} expired="hide"></subprocessor-list>
      </div>`);
      const [shown, hidden] = Array.from(wrapper.querySelectorAll('subprocessor-list'));
      await settled(shown!);
      await settled(hidden!);
      expect(shown!.state).to.equal('expired');
      const first = root(shown!).firstElementChild!;
      expect(first.getAttribute('part')).to.equal('expired-warning');
      expect(first.textContent).to.contain('expired on');
      expect(rows(shown!).length, 'table rows').to.equal(4);
      expect(root(shown!).querySelector('[part~="seal"]')!.textContent).to.contain('Expired');

      expect(hidden!.state).to.equal('expired');
      expect(root(hidden!).querySelector('table') === null, 'no table').to.be.true;
      expect(text(hidden!)).to.not.contain('Alpha Mail');
      expect(text(hidden!)).to.contain('has expired, so it is not shown');
    });

    it('fails closed on a tampered document: no entry names, a clear message', async () => {
      const { src } = await publish(network, { subprocessors: list() }, { text: tamper });
      const failed = new Promise<CustomEvent>((resolve) =>
        document.addEventListener('trust-error', (e) => resolve(e as CustomEvent), { once: true }),
      );
      const el = await show(src);
      expect(el.state).to.equal('unverified');
      expect((await failed).detail.code).to.equal('signature-invalid');
      for (const name of NAMES) expect(text(el)).to.not.contain(name);
      expect(root(el).querySelector('table') === null, 'no table').to.be.true;
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('could not be verified');
      await expect(el).to.be.accessible();
    });

    it('a missing document (404) is an error that says it could not be loaded', async () => {
      const el = await show('https://nowhere.example/.well-known/trust-elements/posture.json');
      expect(el.state).to.equal('error');
      expect(text(el)).to.contain('could not be loaded').and.contain('http-status');
      expect(root(el).querySelector('table') === null, 'no table').to.be.true;
    });
  });

  describe('table', () => {
    it('sorts by name, purpose and location, both ways, and says so with aria-sort', async () => {
      const { src } = await publish(network, { subprocessors: list() });
      const el = await show(src);
      const sortBy = async (label: string) => {
        header(el, label).querySelector('button')!.click();
        await el.updateComplete;
      };
      const sortState = () => Array.from(root(el).querySelectorAll('thead th')).map((th) => th.getAttribute('aria-sort'));
      expect(sortState()).to.deep.equal([null, null, null, null]);

      await sortBy('Sub-processor');
      expect(rowNames(el)).to.deep.equal(['Alpha Mail', 'Beta Support', 'Mid Analytics', 'Zeta Hosting']);
      expect(sortState()).to.deep.equal(['ascending', null, null, null]);
      await sortBy('Sub-processor');
      expect(rowNames(el)).to.deep.equal(['Zeta Hosting', 'Mid Analytics', 'Beta Support', 'Alpha Mail']);
      expect(sortState()).to.deep.equal(['descending', null, null, null]);

      await sortBy('Purpose');
      expect(rowNames(el)).to.deep.equal(['Beta Support', 'Zeta Hosting', 'Mid Analytics', 'Alpha Mail']);
      expect(sortState()).to.deep.equal([null, 'ascending', null, null]);

      await sortBy('Location');
      expect(rowNames(el)).to.deep.equal(['Zeta Hosting', 'Mid Analytics', 'Alpha Mail', 'Beta Support']);
      expect(sortState()).to.deep.equal([null, null, 'ascending', null]);
      await sortBy('Location');
      // an entry without a location stays last either way
      expect(rowNames(el)).to.deep.equal(['Alpha Mail', 'Mid Analytics', 'Zeta Hosting', 'Beta Support']);
      expect(sortState()).to.deep.equal([null, null, 'descending', null]);
    });

    it('sorts from the keyboard', async () => {
      const { src } = await publish(network, { subprocessors: list() });
      const el = await show(src);
      const button = header(el, 'Purpose').querySelector('button')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(header(el, 'Purpose').getAttribute('aria-sort')).to.equal('ascending');
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(header(el, 'Purpose').getAttribute('aria-sort')).to.equal('descending');
      expect(rowNames(el)).to.deep.equal(['Alpha Mail', 'Mid Analytics', 'Zeta Hosting', 'Beta Support']);
    });

    it('filters by name, purpose, category, services and location, with a live count', async () => {
      const { src } = await publish(network, { subprocessors: list() });
      const el = await show(src);
      const input = root(el).querySelector('input')!;
      expect(root(el).querySelector(`label[for="${input.id}"]`)!.textContent).to.equal('Filter sub-processors');
      const status = root(el).querySelector('[part="count"]')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(count(el)).to.equal('4 of 4 sub-processors');

      const cases: [string, string[]][] = [
        ['zeta', ['Zeta Hosting']],
        ['EMAIL', ['Alpha Mail']],
        ['communication', ['Alpha Mail']],
        ['smtp', ['Alpha Mail']],
        ['ireland', ['Mid Analytics']],
        ['support customer', ['Beta Support']],
      ];
      for (const [query, expected] of cases) {
        await filter(el, query);
        expect(rowNames(el), query).to.deep.equal(expected);
        expect(count(el)).to.equal(`${expected.length} of 4 sub-processors`);
      }
      await filter(el, 'nothing like this');
      expect(rows(el).length, 'table rows').to.equal(0);
      expect(count(el)).to.equal('No sub-processors match');
      await filter(el, '');
      expect(count(el)).to.equal('4 of 4 sub-processors');
    });

    it('filters as the visitor types', async () => {
      const { src } = await publish(network, { subprocessors: list() });
      const el = await show(src);
      root(el).querySelector('input')!.focus();
      await sendKeys({ type: 'frank' });
      await el.updateComplete;
      expect(rowNames(el)).to.deep.equal(['Zeta Hosting']);
      expect(count(el)).to.equal('1 of 4 sub-processors');
    });

    it('marks entries added within recent-days as New, in words', async () => {
      const { src } = await publish(network, { subprocessors: list() });
      const el = await show(src);
      const marked = () => rows(el).map((tr) => tr.querySelector('[part="new-badge"]')?.textContent ?? null);
      expect(marked()).to.deep.equal(['New', null, null, null]);
      el.recentDays = 365;
      await el.updateComplete;
      expect(marked()).to.deep.equal(['New', null, 'New', null]);
      el.setAttribute('recent-days', '5');
      await el.updateComplete;
      expect(marked()).to.deep.equal([null, null, null, null]);
    });

    it('a recent-days that is not a number counts as the default 90, and a huge one as every entry: the list still shows', async () => {
      const { src } = await publish(network, { subprocessors: list() });
      const el = await show(src);
      const marked = () => rows(el).map((tr) => tr.querySelector('[part="new-badge"]')?.textContent ?? null);
      el.setAttribute('recent-days', 'soon');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('verified');
      expect(marked()).to.deep.equal(['New', null, null, null]);
      el.setAttribute('recent-days', '1e12');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('verified');
      expect(marked()).to.deep.equal(['New', 'New', 'New', null]);
    });

    it('becomes cards in a narrow container and stays a table in a wide one', async () => {
      const { src } = await publish(network, { subprocessors: list() });
      const wrapper = await fixture<HTMLElement>(html`<div>
        <div style="width: 22rem"><subprocessor-list src=${src}></subprocessor-list></div>
        <div style="width: 60rem"><subprocessor-list src=${src}></subprocessor-list></div>
      </div>`);
      const [narrow, wide] = Array.from(wrapper.querySelectorAll('subprocessor-list'));
      await settled(narrow!);
      await settled(wide!);
      const display = (el: Element, selector: string) => getComputedStyle(root(el).querySelector(selector)!).display;
      // A card labels each cell with its column's name (the cell's ::before); a table row does not.
      const label = (el: Element) => getComputedStyle(root(el).querySelector('tbody td.purpose')!, '::before');
      const drawn = (content: string) => !['none', 'normal', ''].includes(content);
      expect(display(wide!, 'tbody tr')).to.equal('table-row');
      expect(drawn(label(wide!).content)).to.equal(false);
      expect(display(narrow!, 'tbody tr')).to.equal('block');
      expect(drawn(label(narrow!).content)).to.equal(true);
      expect(label(narrow!).display).to.equal('block');
      expect(root(narrow!).querySelector('tbody td.purpose')!.getAttribute('data-label')).to.equal('Purpose');
      const card = rows(narrow!)[0]!.getBoundingClientRect();
      expect(card.width).to.be.at.most(narrow!.getBoundingClientRect().width);
      await expect(narrow!).to.be.accessible();
    });

    it('speaks the nearest lang', async () => {
      const { src } = await publish(network, { subprocessors: list() });
      const wrapper = await fixture<HTMLElement>(html`<div lang="fr"><subprocessor-list src=${src}></subprocessor-list></div>`);
      const el = wrapper.querySelector('subprocessor-list')!;
      await settled(el);
      expect(root(el).querySelector('caption')!.textContent).to.equal('Sous-traitants ultérieurs de Vendor Example');
      expect(count(el)).to.equal('4 sur 4 sous-traitants ultérieurs');
      expect(rows(el)[0]!.querySelector('[part="new-badge"]')!.textContent).to.equal('Nouveau');
    });
  });

  describe('upcoming changes', () => {
    it('shows planned sub-processors and changes in their notice period apart; past ones are not upcoming', async () => {
      const subprocessors = {
        ...list(),
        planned: [
          {
            name: 'Gamma AI',
            purpose: 'Language models',
            locations: [{ name: 'Sweden', country: 'SE' }],
            safeguard: 'EU only',
            announced: day(-5),
            effective: day(25),
          },
          { name: 'Past Planned CDN', purpose: 'Content delivery', effective: day(-3) },
        ],
      };
      const changelog: PostureDocument['changelog'] = [
        {
          date: day(-2),
          type: 'subprocessor-removed',
          subject: 'Mid Analytics',
          summary: 'We stop using Mid Analytics.',
          effective: day(28),
        },
        { date: day(-60), type: 'subprocessor-added', subject: 'Zeta Hosting', summary: 'Old news about Zeta.', effective: day(-30) },
        { date: day(-1), type: 'policy-changed', summary: 'A policy tweak.', effective: day(20) },
      ];
      const { src } = await publish(network, { subprocessors, changelog });
      const el = await show(src);
      const upcoming = root(el).querySelector('[part="upcoming"]')!;
      expect(upcoming.closest('table') === null, 'the upcoming entry is outside the table').to.be.true;
      expect(upcoming.querySelector('[role="heading"]')!.textContent).to.equal('Upcoming changes');
      const items = Array.from(upcoming.querySelectorAll('[part="upcoming-item"]')).map((li) => li.textContent!.replace(/\s+/g, ' '));
      expect(items).to.have.length(2);
      expect(items[0])
        .to.contain('New sub-processor')
        .and.contain('Gamma AI')
        .and.contain('Language models')
        .and.contain('Sweden (SE)')
        .and.contain('EU only');
      expect(items[0]).to.contain('announced').and.contain('takes effect');
      expect(items[1]).to.contain('Removal').and.contain('Mid Analytics').and.contain('We stop using Mid Analytics.');
      expect(upcoming.textContent).to.not.contain('Old news').and.not.contain('policy tweak').and.not.contain('Past Planned CDN');
      // a planned entry whose date has passed is in effect: it is listed, as new
      const names = [...NAMES, 'Past Planned CDN', 'Gamma AI'];
      expect(rowNames(el, names)).to.deep.equal([...NAMES, 'Past Planned CDN']);
      expect(rows(el)[4]!.querySelector('[part="new-badge"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('has no upcoming section when nothing is pending', async () => {
      const { src } = await publish(network, { subprocessors: list() });
      const el = await show(src);
      expect(root(el).querySelector('[part="upcoming"]')).to.equal(null);
    });
  });

  describe('not public', () => {
    it('the NDA case shows the statement and a mailto contact instead of an empty table', async () => {
      const { src } = await publish(network, {
        subprocessors: {
          disclosure: 'nda',
          statement: [
            { type: 'paragraph', lead: 'Our providers.', text: 'The list is shared under NDA during procurement.' },
            { type: 'list', items: ['Infrastructure', 'Email'] },
          ],
          safeguards: 'Each provider is bound by a DPA.',
          contact: 'security@vendor.example',
        },
      });
      const el = await show(src);
      expect(el.state).to.equal('verified');
      expect(root(el).querySelector('table') === null, 'no table').to.be.true;
      expect(root(el).querySelector('input') === null, 'no filter input').to.be.true;
      expect(root(el).querySelector('[part="title"]')!.textContent).to.equal('Vendor Example sub-processors');
      const statement = root(el).querySelector('[part="statement"]')!;
      expect(statement.querySelector('strong')!.textContent).to.equal('Our providers.');
      expect(statement.textContent).to.contain('shared under NDA during procurement');
      expect(Array.from(statement.querySelectorAll('li')).map((li) => li.textContent)).to.deep.equal(['Infrastructure', 'Email']);
      expect(text(el)).to.contain('shared under a non-disclosure agreement').and.contain('Each provider is bound by a DPA.');
      const mail = root(el).querySelector<HTMLAnchorElement>('[part="contact"] a')!;
      expect(mail.href).to.equal('mailto:security@vendor.example');
      expect(mail.textContent).to.equal('security@vendor.example');
      await expect(el).to.be.accessible();
    });

    it('a public list with no entries says so, without a table', async () => {
      const { src } = await publish(network, { subprocessors: { disclosure: 'on-request', contact: 'privacy@vendor.example' } });
      const el = await show(src);
      expect(root(el).querySelector('table') === null, 'no table').to.be.true;
      expect(text(el)).to.contain('available on request').and.contain('privacy@vendor.example');
    });
  });

  describe('untrusted content', () => {
    it('links a name only from an https: URL; the core refuses javascript: and http: documents outright', async () => {
      const ok = await publish(network, { subprocessors: list() });
      const el = await show(ok.src);
      const link = rows(el)[0]!.querySelector('a')!;
      expect(link.href).to.equal('https://zeta.example/');
      expect(link.textContent).to.equal('Zeta Hosting');
      expect(
        rows(el)
          .slice(1)
          .map((tr) => tr.querySelector('a') !== null),
        'a link in each row',
      ).to.deep.equal([false, false, false]);

      for (const url of ['javascript:alert(1)', 'http://zeta.example/']) {
        const sp = list();
        sp.entries![0]!.url = url;
        // Signed as is, bypassing the signing tool's validation: the verifier must refuse it.
        const bad = await publish(network);
        const text_ = await signedRaw(JSON.stringify({ ...bad.document, subprocessors: sp }), bad.signer);
        network.routes.set(bad.src, () => jsonResponse(text_));
        const refused = await show(bad.src);
        expect(refused.state, url).to.equal('error');
        expect(root(refused).querySelector('a') === null, 'no link').to.be.true;
        expect(text(refused)).to.not.contain('Zeta Hosting');
      }
    });

    it('never makes a link from a javascript: or http: URL even if one reaches it, and renders markup as text', async () => {
      const sp = list();
      sp.entries![0]!.url = 'javascript:alert(1)';
      sp.entries![1]!.url = 'http://alpha.example/';
      sp.entries![2]!.name = '<img src=x onerror=alert(1)>';
      const document_ = makeDocument({ issuer: 'https://vendor.example', subprocessors: sp });
      // Bypasses verification on purpose: the element's own guard is under test.
      const posture = {
        document: document_,
        signers: [{ thumbprint: 'test-key' }],
        issuer: document_.issuer,
        issued: new Date(document_.issued),
        expires: new Date(document_.expires),
        payload: new Uint8Array(),
      } as unknown as VerifiedPosture;
      const provider = document.createElement('div');
      new ContextProvider(provider, {
        context: postureContext,
        initialValue: { state: 'verified', posture, url: 'https://vendor.example/' },
      });
      provider.append(document.createElement('subprocessor-list'));
      await fixture(provider);
      const el = provider.querySelector('subprocessor-list')!;
      await settled(el);
      expect(el.state).to.equal('verified');
      expect(root(el).querySelectorAll('tbody a').length, 'links in the table').to.equal(0);
      expect(root(el).querySelector('img') === null, 'no image').to.be.true;
      expect(text(el)).to.contain('<img src=x onerror=alert(1)>');
    });
  });

  describe('context', () => {
    it('an element without src inside one with src shows its document, without another request', async () => {
      const { src } = await publish(network, { subprocessors: list() });
      const host = await fixture<SlotHostElement>(
        html`<test-subprocessor-host src=${src}><div><subprocessor-list></subprocessor-list></div></test-subprocessor-host>`,
      );
      const el = host.querySelector('subprocessor-list')!;
      await settled(host as unknown as SubprocessorListElement);
      await settled(el);
      expect(el.state).to.equal('verified');
      expect(rowNames(el)).to.deep.equal(NAMES);
      expect(network.requests.filter((u) => u === src)).to.have.length(1);
    });

    it('with src, it is the provider for its own descendants', async () => {
      const { src } = await publish(network, { subprocessors: list() });
      const outer = await fixture<SubprocessorListElement>(
        html`<subprocessor-list src=${src}><subprocessor-list></subprocessor-list></subprocessor-list>`,
      );
      const inner = outer.querySelector('subprocessor-list')!;
      await settled(outer);
      await settled(inner);
      expect(inner.state).to.equal('verified');
      expect(rows(inner).length, 'table rows').to.equal(4);
    });
  });

  describe('the seed documents', () => {
    const publishSeed = (name: string) => {
      const { organization, subprocessors, changelog, language } = seeds[name]!;
      return publish(network, { organization, subprocessors, changelog, language });
    };

    it('Personaizer: all nine sub-processors with every fact, and the safeguards sentence', async () => {
      const seed = seeds.personaizer!.subprocessors!;
      const { src } = await publishSeed('personaizer');
      const el = await show(src);
      expect(rows(el).length, 'table rows').to.equal(9);
      expect(count(el)).to.equal('9 of 9 sub-processors');
      rows(el).forEach((tr, i) => {
        const entry = seed.entries![i]!;
        const row = tr.textContent!.replace(/\s+/g, ' ');
        const facts = [
          entry.name,
          entry.purpose,
          entry.category,
          entry.services?.join(', '),
          entry.safeguard,
          ...(entry.locations ?? []).flatMap((l) => [l.name, l.country]),
        ];
        for (const fact of facts.filter(Boolean)) expect(row, entry.name).to.contain(fact);
      });
      for (const block of seed.statement!) if (block.type === 'paragraph') expect(text(el)).to.contain(block.text);
      expect(text(el)).to.contain(seed.safeguards!);
      await expect(el).to.be.accessible();
    });

    it('PersonalityAI: the NDA statement and contact', async () => {
      const seed = seeds.personalityai!.subprocessors!;
      const { src } = await publishSeed('personalityai');
      const el = await show(src);
      expect(root(el).querySelector('table') === null, 'no table').to.be.true;
      for (const block of seed.statement!) if (block.type === 'paragraph') expect(text(el)).to.contain(block.text);
      expect(root(el).querySelector<HTMLAnchorElement>('[part="contact"] a')!.href).to.equal(`mailto:${seed.contact}`);
      await expect(el).to.be.accessible();
    });
  });
});
