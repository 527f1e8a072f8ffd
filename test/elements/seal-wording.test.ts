/**
 * Issue 13, the seal says what was checked: only discovery (the keys published at the issuer's
 * origin) proves the issuer's domain; with `pin` or `keys` the domain is the key holder's claim,
 * so the seal names the page's own trust setting instead — in English, German and French.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/trust-center.js';
import '../../src/define/trust-badge.js';
import type { TrustBadgeElement } from '../../src/define/trust-badge.js';
import type { TrustCenterElement } from '../../src/define/trust-center.js';
import { installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';

type Mode = 'discovery' | 'pin' | 'keys';

const WORDS: Record<string, Record<Mode, (host: string) => string>> = {
  en: {
    discovery: (h) => `signed by ${h}'s published key`,
    pin: () => 'signed by the key this page pinned',
    keys: () => 'signed by the key set this page named',
  },
  de: {
    discovery: (h) => `signiert mit dem veröffentlichten Schlüssel von ${h}`,
    pin: () => 'signiert mit dem Schlüssel, den diese Seite festlegt',
    keys: () => 'signiert mit dem Schlüsselsatz, den diese Seite angibt',
  },
  fr: {
    discovery: (h) => `signé avec la clé publiée par ${h}`,
    pin: () => 'signé avec la clé épinglée par cette page',
    keys: () => 'signé avec le jeu de clés désigné par cette page',
  },
};

describe('the seal says what was checked (issue 13)', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  for (const lang of ['en', 'de', 'fr']) {
    for (const mode of ['discovery', 'pin', 'keys'] as Mode[]) {
      it(`${mode} (${lang}): ${WORDS[lang]![mode]('vendor.example')}`, async () => {
        const vendor = await publish(network);
        const host = new URL(vendor.origin).host;
        const el = await fixture<TrustCenterElement>(
          mode === 'pin'
            ? html`<trust-center lang=${lang} src=${vendor.src} pin=${vendor.signer.publicJwk.kid!}></trust-center>`
            : mode === 'keys'
              ? html`<trust-center lang=${lang} src=${vendor.src} keys=${vendor.jwksUrl}></trust-center>`
              : html`<trust-center lang=${lang} src=${vendor.src}></trust-center>`,
        );
        await settled(el);
        expect(el.state).to.equal('verified');
        // The seal's own words: the explanation it opens (with the document's URL in a command) is tested on its own.
        const copy = el.shadowRoot!.querySelector('[part="seal"]')!.cloneNode(true) as Element;
        copy.querySelector('[part="explanation"]')?.remove();
        const seal = copy.textContent!.replace(/\s+/g, ' ');
        expect(seal).to.contain(WORDS[lang]![mode](host));
        // With a pin or a named key set, the domain is not presented as the signer.
        if (mode !== 'discovery') expect(seal).not.to.contain(host);
      });
    }
  }

  it("a pinned badge's accessible label names the pinned key, not the issuer's domain", async () => {
    const vendor = await publish(network);
    const badge = await fixture<TrustBadgeElement>(html`<trust-badge src=${vendor.src} pin=${vendor.signer.publicJwk.kid!}></trust-badge>`);
    await settled(badge);
    const label = badge.shadowRoot!.querySelector('[part="badge"]')!.getAttribute('aria-label')!;
    expect(label).to.contain('signed by the key this page pinned');
    expect(label).not.to.contain(new URL(vendor.origin).host);
  });
});
