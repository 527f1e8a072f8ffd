import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { decode, encode } from '../../src/core/base64url.js';
import { PostureError } from '../../src/core/index.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as PostureError).code;
  }
  return 'no error';
};

describe('base64url', () => {
  it('encodes as RFC 4648 §5 without padding', () => {
    expect(encode(new TextEncoder().encode('Example of Ed25519 signing'))).to.equal('RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc');
    expect(encode(new Uint8Array([0xfb, 0xff]))).to.equal('-_8');
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(Array.from(decode(encode(bytes)))).to.deep.equal(Array.from(bytes));
      }),
    );
  });

  it('refuses padding, foreign characters, impossible lengths and non-canonical tails', () => {
    expect(codeOf(() => decode('QQ=='))).to.equal('bad-base64url');
    expect(codeOf(() => decode('QQ+/'))).to.equal('bad-base64url');
    expect(codeOf(() => decode('QUJDR'))).to.equal('bad-base64url');
    expect(codeOf(() => decode('QR'))).to.equal('bad-base64url'); // 'QQ' is the canonical form of "A"
    expect(codeOf(() => decode('QQ'))).to.equal('no error');
    expect(codeOf(() => decode('Q\u00e9'))).to.equal('bad-base64url');
    expect(codeOf(() => decode('QUF'))).to.equal('bad-base64url'); // 'QUE' is the canonical form of "AA"
    expect(codeOf(() => decode('QUE'))).to.equal('no error');
    for (const spaced of ['QQ ', ' QQ', 'Q Q', 'QUJD\nQQ', 'QUJD\tQQ']) expect(codeOf(() => decode(spaced))).to.equal('bad-base64url');
  });

  it('accepts a text only when it is the one encoding of its bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ABQRgw+/=_- \n.'.split('')), maxLength: 12 }), (text) => {
        const code = codeOf(() => decode(text));
        if (code === 'no error') expect(encode(decode(text))).to.equal(text);
        else expect(code).to.equal('bad-base64url');
      }),
    );
  });

  it('round-trips a payload of several megabytes', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7919) & 255);
    const text = encode(bytes);
    expect(text.length).to.equal(Math.ceil((bytes.length * 4) / 3));
    expect(decode(text).every((b, i) => b === bytes[i])).to.equal(true);
  });
});
