/**
 * The built one-tag CDN file (dist/cdn/trust-elements.min.js, from `npm run build`) on real pages:
 * a plain page with nothing but the script tag and an element, a page under a strict
 * Content-Security-Policy (and Trusted Types), and a page that includes the library twice.
 */
import { expect } from '@open-wc/testing';
import { jwksOf, makeDocument, makeSigner, signedText } from '../fixtures/posture.js';

const CDN = '/dist/cdn/trust-elements.min.js';
let counter = 0;

async function put(name: string, body: string, type: string, csp?: string) {
  const response = await fetch(`/__fixtures/${name}`, {
    method: 'PUT',
    body,
    headers: { 'content-type': type, ...(csp ? { 'x-fixture-csp': csp } : {}) },
  });
  expect(response.status, `storing fixture ${name}`).to.equal(204);
}

/** Publishes a signed document and its keys under a fresh fixture folder; returns its attributes. */
async function publishFixture() {
  const dir = `cdn-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2)}`;
  const signer = await makeSigner();
  await put(`${dir}/posture.json`, await signedText(makeDocument(), signer), 'application/json');
  await put(`${dir}/jwks.json`, JSON.stringify(jwksOf(signer)), 'application/json');
  return { dir, attrs: `src="/__fixtures/${dir}/posture.json" keys="/__fixtures/${dir}/jwks.json"` };
}

/** Loads `html` as a page in an iframe and resolves with its document once every element settled. */
async function openPage(name: string, html: string, csp?: string): Promise<Document> {
  await put(name, html, 'text/html; charset=utf-8', csp);
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 400px; border: 0';
  document.body.append(frame);
  await new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`could not load ${name}`)), { once: true });
    frame.src = `/__fixtures/${name}`;
  });
  const doc = frame.contentDocument!;
  const start = Date.now();
  for (;;) {
    const elements = Array.from(doc.querySelectorAll('control-status, trust-badge'));
    if (elements.length && elements.every((e) => e.getAttribute('state') && e.getAttribute('state') !== 'loading')) break;
    if (Date.now() - start > 8000)
      throw new Error(
        `page ${name} did not settle: ${elements.map((e) => `${e.localName}=${e.getAttribute('state')}`).join(', ') || 'elements not upgraded'}`,
      );
    await new Promise((r) => setTimeout(r, 25));
  }
  return doc;
}

