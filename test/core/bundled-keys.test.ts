/**
 * Issue 13, partners: a signed file carries its signers' public keys (unsigned, beside the
 * signatures), and a reader that pins a key uses them, so a partner's copy needs no key set on
 * the partner's origin. Only pins select them; discovery and `keys=` ignore them.
 */
import { expect } from '@open-wc/testing';
import { loadPosture, PostureError, verifyPosture, type FetchLike, type LoadOptions } from '../../src/core/index.js';
import { jwksOf, makeDocument, makeSigner, signedText, type TestSigner } from '../fixtures/posture.js';

const json = (body: string) => new Response(body, { headers: { 'content-type': 'application/json' } });

/** A fake network: the partner's copy and, when given, a key set at the partner's and the vendor's origins. */
function network(routes: Record<string, string>) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const body = routes[url];
    return body === undefined ? new Response('not found', { status: 404 }) : json(body);
  };
  return { fetch, calls };
}

const COPY = 'https://partner.example/vendor/posture.json';
const PARTNER_JWKS = 'https://partner.example/.well-known/trust-elements/jwks.json';
const VENDOR_JWKS = 'https://vendor.example/.well-known/trust-elements/jwks.json';

async function failure(src: string, options: LoadOptions): Promise<PostureError> {
  try {
    await loadPosture(src, options);
  } catch (error) {
    if (error instanceof PostureError) return error;
    throw error;
  }
  throw new Error('expected loading to fail');
}

/** The signed file with its bundled key set replaced (or removed, with undefined). */
function withBundle(text: string, jwks: unknown): string {
  const file = JSON.parse(text) as Record<string, unknown>;
  if (jwks === undefined) delete file.jwks;
  else file.jwks = jwks;
  return JSON.stringify(file);
}

describe('keys bundled in the signed file (issue 13, partners)', () => {
  let signer: TestSigner;
  let other: TestSigner;
  let text: string;
  before(async () => {
    [signer, other] = await Promise.all([makeSigner('EdDSA'), makeSigner('ES256')]);
    text = await signedText(makeDocument(), signer);
  });

  it("signing writes the signers' public keys, and nothing private, beside the signatures", async () => {
    const file = JSON.parse(await signedText(makeDocument(), signer, other)) as { jwks: { keys: Record<string, unknown>[] } };
    expect(file.jwks.keys.map((k) => k.kid)).to.deep.equal([signer.publicJwk.kid, other.publicJwk.kid]);
    expect(file.jwks.keys.some((k) => 'd' in k)).to.equal(false);
  });

  it("a pinned copy on the partner's origin verifies with no key set anywhere, and asks for none", async () => {
    const { fetch, calls } = network({ [COPY]: text });
    const posture = await loadPosture(COPY, { fetch, pins: signer.publicJwk.kid! });
    expect(posture.document.organization.name).to.equal('Vendor Example');
    expect(posture.keysFrom).to.equal('document');
    expect(calls).to.deep.equal([COPY]);
  });

  it('a bundled key that is not pinned is not trusted, and the error names the key that signed (no key set asked for)', async () => {
    const { fetch, calls } = network({ [COPY]: text, [PARTNER_JWKS]: JSON.stringify(jwksOf(other)) });
    const error = await failure(COPY, { fetch, pins: other.publicJwk.kid! });
    expect(error.code).to.equal('no-trusted-signature');
    expect(error.message).to.contain(`It is signed by key ${signer.publicJwk.kid}.`);
    expect(calls).to.deep.equal([COPY]);
  });

  it('a file that carries no keys (another signing tool): a pinned reader uses the key set, as before', async () => {
    const { fetch, calls } = network({ [COPY]: withBundle(text, undefined), [PARTNER_JWKS]: JSON.stringify(jwksOf(signer)) });
    const posture = await loadPosture(COPY, { fetch, pins: signer.publicJwk.kid! });
    expect(posture.keysFrom).to.equal('key set');
    expect(calls).to.include(PARTNER_JWKS);
  });

  it('discovery ignores the bundle: a copy that carries its key still needs the key set at its origin', async () => {
    const mirror = 'https://vendor.example/.well-known/trust-elements/posture.json';
    const { fetch } = network({ [mirror]: text, [VENDOR_JWKS]: JSON.stringify(jwksOf(other)) });
    expect((await failure(mirror, { fetch })).code).to.equal('no-trusted-signature');
  });

  it('keys= ignores the bundle: only the named key set counts', async () => {
    const keys = 'https://keys.example/jwks.json';
    const { fetch } = network({ [COPY]: text, [keys]: JSON.stringify(jwksOf(other)) });
    expect((await failure(COPY, { fetch, keys })).code).to.equal('no-trusted-signature');
  });

  it('a bundle holding a private key or a weak key is refused in pin mode (keys-invalid)', async () => {
    const leaked = { ...signer.publicJwk, d: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
    const identity = { kty: 'OKP', crv: 'Ed25519', x: 'AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
    for (const bundle of [{ keys: [leaked] }, { keys: [signer.publicJwk, identity] }]) {
      const { fetch } = network({ [COPY]: withBundle(text, bundle), [PARTNER_JWKS]: JSON.stringify(jwksOf(signer)) });
      const error = await failure(COPY, { fetch, pins: signer.publicJwk.kid! });
      expect(error.code, JSON.stringify(bundle)).to.equal('keys-invalid');
      expect(error.message).to.match(/^In the keys the document carries/);
    }
  });

  it('a bundled key with the pinned id but another key is not the pinned key (the thumbprint is computed)', async () => {
    // The attacker's key, labelled with the pinned kid, signs a forged document.
    const forged = JSON.parse(await signedText(makeDocument({ organization: { name: 'Forged', url: 'https://f.example' } }), other)) as {
      jwks: { keys: Record<string, unknown>[] };
    };
    forged.jwks.keys[0]!.kid = signer.publicJwk.kid;
    let code: string | undefined;
    try {
      await verifyPosture(JSON.stringify(forged), { pins: [signer.publicJwk.kid!], jwks: jwksOf(signer) });
    } catch (error) {
      code = (error as PostureError).code;
    }
    expect(code).to.equal('no-trusted-signature');
  });
});
