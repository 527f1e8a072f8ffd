/**
 * Issue 13, partners: the README's partner recipe, as written, on a partner origin that is not the
 * vendor's. The vendor publishes on one loopback origin (127.0.0.1) with its keys there; the
 * partner's page (localhost) shows a copy of the document from its own origin, with the recipe's
 * tag, and nothing but the pin. Only `src` (where this test stores the copy) and `pin` (this
 * test's key) are filled in; everything else is the README's text. After a key rotation, the tag
 * pinned to the old key keeps working only through an announcement signed by that key.
 */
import { expect } from '@open-wc/testing';
import { serializeJws, signAnnouncement, signPosture } from '../../src/core/index.js';
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

/** What the partner's page shows for the README's tag with `pin`, over the partner's copy of `signed`. */
async function partnerPage(dir: string, recipe: string, signed: string, pin: string) {
  const vendor = `http://127.0.0.1:${location.port}`;
  // The vendor publishes its document on its own origin (one test server answers both origins, and it
  // takes PUTs from its own origin only: the files are stored by path).
  await put(`/__fixtures/${dir}/vendor/posture.json`, signed, 'application/json');
  // The partner downloads the vendor's file from the vendor's origin and hosts the copy on its own.
  const copy = await (await fetch(`${vendor}/__fixtures/${dir}/vendor/posture.json`)).text();
  expect(JSON.parse(copy).issuer === undefined, 'the copy is the signed file').to.equal(true);
  await put(`/__fixtures/${dir}/partner/vendor/posture.json`, copy, 'application/json');
  const tag = recipe.replace(/src="[^"]*"/, `src="/__fixtures/${dir}/partner/vendor/posture.json"`).replace(/pin="[^"]*"/, `pin="${pin}"`);
  // The page records the element's trust-error, to read what it says.
  const listen = `<script>addEventListener('trust-error', (e) => { window.trustError = e.detail.code + ': ' + e.detail.message; });</script>`;
  await put(
    `/__fixtures/${dir}/partner/page.html`,
    `<!doctype html><html lang="en"><head><title>Partner</title>${listen}<script type="module" src="${CDN}"></script></head><body>${tag}</body></html>`,
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
  return {
    state: state(),
    text: page.querySelector('control-status')!.shadowRoot!.textContent ?? '',
    error: String((frame.contentWindow as unknown as { trustError?: string }).trustError ?? ''),
    // Every key set the partner's page asked for (it has none).
    askedForKeys: frame
      .contentWindow!.performance.getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => name.includes('jwks')),
  };
}

const uniqueDir = () => `partner-${Date.now()}-${Math.random().toString(36).slice(2)}`;

describe("the README's partner recipe on the partner's own origin (issue 13)", () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  let recipe: string;
  let document_: ReturnType<typeof makeDocument>;
  before(async () => {
    expect(location.hostname, 'the partner page is on localhost').to.equal('localhost');
    recipe = await partnerRecipe();
    const control = /control="([^"]+)"/.exec(recipe)![1]!;
    document_ = makeDocument({
      issuer: `http://127.0.0.1:${location.port}`,
      categories: [{ id: 'identity', title: 'Identity', controls: [{ id: control, title: 'Enterprise SSO', status: 'shipped' }] }],
    });
  });

  it('a copy of the document, pinned as the README says, verifies on an origin that has no key set', async () => {
    const dir = uniqueDir();
    const signer = await makeSigner();
    await put(`/__fixtures/${dir}/vendor/jwks.json`, JSON.stringify(jwksOf(signer)), 'application/json');
    const shown = await partnerPage(dir, recipe, await signedText(document_, signer), signer.publicJwk.kid!);
    expect(shown.state).to.equal('verified');
    expect(shown.text).to.contain('Enterprise SSO').and.contain('Shipped');
    expect(shown.text).to.contain('signed by the key this page pinned').and.not.contain('successor');
    expect(shown.askedForKeys).to.deep.equal([]);
  });

  it('after the vendor rotates, a tag pinned to the old key verifies a copy signed by the announced next key', async () => {
    const [current, next] = await Promise.all([makeSigner(), makeSigner()]);
    const day = 86_400_000;
    const announcement = await signAnnouncement(
      {
        next: [next.publicJwk.kid!],
        issued: new Date(Date.now() - day).toISOString(),
        expires: new Date(Date.now() + 90 * day).toISOString(),
      },
      [current.key],
    );
    const rotated = serializeJws(await signPosture(document_, [next.key], announcement));
    const shown = await partnerPage(uniqueDir(), recipe, rotated, current.publicJwk.kid!);
    expect(shown.state, shown.error).to.equal('verified');
    expect(shown.text).to.contain('Enterprise SSO');
    // The seal does not say the pinned key signed: its announced successor did.
    expect(shown.text).to.contain('signed by the successor the pinned key announced').and.not.contain('key this page pinned');
    expect(shown.askedForKeys).to.deep.equal([]);
  });

  it('without an announcement by the pinned key, the copy is refused, and the error names the key that signed it', async () => {
    const [current, next, stranger] = await Promise.all([makeSigner(), makeSigner(), makeSigner()]);
    const day = 86_400_000;
    // Announced, but by a key the partner did not pin.
    const byStranger = await signAnnouncement(
      {
        next: [next.publicJwk.kid!],
        issued: new Date(Date.now() - day).toISOString(),
        expires: new Date(Date.now() + 90 * day).toISOString(),
      },
      [stranger.key],
    );
    for (const announcements of [[], byStranger]) {
      const rotated = serializeJws(await signPosture(document_, [next.key], announcements));
      const shown = await partnerPage(uniqueDir(), recipe, rotated, current.publicJwk.kid!);
      expect(shown.state).to.equal('unverified');
      expect(shown.error).to.contain('no-trusted-signature').and.contain(`It is signed by key ${next.publicJwk.kid}.`);
    }
  });
});
