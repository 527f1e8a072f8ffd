/**
 * What every element shares: one request per document and key set for the whole page, aborts on
 * re-pointing and removal, stale answers dropped, lazy loading, context sharing, pinned keys.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import '../../src/define/trust-badge.js';
import type { TrustBadgeElement } from '../../src/define/trust-badge.js';
import type { VerifiedPosture } from '../../src/core/index.js';
import { PostureBlockElement } from '../../src/elements/posture-block-element.js';
import { TrustBadgeElement as TrustBadgeClass } from '../../src/elements/trust-badge/trust-badge.js';
import { define } from '../../src/elements/define.js';
import { pageCache } from '../../src/elements/loader.js';
import { deferred, installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';
import { makeSigner } from '../fixtures/posture.js';

/** A test-only posture element that shows the organization and hosts children in a slot. */
class SlotHostElement extends PostureBlockElement {
  protected override renderPosture(posture: VerifiedPosture) {
    return litHtml`<p>${posture.document.organization.name}</p><slot></slot>`;
  }
}
define('test-slot-host', SlotHostElement);

describe('loading, shared by every element', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  it('makes one request for the document and one for its keys, however many elements use it', async () => {
    const { src, jwksUrl } = await publish(network);
    const wrapper = await fixture<HTMLElement>(
      html`<div>${Array.from({ length: 50 }, () => html`<trust-badge src=${src}></trust-badge>`)}</div>`,
    );
    const badges = Array.from(wrapper.querySelectorAll('trust-badge'));
    await Promise.all(badges.map((b) => settled(b)));
    expect(badges.every((b) => b.state === 'verified')).to.equal(true);
    expect(network.requests.filter((u) => u === src)).to.have.length(1);
    expect(network.requests.filter((u) => u === jwksUrl)).to.have.length(1);
  });

  it('shares one key set between two documents of one origin', async () => {
    const first = await publish(network);
    const second = `${first.origin}/other.json`;
    network.routes.set(second, network.routes.get(first.src)!);
    const wrapper = await fixture<HTMLElement>(
      html`<div><trust-badge src=${first.src}></trust-badge><trust-badge src=${second}></trust-badge></div>`,
    );
    for (const b of Array.from(wrapper.querySelectorAll('trust-badge'))) await settled(b);
    expect(network.requests.filter((u) => u === first.jwksUrl)).to.have.length(1);
  });

  it('aborts the old request when src changes, and an old answer never overwrites the new one', async () => {
    const hold = deferred();
    const slow = await publish(network, { organization: { name: 'Slow Old Vendor', url: 'https://old.example' } }, { delay: hold.promise });
    const fast = await publish(network, { organization: { name: 'New Vendor', url: 'https://new.example' } });
    const el = await fixture<TrustBadgeElement>(html`<trust-badge src=${slow.src}></trust-badge>`);
    expect(el.state).to.equal('loading');
    el.src = fast.src;
    await settled(el);
    hold.resolve();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('New Vendor').and.not.contain('Slow Old Vendor');
    expect(network.aborted).to.include(slow.src);
  });

  it('removing the element mid-load aborts its request and leaves nothing pending', async () => {
    const hold = deferred();
    const { src } = await publish(network, {}, { delay: hold.promise });
    const el = await fixture<TrustBadgeElement>(html`<trust-badge src=${src}></trust-badge>`);
    await new Promise((r) => setTimeout(r, 20));
    el.remove();
    await new Promise((r) => setTimeout(r, 20));
    expect(network.aborted).to.include(src);
    expect(pageCache.pending).to.equal(0);
    hold.resolve();
  });

  it('keeps a request alive while another element still waits for it', async () => {
    const hold = deferred();
    const { src } = await publish(network, {}, { delay: hold.promise });
    const wrapper = await fixture<HTMLElement>(
      html`<div><trust-badge src=${src}></trust-badge><trust-badge src=${src}></trust-badge></div>`,
    );
    const [first, second] = Array.from(wrapper.querySelectorAll('trust-badge'));
    first!.remove();
    hold.resolve();
    await settled(second!);
    expect(second!.state).to.equal('verified');
    expect(network.aborted).to.not.include(src);
  });

  it("fetch() is the element's to replace: an override answers the document and key requests with its own Responses", async () => {
    const { src, jwksUrl } = await publish(network);
    const routes = new Map(network.routes);
    network.routes.clear(); // the page's own fetch knows nothing of this vendor
    const asked: { url: string; credentials?: RequestCredentials }[] = [];
    class OwnFetchBadge extends TrustBadgeClass {
      override fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
        const url = String(input);
        asked.push({ url, credentials: init?.credentials });
        const route = routes.get(url);
        return Promise.resolve(route ? route({ url, signal: init?.signal }) : new Response('not found', { status: 404 }));
      }
    }
    define('test-own-fetch-badge', OwnFetchBadge);
    const el = document.createElement('test-own-fetch-badge') as TrustBadgeElement;
    el.setAttribute('src', src);
    await fixture(el);
    await settled(el);
    expect(el.state).to.equal('verified');
    expect(asked.map((a) => a.url)).to.deep.equal([src, jwksUrl]);
    expect(asked.every((a) => a.credentials === 'omit')).to.equal(true);
    expect(network.requests).to.not.include(src).and.not.include(jwksUrl);
  });

  it('loading="lazy" waits until the element nears the viewport', async () => {
    const { src } = await publish(network);
    const wrapper = await fixture<HTMLElement>(html`<div style="height: 200px; overflow: auto">
      <div style="height: 5000px"></div>
      <trust-badge loading="lazy" src=${src}></trust-badge>
    </div>`);
    const el = wrapper.querySelector('trust-badge')!;
    await new Promise((r) => setTimeout(r, 150));
    expect(network.requests).to.not.include(src);
    expect(el.state).to.equal('loading');
    el.scrollIntoView();
    await settled(el);
    expect(el.state).to.equal('verified');
  });

  it("elements without src take the nearest ancestor's document through context, without a request", async () => {
    const { src } = await publish(network);
    const host = await fixture<SlotHostElement>(html`<test-slot-host src=${src}><div><trust-badge></trust-badge></div></test-slot-host>`);
    const badge = host.querySelector('trust-badge')!;
    await settled(host);
    await settled(badge);
    expect(badge.state).to.equal('verified');
    expect(badge.shadowRoot!.textContent).to.contain('Vendor Example');
    expect(network.requests.filter((u) => u === src)).to.have.length(1);
  });

  it('an element without src and without a provider says what is missing', async () => {
    const el = await fixture<TrustBadgeElement>(html`<trust-badge></trust-badge>`);
    expect(el.state).to.equal('error');
    expect(el.shadowRoot!.textContent).to.contain('Couldn’t load right now');
    const { src } = await publish(network);
    el.src = src;
    await el.updateComplete;
    await settled(el);
    expect(el.state).to.equal('verified');
  });

  it('a partner who pins the vendor key shows a copy served from its own origin, and refuses other keys', async () => {
    const vendor = await publish(network);
    const mirror = 'https://partner.example/vendor-posture.json';
    network.routes.set(mirror, network.routes.get(vendor.src)!);
    network.routes.set('https://partner.example/.well-known/trust-elements/jwks.json', network.routes.get(vendor.jwksUrl)!);
    const stranger = await makeSigner();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <trust-badge src=${mirror} pin=${vendor.signer.publicJwk.kid!}></trust-badge>
      <trust-badge src=${mirror}></trust-badge>
      <trust-badge src=${vendor.src} pin=${stranger.publicJwk.kid!}></trust-badge>
    </div>`);
    const [pinned, unpinned, wrongPin] = Array.from(wrapper.querySelectorAll('trust-badge'));
    for (const b of [pinned!, unpinned!, wrongPin!]) await settled(b);
    expect(pinned!.state).to.equal('verified');
    expect(unpinned!.state).to.equal('unverified'); // discovery: the issuer is not the mirror's origin
    expect(wrongPin!.state).to.equal('unverified');
  });

  it('keys="…" takes the keys from the URL the page names', async () => {
    const vendor = await publish(network);
    const keys = 'https://keys.example/jwks.json';
    network.routes.set(keys, network.routes.get(vendor.jwksUrl)!);
    network.routes.delete(vendor.jwksUrl);
    const el = await fixture<TrustBadgeElement>(html`<trust-badge src=${vendor.src} keys=${keys}></trust-badge>`);
    await settled(el);
    expect(el.state).to.equal('verified');
    expect(network.requests).to.include(keys).and.not.include(vendor.jwksUrl);
  });

  it('a document that expires while the page is open turns to expired', async () => {
    const soon = new Date(Date.now() + 1500).toISOString();
    const { src } = await publish(network, { expires: soon });
    const el = await fixture<TrustBadgeElement>(html`<trust-badge src=${src}></trust-badge>`);
    await settled(el);
    expect(el.state).to.equal('verified');
    const start = Date.now();
    while (el.state !== 'expired' && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
    expect(el.state).to.equal('expired');
  });
});
