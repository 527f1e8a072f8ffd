/**
 * The elements' side of issue 11: a flood of signatures is refused within 100 ms of its bytes
 * arriving, with no signature checked; `timeout` covers verification; a `pin` that is present but
 * names no key trusts nothing; the page-wide cache never lets two different trust settings share
 * a result; `pin`/`keys` on an element without `src` are refused, not ignored; no credentials sent.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import '../../src/define/trust-badge.js';
import type { TrustBadgeElement } from '../../src/define/trust-badge.js';
import type { VerifiedPosture } from '../../src/core/index.js';
import { PostureBlockElement } from '../../src/elements/posture-block-element.js';
import { define } from '../../src/elements/define.js';
import type { TrustErrorDetail } from '../../src/elements/events.js';
import { flooded, spyOnVerify } from '../fixtures/flood.js';
import { installNetwork, jsonResponse, publish, settled, type FakeNetwork } from '../fixtures/network.js';
import { jwksOf, makeSigner } from '../fixtures/posture.js';

/** A test-only posture element that shows the organization and hosts children in a slot. */
class TrustHostElement extends PostureBlockElement {
  protected override renderPosture(posture: VerifiedPosture) {
    return litHtml`<p>${posture.document.organization.name}</p><slot></slot>`;
  }
}
define('test-trust-host', TrustHostElement);

/** Resolves with the first trust-error `element` fires within `limit` ms (it must fire no trust-load). */
const nextTrustError = (element: HTMLElement, limit = 5000) =>
  new Promise<TrustErrorDetail & { at: number }>((resolve, reject) => {
    setTimeout(() => reject(new Error(`no trust-error within ${limit} ms`)), limit);
    element.addEventListener(
      'trust-error',
      (event) => resolve({ ...(event as CustomEvent<TrustErrorDetail>).detail, at: performance.now() }),
      { once: true },
    );
    element.addEventListener('trust-load', () => reject(new Error('trust-load: the element showed the document as verified')), {
      once: true,
    });
  });

