/**
 * Issue 13: when no pinned or trusted key signed a document, `no-trusted-signature` names the key
 * ids that did sign it (so a partner knows what to update) — bounded, and escaped, since they are
 * the document's text — in the core and in an element's technical details.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { POSTURE_TYP, PostureError, signJws, serializeJws, verifyPosture } from '../../src/core/index.js';
import '../../src/define/trust-center.js';
import type { TrustCenterElement } from '../../src/define/trust-center.js';
import { installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';
import { jwksOf, makeDocument, makeSigner, signedText, type TestSigner } from '../fixtures/posture.js';

async function messageOf(text: string, options: Parameters<typeof verifyPosture>[1]): Promise<string> {
  try {
    await verifyPosture(text, options);
  } catch (error) {
    expect((error as PostureError).code).to.equal('no-trusted-signature');
    return (error as PostureError).message;
  }
  throw new Error('expected verification to fail');
}

/** The test document signed by `signer` once per kid, each signature claiming that kid. */
async function signedWithKids(signer: TestSigner, kids: string[]): Promise<string> {
  const payload = new TextEncoder().encode(JSON.stringify(makeDocument()));
  const signatures = [];
  for (const kid of kids) signatures.push(...(await signJws(payload, [signer.key], { typ: POSTURE_TYP, kid })).signatures);
  return serializeJws({ payload: (await signJws(payload, [signer.key])).payload, signatures });
}

describe('no-trusted-signature names the keys that did sign (issue 13)', () => {
  let a: TestSigner;
  let b: TestSigner;
  let c: TestSigner;
  before(async () => {
    [a, b, c] = await Promise.all([makeSigner('EdDSA'), makeSigner('ES256'), makeSigner('EdDSA')]);
  });

  it('with a key set that does not hold the signers: both key ids', async () => {
    const message = await messageOf(await signedText(makeDocument(), a, b), { jwks: jwksOf(c) });
    expect(message).to.contain(`It is signed by keys ${a.publicJwk.kid}, ${b.publicJwk.kid}.`);
  });

  it('with a pin the file does not carry: the key id that signed', async () => {
    const message = await messageOf(await signedText(makeDocument(), a), { pins: [c.publicJwk.kid!] });
    expect(message).to.match(/^None of the pinned keys is among the keys the document carries/);
    expect(message).to.contain(`It is signed by key ${a.publicJwk.kid}.`);
  });

  it('with a pin naming no key of a key set: the key id that signed', async () => {
    const bare = JSON.parse(await signedText(makeDocument(), a)) as Record<string, unknown>;
    delete bare.jwks;
    const message = await messageOf(JSON.stringify(bare), { pins: [c.publicJwk.kid!], jwks: jwksOf(b, c) });
    expect(message).to.contain(`It is signed by key ${a.publicJwk.kid}.`);
  });

  it('at most four key ids, each cut to 48 characters, control and bidi characters escaped', async () => {
    const kids = ['k1\u202eevil', 'k2\u0000', 'x'.repeat(500), 'k4', 'k5', 'k6'];
    const message = await messageOf(await signedWithKids(a, kids), { jwks: jwksOf(c) });
    expect(message).to.contain(`It is signed by keys k1\\u{202e}evil, k2\\u{0}, ${'x'.repeat(45)}…, k4 and 2 more.`);
    expect(message).not.to.contain('\u202e');
    expect(message.length).to.be.lessThan(300);
  });

  describe('in an element', () => {
    let network: FakeNetwork;
    beforeEach(() => (network = installNetwork()));
    afterEach(() => network.restore());

    it("a trust center's technical details name the key that signed when the pinned key did not", async () => {
      const vendor = await publish(network, {}, { signer: a });
      const center = await fixture<TrustCenterElement>(html`<trust-center src=${vendor.src} pin=${c.publicJwk.kid!}></trust-center>`);
      await settled(center);
      expect(center.state).to.equal('unverified');
      const details = center.shadowRoot!.querySelector('[part="details"]')?.textContent ?? '';
      expect(details).to.contain('no-trusted-signature').and.contain(`It is signed by key ${a.publicJwk.kid}.`);
    });
  });
});
