/**
 * Making keys where the engine sometimes refuses a fresh one: WebKitGTK's Ed25519 generateKey
 * throws an OperationError for about 0.8% of draws (WebKit bug 307095). A refused draw is drawn
 * again, a bounded number of times; any other error is not retried.
 */
import { expect } from '@open-wc/testing';
import { generateSigningKey } from '../../src/core/index.js';
import { GENERATE_ATTEMPTS } from '../../src/core/crypto/sign.js';

/**
 * Makes `crypto.subtle.generateKey` refuse its first `refusals` calls with `error`, counting calls,
 * and the refusals of the engine itself after them (WebKitGTK's own, about 0.8% of draws).
 */
function refuseFirst(
  refusals: number,
  error = new DOMException('The operation failed for an operation-specific reason', 'OperationError'),
) {
  const subtle = crypto.subtle as SubtleCrypto & { generateKey: SubtleCrypto['generateKey'] };
  const real = subtle.generateKey.bind(subtle);
  const calls = { count: 0, engineRefusals: 0 };
  const engine = (...args: Parameters<SubtleCrypto['generateKey']>) =>
    real(...args).catch((e: unknown) => {
      calls.engineRefusals++;
      throw e;
    });
  Object.defineProperty(subtle, 'generateKey', {
    configurable: true,
    value: (...args: Parameters<SubtleCrypto['generateKey']>) => (++calls.count <= refusals ? Promise.reject(error) : engine(...args)),
  });
  return { calls, restore: () => delete (subtle as { generateKey?: unknown }).generateKey };
}

describe('key generation when the engine refuses a fresh key', () => {
  it('an Ed25519 key the engine refused twice is drawn again, and the key works', async () => {
    const stub = refuseFirst(2);
    try {
      const { privateJwk, publicJwk } = await generateSigningKey('EdDSA');
      // Two refusals, then one draw that succeeds: one more for each time the engine itself refused.
      expect(stub.calls.count).to.equal(3 + stub.calls.engineRefusals);
      expect(privateJwk.d).to.be.a('string');
      expect(publicJwk.kid).to.match(/^[A-Za-z0-9_-]{43}$/);
    } finally {
      stub.restore();
    }
  });

  it(`gives up after ${GENERATE_ATTEMPTS} refusals with the engine's error, and does not retry other errors`, async () => {
    let stub = refuseFirst(100);
    try {
      const error = await generateSigningKey('EdDSA').catch((e: Error) => e);
      expect((error as Error).name).to.equal('OperationError');
      expect(stub.calls.count).to.equal(GENERATE_ATTEMPTS);
    } finally {
      stub.restore();
    }
    stub = refuseFirst(100, new DOMException('not supported', 'NotSupportedError'));
    try {
      const error = await generateSigningKey('EdDSA').catch((e: Error) => e);
      expect((error as Error).name).to.equal('NotSupportedError');
      expect(stub.calls.count).to.equal(1);
    } finally {
      stub.restore();
    }
  });
});