describe('the one-tag CDN file', () => {
  before(async () => {
    const response = await fetch(CDN, { method: 'HEAD' });
    expect(response.ok, `${CDN} must exist: run npm run build`).to.equal(true);
  });
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('renders <control-status> on a plain HTML page with nothing but the script tag', async () => {
    const { dir, attrs } = await publishFixture();
    const doc = await openPage(
      `${dir}/plain.html`,
      `<!doctype html><html lang="en"><head><title>Plain</title><script type="module" src="${CDN}"></script></head><body><control-status ${attrs} control="mfa"></control-status></body></html>`,
    );
    const element = doc.querySelector('control-status')!;
    expect(element.getAttribute('state')).to.equal('verified');
    expect(element.shadowRoot!.textContent).to.contain('Multi-factor authentication').and.contain('Shipped');
  });

  it("works under a strict Content-Security-Policy (script-src 'self'; style-src 'self') with Trusted Types enforced", async () => {
    const { dir, attrs } = await publishFixture();
    const csp =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; require-trusted-types-for 'script'";
    const doc = await openPage(
      `${dir}/csp.html`,
      `<!doctype html><html lang="en"><head><title>Strict</title><script>window.inlineRan = true;</script><script type="module" src="${CDN}"></script></head><body><control-status ${attrs} control="mfa"></control-status><trust-badge ${attrs}></trust-badge></body></html>`,
      csp,
    );
    // The policy really is in force: the page's own inline script was blocked.
    expect((doc.defaultView as unknown as { inlineRan?: boolean }).inlineRan).to.equal(undefined);
    const status = doc.querySelector('control-status')!;
    const badge = doc.querySelector('trust-badge')!;
    expect([status.getAttribute('state'), badge.getAttribute('state')]).to.deep.equal(['verified', 'verified']);
    // The element's styles applied although the page allows no inline style: the badge has its fixed size.
    const box = badge.getBoundingClientRect();
    expect(box.height).to.be.greaterThan(40).and.lessThan(80);
    const pill = status.shadowRoot!.querySelector('[part~="status"]') as HTMLElement;
    expect(doc.defaultView!.getComputedStyle(pill).borderTopStyle).to.equal('solid');
  });

  it('does not break when the script is included twice, or as two copies', async () => {
    const { dir, attrs } = await publishFixture();
    const doc = await openPage(
      `${dir}/twice.html`,
      `<!doctype html><html lang="en"><head><title>Twice</title>
        <script>window.pageErrors = []; addEventListener('error', (e) => pageErrors.push(String(e.message)));</script>
        <script type="module" src="${CDN}"></script><script type="module" src="${CDN}"></script><script type="module" src="${CDN}?copy=2"></script>
      </head><body><trust-badge ${attrs}></trust-badge><control-status ${attrs} control="sso"></control-status></body></html>`,
    );
    expect((doc.defaultView as unknown as { pageErrors: string[] }).pageErrors).to.deep.equal([]);
    expect(Array.from(doc.querySelectorAll('[state]')).map((e) => e.getAttribute('state'))).to.deep.equal(['verified', 'verified']);
  });

  /** The policy of the README's "A page with a Content-Security-Policy", without its header name. */
  async function readmePolicy(): Promise<string> {
    const readme = await (await fetch('/README.md')).text();
    const section = readme.slice(readme.indexOf('### A page with a Content-Security-Policy'));
    const policy = /```\nContent-Security-Policy: (.*)\n```/.exec(section)?.[1];
    expect(policy, 'the README states a policy').to.be.a('string');
    return policy!;
  }

  /**
   * A German marketing page that loads the script from a CDN on another origin (here 127.0.0.1
   * for a page on localhost), the i18n/ folder beside it as published, under the README's policy
   * (which names that CDN): the words come from the CDN, once, and are German. Without the folder
   * there, English.
   */
  async function cdnPage(withLanguages: boolean) {
    const { dir, attrs } = await publishFixture();
    const cdn = `http://127.0.0.1:${location.port}/__fixtures/${dir}/cdn`;
    const copy = async (from: string, to: string, type: string) => {
      const response = await fetch(`/__fixtures/${dir}/cdn/${to}`, {
        method: 'PUT',
        body: await (await fetch(from)).arrayBuffer(),
        headers: { 'content-type': type },
      });
      expect(response.status, `storing ${to}`).to.equal(204);
    };
    await copy(CDN, 'trust-elements.min.js', 'text/javascript');
    if (withLanguages) await copy('/dist/cdn/i18n/de.json', 'i18n/de.json', 'application/json');
    // The README's policy, as written: the CDN (here the copy's folder) and the vendor (this page's origin).
    const csp = `default-src 'none'; ${(await readmePolicy()).replaceAll('https://<npm CDN>', `${cdn}/`).replaceAll('https://vendor.example', location.origin)}; require-trusted-types-for 'script'`;
    const doc = await openPage(
      `${dir}/german.html`,
      `<!doctype html><html lang="de"><head><title>Sicherheit</title><script type="module" src="${cdn}/trust-elements.min.js"></script></head><body><trust-badge ${attrs}></trust-badge><control-status ${attrs} control="mfa"></control-status></body></html>`,
      csp,
    );
    const elements = Array.from(doc.querySelectorAll('trust-badge, control-status'));
    // The state is set before the words may have arrived: updateComplete waits for them.
    await Promise.all(elements.map((e) => (e as unknown as { updateComplete: Promise<boolean> }).updateComplete));
    const requests = (doc.defaultView!.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => r.name);
    return {
      states: elements.map((e) => e.getAttribute('state')),
      badge: doc.querySelector('trust-badge')!.shadowRoot!.querySelector('[part="summary"]')!.textContent!,
      status: doc.querySelector('control-status')!.shadowRoot!.querySelector('[part~="label"]')!.textContent!,
      languageRequests: requests.filter((name) => name.endsWith('/de.json')),
      cdn,
    };
  }

  it("speaks the page's language with the script and its i18n/ folder on a CDN of another origin, under a policy naming it", async () => {
    const page = await cdnPage(true);
    expect(page.states).to.deep.equal(['verified', 'verified']);
    expect([page.badge, page.status]).to.deep.equal([`Verifiziert · 1 von 2 Maßnahmen umgesetzt`, 'Umgesetzt']);
    expect(page.languageRequests).to.deep.equal([`${page.cdn}/i18n/de.json`]);
  });

  it('stays in English, verified, when the CDN has no i18n/ folder', async () => {
    const page = await cdnPage(false);
    expect(page.states).to.deep.equal(['verified', 'verified']);
    expect([page.badge, page.status]).to.deep.equal([`Verified · 1 of 2 controls shipped`, 'Shipped']);
  });
});
