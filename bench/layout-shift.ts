/**
 * Layout shift: the cumulative layout shift of a demo-like page while it loads — badges, a
 * `<control-status>` in running text, a `<trust-center>` below, a footer — and of the same page
 * with the badges alone, through PerformanceObserver('layout-shift', buffered). The server holds
 * the documents back 300 ms, so the page paints the elements' loading state first, as on a real
 * network; and in a second scenario the CDN file too (150 ms), so the page paints before the
 * elements are even defined (an undefined element is an empty inline box: the script cannot
 * reserve its space then); the third scenario is that late script on a page that links
 * reserve.css, which gives each undefined tag the room of its loading state.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { PostureDocument, SigningKey } from '../src/core/index.js';
import { root } from './bundle.js';
import { signedText } from './documents.js';
import type { BenchServer } from './server.js';
import { summarize, type Summary } from './stats.js';

export const LATE_SCRIPT_DELAY_MS = 150;
export const DOCUMENT_DELAY_MS = 300;
const RUNS = 3;

export interface ShiftResult {
  page: 'demo-like' | 'badges-only';
  /** `on time`: the CDN file defines the elements before the first paint; `late`: 150 ms after it. */
  script: 'on time' | 'late';
  /** Whether the page links reserve.css (room for the tags before they are defined). */
  reserve: boolean;
  /** Sum of the layout-shift values without recent input, per run. */
  cls: Summary;
  /** On the demo-like page, the part of it whose shifted nodes lie in or are trust badges. */
  badgeShare?: Summary;
  /** Which elements the shifted nodes belong to (the outermost trust element, or the tag), last run. */
  sources: string[];
  /** Every shift of the last run: when (ms after navigation), how much, and which nodes moved where. */
  shifts: Shift[];
}

interface Shift {
  at: number;
  value: number;
  input: boolean;
  owners: string[];
  moves: string[];
}

/** Records every layout shift from the start, before any other script. */
const OBSERVER = `<script>
window.__shifts = [];
const owner = (node) => {
  let el = node && node.nodeType === 1 ? node : node && node.parentElement, outer;
  while (el) {
    if (/^(trust-|control-status|subprocessor-list)/.test(el.localName)) outer = el.localName;
    el = el.parentElement || (el.getRootNode() && el.getRootNode().host) || null;
  }
  return outer || (node && node.nodeType === 1 ? node.localName : node ? '#text' : '?');
};
// A node inside a shadow root is not reported (node is null): name the trust element whose box
// holds the moved rectangle instead, so the elements' own shifts are not lost as '?'.
const holder = (rect) => {
  const x = rect.x + rect.width / 2, y = rect.y + rect.height / 2;
  const el = [...document.querySelectorAll('trust-badge, control-status, subprocessor-list, trust-center')].reverse().find((e) => {
    const r = e.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  });
  return el ? owner(el) : '?';
};
const source = (s) => (s.node ? owner(s.node) : holder(s.currentRect));
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__shifts.push({
    at: Math.round(e.startTime), value: e.value, input: e.hadRecentInput,
    owners: (e.sources || []).map(source),
    moves: (e.sources || []).map((s) => source(s) + ' y ' + Math.round(s.previousRect.y) + '→' + Math.round(s.currentRect.y) + ' h ' + Math.round(s.previousRect.height) + '→' + Math.round(s.currentRect.height)),
  });
}).observe({ type: 'layout-shift', buffered: true });
</script>`;

function demoLikePage(badgesOnly: boolean, reserve: boolean): string {
  const badges = `<section><h2>Badges</h2><div class="badges">
      <trust-badge src="/demo/personaizer.json" href="https://personaizer.com"></trust-badge>
      <trust-badge src="/demo/personalityai.json" href="https://personalityai.net" lang="de"></trust-badge>
      <trust-badge src="/demo/personalityai.json" theme="dark" lang="fr"></trust-badge>
    </div></section>`;
  // layout="block": the controls' shift-free box. Inline (the default) sizes to words unknown until the
  // document arrives, so the text after it moves once (0.016 on this page with reserve.css): the README says so.
  const rest = `<section><h2>Control status in running text</h2>
      <p>Single sign-on: <control-status src="/demo/personalityai.json" control="enterprise-sso" layout="block"></control-status>.
      Encryption at rest: <control-status src="/demo/personalityai.json" control="encryption-at-rest" layout="block"></control-status>. Some more words after it, so the line wraps and the text after the element can move.</p></section>
    <section><h2>Trust center</h2><trust-center heading-level="3" src="/demo/personaizer.json"></trust-center></section>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    ${OBSERVER}
    <link rel="stylesheet" href="/demo/demo.css">${reserve ? '<link rel="stylesheet" href="/cdn/reserve.css">' : ''}<script type="module" src="/cdn/trust-elements.min.js"></script></head>
    <body><header class="site"><p class="brand">trust-elements <span>bench</span></p></header><main>
    <section class="intro"><h1>Security posture, verified in your browser</h1><p>Everything below comes from two signed posture documents, verified here with WebCrypto before it is shown.</p></section>
    ${badges}${badgesOnly ? '' : rest}
    <footer><p>© Vendor Example · the footer, which a growing element above it would push down.</p></footer>
    </main></body></html>`;
}

