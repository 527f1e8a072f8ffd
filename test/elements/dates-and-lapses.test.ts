/**
 * Dates a visitor reads (issue 15, point 6): an expired seal says "expired on …", not "expires …";
 * the technical details of an expired document give a human date, not an ISO timestamp; and a
 * certification whose audit period has ended is not shown as "✓ Certified".
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/all.js';
import type { PostureDocument } from '../../src/core/index.js';
import { installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
type Settling = HTMLElement & { state: string; updateComplete: Promise<boolean> };

function expiredDates(): Partial<PostureDocument> {
  const now = Date.now();
  return { issued: new Date(now - 40 * DAY).toISOString(), expires: new Date(now - 3 * DAY).toISOString() };
}

async function show(markup: ReturnType<typeof html>): Promise<Settling> {
  const wrapper = await fixture<HTMLElement>(markup);
  const el = (wrapper.matches('trust-center') ? wrapper : wrapper.querySelector('trust-center')!) as Settling;
  await settled(el);
  return el;
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('dates and lapses', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  for (const [lang, past, future] of [
    ['en', 'expired on', 'expires'],
    ['de', 'abgelaufen am', 'gültig bis'],
    ['fr', 'expiré le', 'expire le'],
  ] as const) {
    it(`an expired seal says "${past} …", not "${future} …" (lang ${lang})`, async () => {
      const { src, document } = await publish(network, expiredDates());
      const el = await show(html`<div lang=${lang}><trust-center src=${src}></trust-center></div>`);
      expect(el.state).to.equal('expired');
      const seal = text(el.shadowRoot!.querySelector('[part="seal"]'));
      const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(document.expires));
      expect(seal).to.contain(`${past} ${date}`);
      expect(seal).to.not.contain(future);
    });
  }

  it('a verified seal still says "expires …"', async () => {
    const { src } = await publish(network);
    const el = await show(html`<trust-center src=${src}></trust-center>`);
    expect(text(el.shadowRoot!.querySelector('[part="seal"]')))
      .to.contain('expires')
      .and.not.contain('expired on');
  });

  it('the details of a hidden expired document give a human date, not an ISO timestamp', async () => {
    const { src, document } = await publish(network, expiredDates());
    const el = await show(html`<trust-center src=${src} expired="hide"></trust-center>`);
    const details = text(el.shadowRoot!.querySelector('[part="details"]'));
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(document.expires));
    expect(details).to.contain(`expired on ${date}`);
    expect(details).to.not.match(/\d{4}-\d\d-\d\dT/);
  });

  it('a certification whose audit period has ended shows as lapsed, not "✓ Certified"', async () => {
    const { src } = await publish(network, {
      certifications: [
        { id: 'soc2', framework: 'SOC 2 Type II', status: 'certified', period: { from: day(-500), to: day(-135) } },
        { id: 'iso', framework: 'ISO 27001', status: 'certified', period: { from: day(-100), to: day(265) } },
      ],
    });
    const el = await show(html`<trust-center src=${src}></trust-center>`);
    const statuses = Array.from(el.shadowRoot!.querySelectorAll('[part="certification"]')).map(
      (c) => `${text(c.querySelector('[part="item-title"]'))}: ${text(c.querySelector('[part="status"]'))}`,
    );
    expect(statuses).to.deep.equal(['SOC 2 Type II: ◌ Lapsed, renewal pending', 'ISO 27001: ✓ Certified']);
  });
});
