/**
 * The problem box shows text an attacker chooses (a header's `alg`, a field name, a URL): it is
 * cut to a bounded length, and control and bidi characters appear as visible escapes, so a crafted
 * document can neither flood the page nor reorder or hide what the box says.
 */
import { expect } from '@open-wc/testing';
import '../../src/define/all.js';
import { base64urlEncode, POSTURE_TYP, thumbprint } from '../../src/core/index.js';
import type { TrustErrorDetail } from '../../src/elements/events.js';
import { installNetwork, jsonResponse, publish, type FakeNetwork } from '../fixtures/network.js';
import { makeDocument, signedRaw } from '../fixtures/posture.js';

type Settled = HTMLElement & { state: string; updateComplete: Promise<boolean> };

/** Right-to-left override, C1 "next line", escape + "clear line": each changes what a reader sees. */
const TRICKS = '\u202e\u0085\u001b[2K\u2066';
const FLOOD = 'X'.repeat(5000);
/** What the box may show at most: the message (300) and the document URL (300), with some room for the words around them. */
const MAX_DETAILS = 700;

let network: FakeNetwork;

async function mount(tag: string, attrs: Record<string, string>): Promise<{ element: Settled; error?: TrustErrorDetail }> {
  const element = document.createElement(tag) as Settled;
  let error: TrustErrorDetail | undefined;
  element.addEventListener('trust-error', (e) => (error = (e as CustomEvent<TrustErrorDetail>).detail));
  for (const [k, v] of Object.entries({ lang: 'en', ...attrs })) element.setAttribute(k, v);
  document.body.append(element);
  const start = Date.now();
  while (element.state === 'loading') {
    if (Date.now() - start > 5000) throw new Error(`<${tag}> still loading after 5 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
  await element.updateComplete;
  return { element, error };
}

/** The technical details the element shows: the problem box's details, or the badge's tooltip line. */
function details(element: Element): string {
  const root = element.shadowRoot!;
  return (root.querySelector('[part~="details"] p') ?? root.querySelector('.tip-meta'))?.textContent ?? '';
}

/** A JWS whose protected header names the trusted key `kid` with the algorithm `alg`: refused before its signature is checked. */
function withAlg(alg: string, kid: string): string {
  const header = base64urlEncode(new TextEncoder().encode(JSON.stringify({ alg, kid, typ: POSTURE_TYP })));
  const payload = base64urlEncode(new TextEncoder().encode(JSON.stringify(makeDocument())));
  return JSON.stringify({ payload, signatures: [{ protected: header, signature: 'AAAA' }] });
}

describe('attacker-chosen text in the problem box', () => {
  beforeEach(() => (network = installNetwork()));
  afterEach(() => {
    network.restore();
    document.body.querySelectorAll('[src]').forEach((e) => e.remove());
  });

  for (const [tag, attrs] of [
    ['trust-center', {}],
    ['control-status', { control: 'sso' }],
  ] as const) {
    it(`<${tag}>: a header's alg with bidi and control characters, 5000 characters long, is shown escaped and cut short`, async () => {
      const published = await publish(network);
      const kid = await thumbprint(published.signer.publicJwk);
      network.routes.set(published.src, () => jsonResponse(withAlg(`${TRICKS}${FLOOD}`, kid)));
      const { element, error } = await mount(tag, { src: published.src, ...attrs });
      expect(element.getAttribute('state')).to.equal('unverified');
      expect(error?.code).to.equal('alg-refused');
      const shown = details(element);
      expect(shown).to.contain('alg-refused');
      expect(shown.length, 'details length').to.be.below(MAX_DETAILS);
      expect(shown.includes('X'.repeat(400)), 'the flood is cut').to.equal(false);
      expect(shown, 'cut visibly').to.contain('…');
      expect(/[\u202e\u0085\u001b\u2066]/.test(element.shadowRoot!.textContent!), 'no raw control or bidi character').to.equal(false);
      expect(shown).to.contain('\\u{202e}');
      expect(shown).to.contain('\\u{85}');
    });
  }

  it('a field name with bidi characters, in a schema-invalid message, is shown escaped', async () => {
    const published = await publish(network);
    const doc = makeDocument({ issuer: published.origin }) as Record<string, unknown>;
    doc[`\u202eevil${'Y'.repeat(3000)}`] = 1;
    const signed = await signedRaw(JSON.stringify(doc), published.signer);
    network.routes.set(published.src, () => jsonResponse(signed));
    const { element, error } = await mount('trust-center', { src: published.src });
    expect(error?.code).to.equal('schema-invalid');
    const shown = details(element);
    expect(shown).to.contain('\\u{202e}evil');
    expect(shown.length).to.be.below(MAX_DETAILS);
    expect(element.shadowRoot!.textContent!.includes('\u202e')).to.equal(false);
  });

  it('a short, plain message is shown whole', async () => {
    const published = await publish(network);
    const kid = await thumbprint(published.signer.publicJwk);
    network.routes.set(published.src, () => jsonResponse(withAlg('HS256', kid)));
    const { element } = await mount('trust-center', { src: published.src });
    expect(details(element)).to.contain('alg-refused: A signature claims the algorithm "HS256", but its key is an Ed25519 key: refused.');
    expect(details(element)).to.not.contain('…');
  });
});