async function demoDocument(name: string, origin: string): Promise<PostureDocument> {
  const doc = JSON.parse(await readFile(path.join(root, 'demo/documents', name), 'utf8')) as PostureDocument & { $schema?: string };
  delete doc.$schema;
  const now = Date.now();
  return {
    ...doc,
    issuer: origin,
    issued: new Date(now - 86_400_000).toISOString(),
    expires: new Date(now + 30 * 86_400_000).toISOString(),
  };
}

export async function measureLayoutShift(browser: Browser, server: BenchServer, key: SigningKey, cdnFile: string): Promise<ShiftResult[]> {
  for (const name of ['personaizer.json', 'personalityai.json']) {
    server.set(`/demo/${name}`, 'application/jose+json', await signedText(await demoDocument(name, server.origin), key), DOCUMENT_DELAY_MS);
  }
  server.set('/demo/demo.css', 'text/css', await readFile(path.join(root, 'demo/demo.css'), 'utf8'));
  server.set('/cdn/reserve.css', 'text/css', await readFile(path.join(root, 'src/reserve.css'), 'utf8'));
  const pages = { 'demo-like': '/shift-demo', 'badges-only': '/shift-badges' } as const;
  for (const reserve of [false, true]) {
    server.set(`${pages['demo-like']}${reserve ? '-reserve' : ''}.html`, 'text/html', demoLikePage(false, reserve));
    server.set(`${pages['badges-only']}${reserve ? '-reserve' : ''}.html`, 'text/html', demoLikePage(true, reserve));
  }

  const results: ShiftResult[] = [];
  const scenarios = [
    { script: 'on time', reserve: false },
    { script: 'late', reserve: false },
    { script: 'late', reserve: true },
  ] as const;
  for (const { script, reserve } of scenarios) {
    server.set('/cdn/trust-elements.min.js', 'text/javascript', cdnFile, script === 'late' ? LATE_SCRIPT_DELAY_MS : 0);
    for (const kind of ['demo-like', 'badges-only'] as const) {
      const url = `${pages[kind]}${reserve ? '-reserve' : ''}.html`;
      const cls: number[] = [];
      const badgeShare: number[] = [];
      let sources: string[] = [];
      let last: Shift[] = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage();
        try {
          await page.setViewport({ width: 1280, height: 800 });
          await page.goto(`${server.origin}${url}`);
          await page.waitForFunction(
            () =>
              [...document.querySelectorAll('trust-badge, control-status, trust-center')].every((el) =>
                ['verified', 'error', 'unverified', 'expired'].includes(el.getAttribute('state') ?? ''),
              ),
            { timeout: 30_000 },
          );
          // Settle: two frames and a little more, so late shifts are recorded too.
          await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 300)));
          const shifts = (await page.evaluate('window.__shifts')) as Shift[];
          last = shifts;
          const counted = shifts.filter((s) => !s.input);
          cls.push(counted.reduce((sum, s) => sum + s.value, 0));
          badgeShare.push(counted.filter((s) => s.owners.includes('trust-badge')).reduce((sum, s) => sum + s.value, 0));
          sources = [...new Set(counted.flatMap((s) => s.owners))];
        } finally {
          await page.close();
        }
      }
      results.push({
        page: kind,
        script,
        reserve,
        cls: summarize(cls),
        ...(kind === 'demo-like' ? { badgeShare: summarize(badgeShare) } : {}),
        sources,
        shifts: last,
      });
    }
  }
  return results;
}
