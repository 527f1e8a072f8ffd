/**
 * loadPosture: fetching a document and its keys, with a fake fetch that returns real Response
 * objects. Trust comes only from the caller's settings or the document's own origin.
 */
import { expect } from '@open-wc/testing';
import { loadPosture, PostureError, type ErrorCode, type FetchLike, type LoadOptions } from '../../src/core/index.js';
import { jwksOf, makeDocument, makeSigner, signedText, type TestSigner } from '../fixtures/posture.js';

const json = (body: string, init: ResponseInit = {}) => new Response(body, { headers: { 'content-type': 'application/json' }, ...init });

function fakeFetch(routes: Record<string, () => Response | Promise<Response>>) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(url);
    const route = routes[url];
    if (!route) return new Response('not found', { status: 404, statusText: 'Not Found' });
    init?.signal?.throwIfAborted();
    return route();
  };
  return { fetch, calls };
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
    const { fetch } = fakeFetch({ [mirror]: () => json(text), 'https://mirror.example/.well-known/trust-elements/jwks.json': () => json(JSON.stringify(jwksOf(signer))) });
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
    expect(await codeOf(DOC, fakeFetch({ [DOC]: () => json('', { status: 503, statusText: 'Service Unavailable' }), [JWKS]: keys }))).to.equal('http-status');
    expect(await codeOf(DOC, fakeFetch({ [DOC]: () => new Response(text, { headers: { 'content-type': 'text/html' } }), [JWKS]: keys }))).to.equal('content-type');
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
    const { fetch } = fakeFetch({ [DOC]: () => new Response(endless, { headers: { 'content-type': 'application/json' } }), [JWKS]: () => json(JSON.stringify(jwksOf(signer))) });
    expect(await codeOf(DOC, { fetch, maxBytes: 256 * 1024 })).to.equal('too-large');
    expect(pulled).to.be.lessThan(10);
  });

  it('times out a request that never answers, and can be cancelled', async () => {
    const hang: FetchLike = (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await codeOf(DOC, { fetch: hang, timeoutMs: 50 })).to.equal('timeout');
    const controller = new AbortController();
    const pending = codeOf(DOC, { fetch: hang, signal: controller.signal });
    controller.abort();
    expect(await pending).to.equal('aborted');
  });
});
