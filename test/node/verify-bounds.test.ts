/**
 * Finding 1 of issue 11 in Node: the worst document within the 1 MiB limit (thousands of junk
 * signatures, no kid or random kids, zero bytes) is refused as too-many-signatures before any
 * cryptography, within 100 ms; before the bound it took the verifier 11–17 s.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SIGNATURES, PostureError, verifyPosture } from '../../src/core/index.js';
import { flooded, spyOnVerify } from '../fixtures/flood.js';
import { jwksOf, makeDocument, makeSigner, signedText } from '../fixtures/posture.js';

describe('verifyPosture bounds its work (Node)', () => {
  for (const randomKids of [false, true]) {
    test(`a 1 MiB flood of junk signatures (${randomKids ? 'random kids' : 'no kid'}) is refused in under 100 ms with no signature check`, async () => {
      const [signer, second] = await Promise.all([makeSigner('EdDSA'), makeSigner('EdDSA')]);
      const text = await signedText(makeDocument(), signer);
      const flood = flooded(text, { randomKids });
      assert.ok(flood.signatures > 3000, `${flood.signatures} signatures`);
      const spy = spyOnVerify();
      try {
        const start = performance.now();
        await assert.rejects(verifyPosture(Buffer.from(flood.text), { jwks: jwksOf(signer, second) }), (error: unknown) => {
          assert.ok(error instanceof PostureError);
          assert.equal(error.code, 'too-many-signatures');
          assert.match(error.message, new RegExp(`at most ${MAX_SIGNATURES}`));
          return true;
        });
        const elapsed = performance.now() - start;
        assert.equal(spy.calls, 0);
        assert.ok(elapsed < 100, `refused after ${Math.round(elapsed)} ms`);
        // The spy sees real checks: the genuine document costs exactly one.
        await verifyPosture(text, { jwks: jwksOf(signer, second) });
        assert.equal(spy.calls, 1);
      } finally {
        spy.restore();
      }
    });
  }
});
