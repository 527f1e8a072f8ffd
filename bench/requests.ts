/**
 * Requests: a page with 50 elements of all four kinds sharing one document, loading the CDN
 * all-in-one file. The server counts the requests for the document and for the JWKS: the page's
 * shared cache should make it one of each.
 */
import type { Browser } from 'puppeteer-core';
import { WELL_KNOWN_JWKS, type SigningKey } from '../src/core/index.js';
import { documentWithItems, signedText } from './documents.js';
import type { BenchServer } from './server.js';

export interface RequestsResult {
  elements: number;
  documentRequests: number;
  jwksRequests: number;
  /** Elements that ended verified (all of them, or the count is not worth much). */
  verified: number;
}

const MIX = [
  ...Array.from({ length: 20 }, () => '<trust-badge src="/shared.json"></trust-badge>'),
  ...Array.from({ length: 20 }, (_, i) => `<p>Control ${i}: <control-status src="/shared.json" control="c${i}"></control-status></p>`),
  ...Array.from({ length: 5 }, () => '<subprocessor-list src="/shared.json"></subprocessor-list>'),
  ...Array.from({ length: 5 }, () => '<trust-center src="/shared.json"></trust-center>'),
];

export async function measureRequests(browser: Browser, server: BenchServer, key: SigningKey): Promise<RequestsResult> {
  server.set('/shared.json', 'application/jose+json', await signedText(documentWithItems(20, server.origin), key));
  server.set(
    '/requests.html',
    'text/html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/cdn/trust-elements.min.js"></script></head><body>${MIX.join('\n')}</body></html>`,
  );
  server.resetCounts();
  const page = await browser.newPage();
  try {
    await page.goto(`${server.origin}/requests.html`);
    const selector = 'trust-badge, control-status, subprocessor-list[src], trust-center';
    await page.waitForFunction(
      (sel) =>
        [...document.querySelectorAll(sel)].every((el) =>
          ['verified', 'error', 'unverified', 'expired'].includes(el.getAttribute('state') ?? ''),
        ),
      { timeout: 30_000 },
      selector,
    );
    const verified = await page.evaluate(
      (sel) => [...document.querySelectorAll(sel)].filter((el) => el.getAttribute('state') === 'verified').length,
      selector,
    );
    return { elements: MIX.length, documentRequests: server.count('/shared.json'), jwksRequests: server.count(WELL_KNOWN_JWKS), verified };
  } finally {
    await page.close();
  }
}
