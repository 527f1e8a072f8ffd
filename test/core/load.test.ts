/**
 * loadPosture: fetching a document and its keys, with a fake fetch that returns real Response
 * objects. Trust comes only from the caller's settings or the document's own origin.
 */
import { expect } from '@open-wc/testing';
import { loadPosture, PostureError, type ErrorCode, type FetchLike, type LoadOptions } from '../../src/core/index.js';
import { spyOnVerify } from '../fixtures/flood.js';
import { jwksOf, makeDocument, makeSigner, signedText, type TestSigner } from '../fixtures/posture.js';

const json = (body: string, init: ResponseInit = {}) => new Response(body, { headers: { 'content-type': 'application/json' }, ...init });

function fakeFetch(routes: Record<string, () => Response | Promise<Response>>) {
  const calls: string[] = [];
  const inits = new Map<string, RequestInit | undefined>();
  const fetch: FetchLike = async (url, init) => {
    calls.push(url);
    inits.set(url, init);
    const route = routes[url];
    if (!route) return new Response('not found', { status: 404, statusText: 'Not Found' });
    init?.signal?.throwIfAborted();
    return route();
  };
  return { fetch, calls, inits };
}

async function codeOf(src: string, options: LoadOptions): Promise<ErrorCode> {
  try {
    await loadPosture(src, options);
  } catch (error) {
    expect(error).to.be.instanceOf(PostureError);
    return (error as PostureError).code;
  }
  throw new Error('expected loading to fail');
}

const DOC = 'https://vendor.example/.well-known/trust-elements/posture.json';
const JWKS = 'https://vendor.example/.well-known/trust-elements/jwks.json';

