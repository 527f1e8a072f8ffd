/**
 * Issue 13, partners: the README's partner recipe, as written, on a partner origin that is not the
 * vendor's. The vendor publishes on one loopback origin (127.0.0.1) with its keys there; the
 * partner's page (localhost) shows a copy of the document from its own origin, with the recipe's
 * tag, and nothing but the pin. Only `src` (where this test stores the copy) and `pin` (this
 * test's key) are filled in; everything else is the README's text.
 */
import { expect } from '@open-wc/testing';
import { jwksOf, makeDocument, makeSigner, signedText } from '../fixtures/posture.js';

const CDN = '/dist/cdn/trust-elements.min.js';

async function put(url: string, body: string, type: string) {
  const response = await fetch(url, { method: 'PUT', body, headers: { 'content-type': type } });
  expect(response.status, `storing ${url}`).to.equal(204);
}

/** The tag of the README's "A partner: pin the vendor's key" recipe, exactly as printed there. */
async function partnerRecipe(): Promise<string> {
  const readme = await (await fetch('/README.md')).text();
  const section = readme.slice(readme.indexOf("### A partner: pin the vendor's key"));
  const tag = /```html\n([\s\S]*?)\n```/.exec(section)?.[1];
  expect(tag, 'the README has a partner recipe').to.be.a('string');
  return tag!;
}

describe("the README's partner recipe on the partner's own origin (issue 13)", () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('a copy of the document, pinned as the README says, verifies on an origin that has no key set', async () => {
    expect(location.hostname, 'the partner page is on localhost').to.equal('localhost');
    const vendor = `http://127.0.0.1:${location.port}`;
    const dir = `partner-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const signer = await makeSigner();
    const recipe = await partnerRecipe();
    const control = /control="([^"]+)"/.exec(recipe)![1]!;
    // The vendor publishes its document and keys on its own origin (one test server answers both
    // origins, and it takes PUTs from its own origin only: the files are stored by path).
    const document_ = makeDocument({
      issuer: vendor,
      categories: [{ id: 'identity', title: 'Identity', controls: [{ id: control, title: 'Enterprise SSO', status: 'shipped' }] }],
    });
    await put(`/__fixtures/${dir}/vendor/posture.json`, await signedText(document_, signer), 'application/json');
    await put(`/__fixtures/${dir}/vendor/jwks.json`, JSON.stringify(jwksOf(signer)), 'application/json');
    // The partner downloads the vendor's file from the vendor's origin and hosts the copy on its own.
    const copy = await (await fetch(`${vendor}/__fixtures/${dir}/vendor/posture.json`)).text();
    expect(JSON.parse(copy).issuer === undefined, 'the copy is the signed file').to.equal(true);
    await put(`/__fixtures/${dir}/partner/vendor/posture.json`, copy, 'application/json');
    const tag = recipe
      .replace(/src="[^"]*"/, `src="/__fixtures/${dir}/partner/vendor/posture.json"`)
      .replace(/pin="[^"]*"/, `pin="${signer.publicJwk.kid}"`);
    await put(
      `/__fixtures/${dir}/partner/page.html`,
      `<!doctype html><html lang="en"><head><title>Partner</title><script type="module" src="${CDN}"></script></head><body>${tag}</body></html>`,
      'text/html; charset=utf-8',
    );
    const frame = document.createElement('iframe');
    document.body.append(frame);
    await new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
      frame.src = `/__fixtures/${dir}/partner/page.html`;
    });
    const page = frame.contentDocument!;
    const start = Date.now();
    const state = () => page.querySelector('control-status')?.getAttribute('state') ?? null;
    while (state() === null || state() === 'loading') {
      if (Date.now() - start > 8000) throw new Error(`the partner's element did not settle: ${state()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const element = page.querySelector('control-status')!;
    expect(state()).to.equal('verified');
    expect(element.shadowRoot!.textContent).to.contain('Enterprise SSO').and.contain('Shipped');
    // The partner's origin was never asked for a key set (it has none).
    const asked = frame.contentWindow!.performance.getEntriesByType('resource').map((e) => e.name);
    expect(asked.filter((name) => name.includes('jwks'))).to.deep.equal([]);
  });
});
