/**
 * Issue 14: when the document names its change feed (`links.feed`), `<subprocessor-list>` and
 * `<trust-center>` offer a "Subscribe" link to it (the format takes https: only), in the visitor's language; the
 * trust center shows it once, in its header, not again in the list it embeds.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/trust-center.js';
import type { SubprocessorListElement } from '../../src/define/subprocessor-list.js';
import type { TrustCenterElement } from '../../src/define/trust-center.js';
import { installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';

const FEED = 'https://vendor.example/feed.atom';
const subprocessors = { disclosure: 'public' as const, entries: [{ name: 'Zeta Hosting', purpose: 'Infrastructure' }] };

/** The visible subscribe links under `root`, through the shadow roots of nested elements: [text, href]. */
function subscribeLinks(root: ShadowRoot): string[][] {
  const found: string[][] = [];
  for (const part of root.querySelectorAll('[part~="subscribe"]')) {
    const a = part.querySelector('a');
    if (a && (part as HTMLElement).checkVisibility()) found.push([a.textContent!.trim(), a.getAttribute('href')!]);
  }
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...subscribeLinks(el.shadowRoot));
  return found;
}

describe('the Subscribe link (links.feed)', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  it('<subprocessor-list> links to the feed, in the visitor language', async () => {
    const { src } = await publish(network, { subprocessors, links: { feed: FEED } });
    for (const [lang, words] of [
      ['en', 'Subscribe to changes'],
      ['de', 'Änderungen abonnieren'],
      ['fr', 'S’abonner aux changements'],
    ]) {
      const el = await fixture<SubprocessorListElement>(html`<subprocessor-list lang=${lang!} src=${src}></subprocessor-list>`);
      await settled(el);
      expect(subscribeLinks(el.shadowRoot!)).to.deep.equal([[words, FEED]]);
    }
  });

  it('<trust-center> shows it once, in its header, and none without a feed', async () => {
    const { src } = await publish(network, { subprocessors, links: { feed: FEED } });
    const el = await fixture<TrustCenterElement>(html`<trust-center src=${src}></trust-center>`);
    await settled(el);
    const list = el.shadowRoot!.querySelector('subprocessor-list') as SubprocessorListElement;
    await settled(list);
    expect(subscribeLinks(el.shadowRoot!)).to.deep.equal([['Subscribe to changes', FEED]]);
    expect(el.shadowRoot!.querySelector('header [part~="subscribe"] a')?.getAttribute('href')).to.equal(FEED);

    const without = await publish(network, { subprocessors });
    const plain = await fixture<TrustCenterElement>(html`<trust-center src=${without.src}></trust-center>`);
    await settled(plain);
    expect(subscribeLinks(plain.shadowRoot!)).to.deep.equal([]);
  });
});