describe('loadPosture', () => {
  let signer: TestSigner;
  let text: string;
  before(async () => {
    signer = await makeSigner();
    text = await signedText(makeDocument(), signer);
  });

  it('discovers the keys at the well-known path of the document origin', async () => {
    const { fetch, calls } = fakeFetch({ [DOC]: () => json(text), [JWKS]: () => json(JSON.stringify(jwksOf(signer))) });
    const posture = await loadPosture(DOC, { fetch });
    expect(posture.document.organization.name).to.equal('Vendor Example');
    expect(posture.keysUrl).to.equal(JWKS);
    expect(calls.sort()).to.deep.equal([DOC, JWKS].sort());
  });

  it('in discovery mode refuses a document whose issuer is another origin', async () => {
    const mirror = 'https://mirror.example/posture.json';
    const { fetch } = fakeFetch({
      [mirror]: () => json(text),
      'https://mirror.example/.well-known/trust-elements/jwks.json': () => json(JSON.stringify(jwksOf(signer))),
    });
    expect(await codeOf(mirror, { fetch })).to.equal('issuer-mismatch');
    // A partner who pins the vendor's key may show a mirrored copy.
    const pinned = await loadPosture(mirror, { fetch, pins: [signer.publicJwk.kid!] });
    expect(pinned.issuer).to.equal('https://vendor.example');
  });

  it('uses the JWKS URL the caller names instead of discovery', async () => {
    const keys = 'https://keys.example/jwks.json';
    const { fetch, calls } = fakeFetch({ [DOC]: () => json(text), [keys]: () => json(JSON.stringify(jwksOf(signer))) });
    await loadPosture(DOC, { fetch, keys });
    expect(calls).to.include(keys).and.not.include(JWKS);
  });

  it('maps HTTP failures, wrong content types and unreachable servers to their codes', async () => {
    const keys = () => json(JSON.stringify(jwksOf(signer)));
    expect(await codeOf(DOC, fakeFetch({ [JWKS]: keys }))).to.equal('http-status');
    expect(
      await codeOf(DOC, fakeFetch({ [DOC]: () => json('', { status: 503, statusText: 'Service Unavailable' }), [JWKS]: keys })),
    ).to.equal('http-status');
    expect(
      await codeOf(DOC, fakeFetch({ [DOC]: () => new Response(text, { headers: { 'content-type': 'text/html' } }), [JWKS]: keys })),
    ).to.equal('content-type');
    expect(await codeOf(DOC, { fetch: () => Promise.reject(new TypeError('Failed to fetch')) })).to.equal('fetch-failed');
    expect(await codeOf('ftp://vendor.example/x', {})).to.equal('fetch-failed');
  });

  it('stops reading a body at the byte limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const { fetch } = fakeFetch({
      [DOC]: () => new Response(endless, { headers: { 'content-type': 'application/json' } }),
      [JWKS]: () => json(JSON.stringify(jwksOf(signer))),
    });
    expect(await codeOf(DOC, { fetch, maxBytes: 256 * 1024 })).to.equal('too-large');
    expect(pulled).to.be.lessThan(10);
  });

  it('times out a request that never answers, and can be cancelled', async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await codeOf(DOC, { fetch: hang, timeoutMs: 50 })).to.equal('timeout');
    const controller = new AbortController();
    const pending = codeOf(DOC, { fetch: hang, signal: controller.signal });
    controller.abort();
    expect(await pending).to.equal('aborted');
  });

  it('sends no credentials (no cookies, no HTTP auth) for the document and for its key set', async () => {
    const { fetch, inits } = fakeFetch({ [DOC]: () => json(text), [JWKS]: () => json(JSON.stringify(jwksOf(signer))) });
    await loadPosture(DOC, { fetch });
    expect(inits.get(DOC)?.credentials).to.equal('omit');
    expect(inits.get(JWKS)?.credentials).to.equal('omit');
  });

  it('accepts only JSON content types, with nothing after "json"', async () => {
    const keys = () => json(JSON.stringify(jwksOf(signer)));
    const served = async (type: string) => {
      const { fetch } = fakeFetch({ [DOC]: () => new Response(text, { headers: { 'content-type': type } }), [JWKS]: keys });
      return loadPosture(DOC, { fetch }).then(
        () => 'verified',
        (error: PostureError) => error.code,
      );
    };
    for (const type of [
      'application/jose+json',
      'application/jose+json; charset=utf-8',
      'application/json',
      'application/json;charset=UTF-8',
      'application/problem+json',
    ]) {
      expect(await served(type), type).to.equal('verified');
    }
    for (const type of [
      'application/jose+jsonfoo',
      'application/jose+jsonfoo; charset=utf-8',
      'application/jsonfoo',
      'application/json-seq',
      'application/jose',
      'text/json',
    ]) {
      expect(await served(type), type).to.equal('content-type');
    }
  });

  it('refuses a key set over 64 KiB (too-large), and reads one just under it', async () => {
    const padded = (size: number) => {
      const base = JSON.stringify({ keys: jwksOf(signer).keys, padding: '' });
      return base.replace('"padding":""', `"padding":"${'x'.repeat(size - base.length)}"`);
    };
    expect(padded(64 * 1024).length).to.equal(64 * 1024);
    const under = fakeFetch({ [DOC]: () => json(text), [JWKS]: () => json(padded(64 * 1024)) });
    expect((await loadPosture(DOC, { fetch: under.fetch })).signers).to.have.length(1);
    const over = fakeFetch({ [DOC]: () => json(text), [JWKS]: () => json(padded(64 * 1024 + 1)) });
    expect(await codeOf(DOC, { fetch: over.fetch })).to.equal('too-large');
  });

  it('a pin list that names no key trusts nothing, and nothing is fetched', async () => {
    for (const pins of [[], [''], [' \t ']]) {
      const { fetch, calls } = fakeFetch({ [DOC]: () => json(text), [JWKS]: () => json(JSON.stringify(jwksOf(signer))) });
      expect(await codeOf(DOC, { fetch, pins }), JSON.stringify(pins)).to.equal('pin-invalid');
      expect(calls).to.deep.equal([]);
    }
  });

  it('the timeout covers verification too, not only the fetches', async () => {
    const { fetch } = fakeFetch({ [DOC]: () => json(text), [JWKS]: () => json(JSON.stringify(jwksOf(signer))) });
    const spy = spyOnVerify({ hang: true });
    try {
      const start = performance.now();
      expect(await codeOf(DOC, { fetch, timeoutMs: 300 })).to.equal('timeout');
      expect(spy.calls).to.equal(1);
      expect(performance.now() - start).to.be.below(3000);
    } finally {
      spy.restore();
    }
  });
});
