/**
 * Issue 13, no rollback: a browser remembers (in the page origin's localStorage) the highest
 * `sequence` it verified for an issuer's document at a URL, and refuses an older signed version
 * served there later (`rolled-back`, naming both numbers), in every language. Each visit is a new
 * page (an iframe) with the built CDN file, as a returning visitor would load it.
 */
import { expect } from '@open-wc/testing';
import '../../src/define/trust-badge.js';
import type { TrustBadgeElement } from '../../src/define/trust-badge.js';
import { fixture, html } from '@open-wc/testing';
import { installNetwork, publish, settled } from '../fixtures/network.js';
import { jwksOf, makeDocument, makeSigner, signedText, type TestSigner } from '../fixtures/posture.js';

const CDN = '/dist/cdn/trust-elements.min.js';

async function put(name: string, body: string, type: string) {
  const response = await fetch(`/__fixtures/${name}`, { method: 'PUT', body, headers: { 'content-type': type } });
  expect(response.status, `storing ${name}`).to.equal(204);
}

interface Visit {
  states: string[];
  texts: string[];
}

/** A visit: a new page showing `src` in a trust center in English, German and French; what each showed. */
async function visit(dir: string, n: number, attrs: string): Promise<Visit> {
  const tags = ['en', 'de', 'fr'].map((lang) => `<trust-center lang="${lang}" ${attrs}></trust-center>`).join('');
  await put(
    `${dir}/visit-${n}.html`,
    `<!doctype html><html lang="en"><head><title>Visit</title><script type="module" src="${CDN}"></script></head><body>${tags}</body></html>`,
    'text/html; charset=utf-8',
  );
  const frame = document.createElement('iframe');
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.src = `/__fixtures/${dir}/visit-${n}.html`;
  });
  const elements = () => Array.from(frame.contentDocument!.querySelectorAll('trust-center'));
  const start = Date.now();
  while (!elements().every((e) => e.getAttribute('state') && e.getAttribute('state') !== 'loading')) {
    if (Date.now() - start > 8000) throw new Error(`visit ${n} did not settle`);
    await new Promise((r) => setTimeout(r, 25));
  }
  // The state is set before the words of the element's language may have arrived: updateComplete waits for them.
  await Promise.all(elements().map((e) => (e as unknown as { updateComplete: Promise<boolean> }).updateComplete));
  const result = {
    states: elements().map((e) => e.getAttribute('state')!),
    texts: elements().map((e) => e.shadowRoot!.textContent!.replace(/\s+/g, ' ')),
  };
  return result;
}

const WORDS = [
  'An older version of the security information was served than this browser has already seen, so it is not shown.',
  'Es wurde eine ältere Fassung der Sicherheitsinformationen geliefert als die, die dieser Browser bereits kennt; sie wird daher nicht angezeigt.',
  'Une version des informations de sécurité plus ancienne que celle déjà vue par ce navigateur a été servie ; elle n’est donc pas affichée.',
];

describe('no rollback in the elements (issue 13)', function () {
  this.timeout(30_000);
  // Earlier visits stay open until the test ends, as tabs would.
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));
  let signer: TestSigner;
  before(async () => {
    signer = await makeSigner();
    const response = await fetch(CDN, { method: 'HEAD' });
    expect(response.ok, `${CDN} must exist: run npm run build`).to.equal(true);
  });

  it('an older signed version served after a newer one was seen is refused, naming both sequences; a newer one is shown', async () => {
    const dir = `rollback-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const attrs = `src="/__fixtures/${dir}/posture.json" keys="/__fixtures/${dir}/jwks.json"`;
    await put(`${dir}/jwks.json`, JSON.stringify(jwksOf(signer)), 'application/json');
    const serve = async (sequence: number) => {
      await put(`${dir}/posture.json`, await signedText(makeDocument({ sequence }), signer), 'application/json');
      // Firefox answered a later visit's request from its HTTP cache despite no-store:
      // refresh the cached copy, as a real visitor's cache would be by the time the mirror changed.
      await fetch(`/__fixtures/${dir}/posture.json`, { cache: 'reload', credentials: 'omit' });
    };

    await serve(8);
    expect((await visit(dir, 1, attrs)).states).to.deep.equal(['verified', 'verified', 'verified']);

    await serve(7); // a copy host goes back to an older, still valid, signed version
    const back = await visit(dir, 2, attrs);
    expect(back.states).to.deep.equal(['unverified', 'unverified', 'unverified']);
    back.texts.forEach((text, i) => {
      expect(text).to.contain(WORDS[i]!);
      expect(text).to.contain('rolled-back').and.contain('sequence 7').and.contain('sequence 8');
      expect(text).not.to.contain('Multi-factor authentication');
    });

    await serve(9);
    expect((await visit(dir, 3, attrs)).states).to.deep.equal(['verified', 'verified', 'verified']);
    await serve(8); // 9 is remembered now
    const again = await visit(dir, 4, attrs);
    expect(again.states).to.deep.equal(['unverified', 'unverified', 'unverified']);
    expect(again.texts[0]).to.contain('sequence 8').and.contain('sequence 9');
  });
});

describe('no rollback: storage that throws (issue 13)', () => {
  it('an element still verifies when localStorage throws on every use', async () => {
    const network = installNetwork();
    const { getItem, setItem } = Storage.prototype;
    Storage.prototype.getItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Storage.prototype.setItem = Storage.prototype.getItem;
    try {
      const vendor = await publish(network);
      const badge = await fixture<TrustBadgeElement>(html`<trust-badge src=${vendor.src}></trust-badge>`);
      await settled(badge);
      expect(badge.state).to.equal('verified');
    } finally {
      Storage.prototype.getItem = getItem;
      Storage.prototype.setItem = setItem;
      network.restore();
    }
  });
});
