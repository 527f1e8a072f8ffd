/**
 * Project Wycheproof vectors through the project's own key import and verify path: every
 * `valid` case must verify and every `invalid` one must be refused, in every engine.
 */
import { expect } from '@open-wc/testing';
import { trustedKeys, verifyBytes, type TrustedKey } from '../../src/core/index.js';
import { encode } from '../../src/core/base64url.js';

interface TestCase {
  tcId: number;
  comment: string;
  msg: string;
  sig: string;
  result: 'valid' | 'invalid' | 'acceptable';
  flags: string[];
}
interface TestGroup {
  publicKey: { pk?: string; uncompressed?: string };
  publicKeyJwk?: Record<string, string>;
  tests: TestCase[];
}

const hex = (h: string) => new Uint8Array((h.match(/../g) ?? []).map((b) => parseInt(b, 16)));

async function loadVectors(name: string): Promise<TestGroup[]> {
  const response = await fetch(`/shared/vectors/wycheproof/${name}`);
  expect(response.ok, `shared/vectors/wycheproof/${name} must be served`).to.equal(true);
  return ((await response.json()) as { testGroups: TestGroup[] }).testGroups;
}

async function keyOf(group: TestGroup, jwk: Record<string, string>): Promise<TrustedKey> {
  const keys = await trustedKeys({ keys: [jwk] });
  expect(keys, `key ${JSON.stringify(jwk)}`).to.have.length(1);
  return keys[0]!;
}

async function disagreements(groups: TestGroup[], jwkOf: (g: TestGroup) => Record<string, string>) {
  const wrong: string[] = [];
  let checked = 0;
  for (const group of groups) {
    const key = await keyOf(group, jwkOf(group));
    for (const test of group.tests) {
      if (test.result === 'acceptable') continue;
      const ok = await verifyBytes(key, hex(test.msg), hex(test.sig));
      checked++;
      if (ok !== (test.result === 'valid')) wrong.push(`tcId ${test.tcId} (${test.comment}): expected ${test.result}, got ${ok}`);
    }
  }
  return { wrong, checked };
}

describe('Wycheproof', () => {
  it('Ed25519: every valid signature verifies and every invalid one is refused', async () => {
    const groups = await loadVectors('ed25519_test.json');
    const { wrong, checked } = await disagreements(
      groups,
      (g) => g.publicKeyJwk ?? { kty: 'OKP', crv: 'Ed25519', x: encode(hex(g.publicKey.pk!)) },
    );
    expect(checked).to.equal(151);
    expect(wrong).to.deep.equal([]);
  });

  it('ECDSA P-256 / SHA-256 (P1363): every valid signature verifies and every invalid one is refused', async () => {
    const groups = await loadVectors('ecdsa_secp256r1_sha256_p1363_test.json');
    const { wrong, checked } = await disagreements(groups, (g) => {
      if (g.publicKeyJwk) return g.publicKeyJwk;
      const point = hex(g.publicKey.uncompressed!);
      return { kty: 'EC', crv: 'P-256', x: encode(point.slice(1, 33)), y: encode(point.slice(33, 65)) };
    });
    expect(checked).to.equal(262);
    expect(wrong).to.deep.equal([]);
  });
});
