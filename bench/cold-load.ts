/**
 * Cold load on an emulated mid-range mobile network (Chrome DevTools Protocol: 150 ms latency,
 * 1.6 Mbit/s down, 750 kbit/s up, no cache), from navigation to verified content painted, for:
 * (a) the one-tag embed on a plain page (and the same with `<link rel="preload">` of the
 * document, which the elements' credential-less fetch cannot use: counted), (b) the static page `publish` writes, (c) the same content as static HTML with no
 * script (the lower bound: its first contentful paint), (d) that static page inside an
 * `<iframe>`, as hosted trust centers embed. Medians of three cold runs each.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { serializeJws, signPosture, verifyPosture, WELL_KNOWN_DOCUMENT, type SigningKey } from '../src/core/index.js';
import { renderPage } from '../src/ssr/page.js';
import { root } from './bundle.js';
import type { BenchServer } from './server.js';

export const RUNS = 3;
export const NETWORK = { latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0, offline: false };

export interface ColdLoadRow {
  page: string;
  /** Milliseconds from navigation to the first contentful paint (of the top page). */
  firstContentfulPaint: number;
  /** Milliseconds from navigation to the document's content painted, verified (two frames after state=verified); null where nothing verifies. */
  verifiedPainted: number | null;
  /** Requests for the signed document (2: a preload the elements' fetch could not use). */
  documentRequests: number;
  /** Cumulative layout shift of the top page until verified (the static page's upgrade should not move anything). */
  cls: number;
}

export interface ColdLoadResult {
  network: typeof NETWORK;
  rows: ColdLoadRow[];
  /** (b)/(c): the static page's first content against static HTML's, and its verified content against it. */
  staticVsPlain: { firstContent: number; verified: number };
  /** (a)/(d): the one-tag embed against the static page in an iframe, verified content painted. */
  embedVsIframe: number;
  /** (a with preload)/(a). */
  preloadVsEmbed: number;
}

/** In every frame, before any other script: the first contentful paint and the moment the trust center is verified and painted, as epoch ms. */
const RECORDER = `
window.__cold = { cls: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cold.cls += e.value;
}).observe({ type: 'layout-shift', buffered: true });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__cold.fcp = performance.timeOrigin + e.startTime;
}).observe({ type: 'paint', buffered: true });
const poll = () => {
  if (document.querySelector('trust-center')?.getAttribute('state') === 'verified')
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__cold.verified = performance.timeOrigin + performance.now())));
  else requestAnimationFrame(poll);
};
requestAnimationFrame(poll);`;

async function measure(browser: Browser, server: BenchServer, url: string, label: string, iframe: boolean): Promise<ColdLoadRow> {
  const page: Page = await browser.newPage();
  server.resetCounts();
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await page.evaluateOnNewDocument(RECORDER);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const top = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      cold: (window as unknown as { __cold: { fcp?: number } }).__cold,
    }));
    const frame = iframe ? page.frames().find((f) => f !== page.mainFrame())! : page.mainFrame();
    let verified: number | null = null;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      verified = await frame
        .evaluate(() => (window as unknown as { __cold: { verified?: number } }).__cold.verified ?? null)
        .catch(() => null);
      const state = await frame.evaluate(() => document.querySelector('trust-center')?.getAttribute('state') ?? 'none').catch(() => 'none');
      if (verified !== null || state === 'none' || /^(unverified|error|expired)$/.test(state)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const fcp = top.cold.fcp ?? (await page.evaluate(() => (window as unknown as { __cold: { fcp?: number } }).__cold.fcp ?? NaN));
    return {
      page: label,
      firstContentfulPaint: fcp - top.origin,
      verifiedPainted: verified === null ? null : verified - top.origin,
      documentRequests: server.count(WELL_KNOWN_DOCUMENT),
      cls: await page.evaluate(() => (window as unknown as { __cold: { cls: number } }).__cold.cls),
    };
  } finally {
    await page.close();
  }
}

