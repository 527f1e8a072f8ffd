/**
 * Interoperability with an independent JOSE implementation (`jose`) and with the RFC 8037
 * Ed25519 example: our signatures verify there, theirs verify here.
 */
import { expect } from '@open-wc/testing';
import * as jose from 'jose';
import { POSTURE_TYP, signPosture, thumbprint, trustedKeys, verifyJws, verifyPosture } from '../../src/core/index.js';
import { jwksOf, makeDocument, makeSigner } from '../fixtures/posture.js';

// RFC 8037 Appendix A
const RFC8037_PUBLIC = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } as const;
const RFC8037_PRIVATE = { ...RFC8037_PUBLIC, d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A' };
const RFC8037_THUMBPRINT = 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k';
const RFC8037_JWS =
  'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg';

describe('RFC 8037 (Ed25519 in JOSE)', () => {
  it('computes the RFC 7638 thumbprint of the Appendix A key', async () => {
    expect(await thumbprint(RFC8037_PUBLIC)).to.equal(RFC8037_THUMBPRINT);
  });

  it('verifies the Appendix A.4 JWS through the project verify path', async () => {
    const keys = await trustedKeys({ keys: [RFC8037_PUBLIC] });
    const verified = await verifyJws(RFC8037_JWS, keys);
    expect(new TextDecoder().decode(verified.payload)).to.equal('Example of Ed25519 signing');
    expect(verified.signers[0]!.thumbprint).to.equal(RFC8037_THUMBPRINT);
    // One changed payload character, and it no longer verifies.
    const tampered = RFC8037_JWS.replace('.RXhh', '.RXhi');
    let code = 'verified';
    await verifyJws(tampered, keys).catch((e) => (code = e.code));
    expect(code).to.equal('no-trusted-signature');
  });

  it('a JWS made by jose with the RFC 8037 private key verifies with verifyJws', async () => {
    const key = await jose.importJWK(RFC8037_PRIVATE, 'EdDSA');
    const jws = await new jose.GeneralSign(new TextEncoder().encode('Example of Ed25519 signing'))
      .addSignature(key)
      .setProtectedHeader({ alg: 'EdDSA', kid: RFC8037_THUMBPRINT })
      .sign();
    const verified = await verifyJws(jws, await trustedKeys({ keys: [RFC8037_PUBLIC] }));
    expect(new TextDecoder().decode(verified.payload)).to.equal('Example of Ed25519 signing');
  });
});

describe('interoperability with jose', () => {
  it('jose verifies every signature of a document signed here (Ed25519 and ES256)', async () => {
    const ed = await makeSigner('EdDSA');
    const es = await makeSigner('ES256');
    const doc = makeDocument();
    const jws = await signPosture(doc, [ed.key, es.key]);
    for (const signer of [ed, es]) {
      const key = await jose.importJWK(signer.publicJwk, signer.publicJwk.alg);
      // jose's general verify succeeds when any signature verifies with the key; each key only matches its own.
      const result = await jose.generalVerify(jws, key);
      expect(JSON.parse(new TextDecoder().decode(result.payload))).to.deep.equal(doc);
      expect(result.protectedHeader).to.include({ kid: signer.publicJwk.kid, typ: POSTURE_TYP });
    }
  });

  for (const [alg, joseAlg] of [
    ['EdDSA', 'EdDSA'],
    ['EdDSA', 'Ed25519'],
    ['ES256', 'ES256'],
  ] as const) {
    it(`a document signed by jose (${joseAlg}) verifies here`, async () => {
      const signer = await makeSigner(alg);
      const { generateSigningKey } = await import('../../src/core/index.js');
      const { privateJwk, publicJwk } = await generateSigningKey(alg);
      const joseKey = await jose.importJWK(privateJwk, joseAlg);
      const doc = makeDocument({ sequence: 42 });
      const jws = await new jose.GeneralSign(new TextEncoder().encode(JSON.stringify(doc)))
        .addSignature(joseKey)
        .setProtectedHeader({ alg: joseAlg, kid: publicJwk.kid, typ: POSTURE_TYP })
        .sign();
      const verified = await verifyPosture(JSON.stringify(jws), { jwks: { keys: [publicJwk, signer.publicJwk] } });
      expect(verified.document).to.deep.equal(doc);
      expect(verified.signers.map((s) => s.thumbprint)).to.deep.equal([publicJwk.kid]);
      // And jose's own thumbprint agrees with ours.
      expect(await jose.calculateJwkThumbprint(publicJwk)).to.equal(publicJwk.kid);
      expect(jwksOf(signer).keys).to.have.length(1);
    });
  }
});