describe('trust settings and bounded work in the elements (issue 11)', function () {
  this.timeout(20_000);
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  for (const randomKids of [false, true]) {
    it(`a 1 MiB document of junk signatures (${randomKids ? 'random kids' : 'no kid'}) is refused within 100 ms of arriving, with no signature checked`, async () => {
      const vendor = await publish(network);
      const flood = flooded(await (await network.routes.get(vendor.src)!({ url: vendor.src })).text(), { randomKids });
      let arrived = 0;
      const srcs = [0, 1, 2].map((attempt) => `${vendor.src}?attempt=${attempt}`); // three URLs: nothing comes from the page cache
      for (const src of srcs) {
        network.routes.set(src, () => {
          arrived = performance.now();
          return jsonResponse(flood.text);
        });
      }
      const spy = spyOnVerify();
      try {
        // Best of three: a busy CI machine may pause any one run; the old code took 11–49 s every time.
        let best = Infinity;
        for (let attempt = 0; attempt < 3; attempt++) {
          const element = document.createElement('trust-badge');
          const failed = nextTrustError(element);
          element.setAttribute('src', srcs[attempt]!);
          document.body.append(element);
          const detail = await failed;
          best = Math.min(best, detail.at - arrived);
          element.remove();
          expect(detail.code).to.equal('too-many-signatures');
          expect(element.state, 'a refused (damaged) document is an error, never shown').to.equal('error');
        }
        expect(spy.calls).to.equal(0);
        expect(best, `refused ${Math.round(best)} ms after the bytes arrived (best of three)`).to.be.below(100);
      } finally {
        spy.restore();
      }
    });
  }

  it('the timeout attribute covers verification too: a verification that never ends times out', async () => {
    const { src } = await publish(network);
    const spy = spyOnVerify({ hang: true });
    try {
      const element = document.createElement('trust-badge');
      element.setAttribute('timeout', '400');
      const failed = nextTrustError(element);
      element.setAttribute('src', src);
      document.body.append(element);
      const detail = await failed;
      element.remove();
      expect(detail.code).to.equal('timeout');
      expect(spy.calls).to.be.greaterThan(0);
    } finally {
      spy.restore();
    }
  });

  // A trust setting that is present but names nothing trusts nothing: never discovery, nothing fetched.
  const emptySettings = [
    ...['', ' ', '\t\n'].map((value) => ['pin', value, 'pin-invalid', 'The pin is empty'] as const),
    ['pin', 'not-a-thumbprint', 'pin-invalid', 'is not a key id'] as const,
    ...['', ' '].map((value) => ['keys', value, 'keys-invalid', 'The keys setting is empty'] as const),
  ];
  for (const [attribute, value, code, says] of emptySettings) {
    it(`${attribute}=${JSON.stringify(value)} trusts nothing: unverified, ${code}, trust-error, and nothing is fetched`, async () => {
      const { src } = await publish(network);
      const element = document.createElement('trust-badge');
      element.setAttribute(attribute, value);
      const failed = nextTrustError(element);
      element.setAttribute('src', src);
      document.body.append(element);
      const detail = await failed;
      await (element as TrustBadgeElement).updateComplete;
      element.remove();
      expect(detail.code).to.equal(code);
      expect(detail.message).to.contain(says);
      expect((element as TrustBadgeElement).state).to.equal('unverified');
      expect(element.shadowRoot!.textContent).to.not.contain('Vendor Example');
      expect(network.requests).to.deep.equal([]);
    });
  }

  it('setting pin="" on a verified element re-checks it and trusts nothing', async () => {
    const { src } = await publish(network);
    const element = await fixture<TrustBadgeElement>(html`<trust-badge src=${src}></trust-badge>`);
    await settled(element);
    expect(element.state).to.equal('verified');
    element.setAttribute('pin', '');
    await element.updateComplete;
    await settled(element);
    expect(element.state).to.equal('unverified');
  });

  it('pin="K1,K2" (malformed) never rides on the result of pin="K1 K2"', async () => {
    const vendor = await publish(network);
    const other = await makeSigner();
    const k1 = vendor.signer.publicJwk.kid!;
    const k2 = other.publicJwk.kid!;
    const wrapper = await fixture<HTMLElement>(html`<div>
      <trust-badge src=${vendor.src} pin=${`${k1} ${k2}`}></trust-badge>
      <trust-badge src=${vendor.src} pin=${`${k1},${k2}`}></trust-badge>
      <trust-badge src=${vendor.src} pin=${`${k2}   ${k1}`}></trust-badge>
    </div>`);
    const [spaced, commas, reordered] = Array.from(wrapper.querySelectorAll('trust-badge'));
    for (const b of [spaced!, commas!, reordered!]) await settled(b);
    expect(spaced!.state).to.equal('verified');
    expect(commas!.state).to.equal('unverified');
    expect(reordered!.state).to.equal('verified');
  });

  for (const order of ['discovery first', 'keys= first']) {
    it(`one src, one element with keys= and one by discovery: they never share a result (${order})`, async () => {
      const vendor = await publish(network);
      const stranger = await makeSigner();
      const strangerKeys = `${vendor.origin}/stranger-keys.json`;
      network.routes.set(strangerKeys, () => jsonResponse(JSON.stringify(jwksOf(stranger))));
      const discovery = html`<trust-badge src=${vendor.src}></trust-badge>`;
      const named = html`<trust-badge src=${vendor.src} keys=${strangerKeys}></trust-badge>`;
      const first = await fixture<TrustBadgeElement>(order === 'discovery first' ? discovery : named);
      await settled(first);
      const second = await fixture<TrustBadgeElement>(order === 'discovery first' ? named : discovery);
      await settled(second);
      const [byDiscovery, byKeys] = order === 'discovery first' ? [first, second] : [second, first];
      expect(byDiscovery.state).to.equal('verified');
      expect(byKeys.state).to.equal('unverified');
      expect(byKeys.shadowRoot!.textContent).to.not.contain('Vendor Example');
      expect(network.requests).to.include(strangerKeys).and.include(vendor.jwksUrl);
    });
  }

  for (const [attribute, value] of [
    ['pin', 'anything'],
    ['pin', ''],
    ['keys', 'https://keys.example/jwks.json'],
  ] as const) {
    it(`${attribute}=${JSON.stringify(value)} on an element without src is refused (trust-without-src), not silently ignored`, async () => {
      const { src } = await publish(network);
      const host = await fixture<TrustHostElement>(html`<test-trust-host src=${src}></test-trust-host>`);
      await settled(host);
      const child = document.createElement('trust-badge');
      child.setAttribute(attribute, value);
      const failed = nextTrustError(child);
      host.append(child);
      const detail = await failed;
      await (child as TrustBadgeElement).updateComplete;
      expect(host.state).to.equal('verified');
      expect(detail.code).to.equal('trust-without-src');
      expect(detail.message).to.contain('apply only to an element with its own src');
      expect((child as TrustBadgeElement).state).to.equal('unverified');
      expect(child.shadowRoot!.textContent).to.not.contain('Vendor Example');
      // Without its own trust settings it shows the ancestor's document.
      child.removeAttribute(attribute);
      await (child as TrustBadgeElement).updateComplete;
      await settled(child as TrustBadgeElement);
      expect((child as TrustBadgeElement).state).to.equal('verified');
    });
  }

  it('requests the document and its key set without credentials', async () => {
    const { src, jwksUrl } = await publish(network);
    const element = await fixture<TrustBadgeElement>(html`<trust-badge src=${src}></trust-badge>`);
    await settled(element);
    expect(element.state).to.equal('verified');
    const initOf = (url: string) => network.inits[network.requests.indexOf(url)];
    expect(network.requests).to.include(src).and.include(jwksUrl);
    expect(initOf(src)?.credentials).to.equal('omit');
    expect(initOf(jwksUrl)?.credentials).to.equal('omit');
  });
});