/** Serves the four pages for a realistic document (the demo's) signed for the bench server's origin, and measures each cold. */
export async function measureColdLoad(
  browser: Browser,
  server: BenchServer,
  key: SigningKey,
  allInOne: string | Uint8Array,
  jwks: unknown,
): Promise<ColdLoadResult> {
  const demo = JSON.parse(await readFile(path.join(root, 'demo/documents/personaizer.json'), 'utf8')) as Record<string, unknown>;
  const now = Date.now();
  const doc = {
    ...demo,
    issuer: server.origin,
    issued: new Date(now - 86_400_000).toISOString(),
    expires: new Date(now + 30 * 86_400_000).toISOString(),
  };
  const signed = serializeJws(await signPosture(doc, [key]));
  const posture = await verifyPosture(new TextEncoder().encode(signed), { jwks });
  const integrity = `sha384-${createHash('sha384').update(allInOne).digest('base64')}`;
  const script = '/cdn/trust-elements.min.js';
  server.set(WELL_KNOWN_DOCUMENT, 'application/json', signed);
  const staticPage = renderPage(posture, {
    documentUrl: WELL_KNOWN_DOCUMENT,
    script: { src: script, integrity },
    canonical: `${server.origin}/`,
  });
  const head =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">';
  const embed = (preload: boolean) =>
    `${head}${preload ? `<link rel="preload" href="${WELL_KNOWN_DOCUMENT}" as="fetch" crossorigin="anonymous">` : ''}<script type="module" src="${script}"></script></head><body><trust-center src="${WELL_KNOWN_DOCUMENT}"></trust-center></body></html>`;
  server.set('/cold/a.html', 'text/html', embed(false));
  server.set('/cold/a-preload.html', 'text/html', embed(true));
  server.set('/cold/b.html', 'text/html', staticPage);
  // The lower bound: the same pre-rendered content with no script and no live element.
  server.set(
    '/cold/c.html',
    'text/html',
    staticPage
      .replace(/<script type="module"[^>]*><\/script>\n/, '')
      .replace(/<trust-center src="[^"]*" heading-level="1"><\/trust-center>\n/, ''),
  );
  server.set(
    '/cold/d.html',
    'text/html',
    `${head}<style>body{margin:0}iframe{border:0;width:100%;height:100vh}</style></head><body><iframe src="/cold/b.html" title="Trust center"></iframe></body></html>`,
  );

  const rows: ColdLoadRow[] = [];
  // Three cold runs of each page; the row is the median of each figure (single runs vary by ±100 ms here).
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  for (const [file, label, iframe] of [
    ['a', '(a) one-tag embed', false],
    ['a-preload', '(a) one-tag embed + preload', false],
    ['b', '(b) static page (publish)', false],
    ['c', '(c) static HTML, no script', false],
    ['d', '(d) static page in an iframe', true],
  ] as const) {
    const runs: ColdLoadRow[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server, `${server.origin}/cold/${file}.html`, label, iframe));
    const verified = runs.map((r) => r.verifiedPainted);
    rows.push({
      page: label,
      firstContentfulPaint: median(runs.map((r) => r.firstContentfulPaint)),
      verifiedPainted: verified.includes(null) ? null : median(verified as number[]),
      documentRequests: Math.max(...runs.map((r) => r.documentRequests)),
      cls: median(runs.map((r) => r.cls)),
    });
  }
  const [a, aPreload, b, c, d] = rows as [ColdLoadRow, ColdLoadRow, ColdLoadRow, ColdLoadRow, ColdLoadRow];
  return {
    network: NETWORK,
    rows,
    staticVsPlain: { firstContent: b.firstContentfulPaint / c.firstContentfulPaint, verified: b.verifiedPainted! / c.firstContentfulPaint },
    embedVsIframe: a.verifiedPainted! / d.verifiedPainted!,
    preloadVsEmbed: aPreload.verifiedPainted! / a.verifiedPainted!,
  };
}
