/**
 * Which public keys may be trusted: weak Ed25519 and P-256 points are refused where keys are read
 * (`keys-invalid`), and `use` / `key_ops` keep keys that are not for verifying signatures out.
 */
import { expect } from '@open-wc/testing';
import { PostureError, POSTURE_TYP, trustedKeys, verifyPosture } from '../../src/core/index.js';
import { encode, utf8 } from '../../src/core/base64url.js';
import { jwksOf, makeDocument, makeSigner, signedText, type TestSigner } from '../fixtures/posture.js';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));
const b64 = (h: string) => encode(hex(h));

/** The 8 small-order points of edwards25519 in their canonical encodings (y little-endian, top bit = sign of x). */
const SMALL_ORDER = {
  'identity (order 1)': '0100000000000000000000000000000000000000000000000000000000000000',
  'y = -1 (order 2)': 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'y = 0, x+ (order 4)': '0000000000000000000000000000000000000000000000000000000000000000',
  'y = 0, x- (order 4)': '0000000000000000000000000000000000000000000000000000000000000080',
  'y = y8, x+ (order 8)': 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'y = y8, x- (order 8)': 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
  'y = -y8, x+ (order 8)': '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'y = -y8, x- (order 8)': '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
};
/** Non-canonical encodings (y ≥ p, or a sign bit on x = 0) of the same points. */
const NON_CANONICAL = {
  'y = p (0)': 'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'y = p, sign set': 'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
  'y = p + 1 (1)': 'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'identity, sign set': '0100000000000000000000000000000000000000000000000000000000000080',
  'y = -1, sign set': 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
};

async function keysError(jwks: unknown): Promise<PostureError> {
  try {
    await trustedKeys(jwks);
  } catch (error) {
    if (error instanceof PostureError) return error;
    throw error;
  }
  throw new Error('expected the key set to be refused');
}

describe('public keys that must not be trusted (issue 11, finding 4)', () => {
  let ed: TestSigner;
  let es: TestSigner;
  before(async () => {
    [ed, es] = await Promise.all([makeSigner('EdDSA'), makeSigner('ES256')]);
  });

  for (const [name, point] of Object.entries({ ...SMALL_ORDER, ...NON_CANONICAL })) {
    it(`refuses the Ed25519 key ${name}`, async () => {
      const error = await keysError({ keys: [ed.publicJwk, { kty: 'OKP', crv: 'Ed25519', x: b64(point) }] });
      expect(error.code).to.equal('keys-invalid');
      expect(error.message).to.match(/small order|not canonical/);
    });
  }

  it('a JWKS with the identity key and a signature (R = identity, S = 0) over any content is refused', async () => {
    const identity = SMALL_ORDER['identity (order 1)'];
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: b64(identity) };
    const payload = encode(utf8(JSON.stringify(makeDocument({ organization: { name: 'Forged Inc.', url: 'https://forged.example' } }))));
    const header = encode(utf8(JSON.stringify({ alg: 'EdDSA', typ: POSTURE_TYP })));
    const forged = JSON.stringify({
      payload,
      signatures: [{ protected: header, signature: encode(new Uint8Array([...hex(identity), ...new Uint8Array(32)])) }],
    });
    let code: string | undefined;
    try {
      await verifyPosture(forged, { jwks: { keys: [jwk] } });
    } catch (error) {
      code = (error as PostureError).code;
    }
    expect(code).to.equal('keys-invalid');
  });

  it('refuses P-256 keys off the curve, at infinity (0, 0), or with a coordinate not below p', async () => {
    const p = 'ffffffff00000001000000000000000000000000ffffffffffffffffffffffff';
    const zero = '00'.repeat(32);
    const { x, y } = es.publicJwk as { x: string; y: string };
    const flipped = Uint8Array.from(atob(y.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    flipped[31] = flipped[31]! ^ 1;
    const cases = {
      'off the curve': { x, y: encode(flipped) },
      'infinity as (0, 0)': { x: b64(zero), y: b64(zero) },
      'x = p': { x: b64(p), y },
    };
    for (const [name, coords] of Object.entries(cases)) {
      const error = await keysError({ keys: [{ kty: 'EC', crv: 'P-256', ...coords }] });
      expect(error.code, name).to.equal('keys-invalid');
      expect(error.message, name).to.match(/not on the curve|not below p/);
    }
    expect(await trustedKeys(jwksOf(es, ed))).to.have.length(2);
  });

  it('keeps only keys meant for verifying signatures (use, key_ops)', async () => {
    const text = await signedText(makeDocument(), ed);
    const variants: [Record<string, unknown>, boolean][] = [
      [{ use: 'sig' }, true],
      [{ key_ops: ['verify'] }, true],
      [{ use: 'enc' }, false],
      [{ key_ops: ['encrypt'] }, false],
      [{ key_ops: 'verify' }, false],
      [{ use: 'sig', key_ops: ['sign'] }, false],
    ];
    for (const [extra, kept] of variants) {
      const jwks = { keys: [{ ...ed.publicJwk, ...extra }] };
      expect((await trustedKeys(jwks)).length, JSON.stringify(extra)).to.equal(kept ? 1 : 0);
      let code = 'verified';
      await verifyPosture(text, { jwks }).catch((error: PostureError) => (code = error.code));
      expect(code, JSON.stringify(extra)).to.equal(kept ? 'verified' : 'no-trusted-signature');
    }
  });
});
