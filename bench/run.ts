/**
 * `npm run bench`: what the elements cost a host page and how that grows with a vendor's posture,
 * measured side by side on this machine — size, verify time, render time against its lower bound,
 * requests, layout shift. Prints one table and writes bench/results.json.
 *
 * Everything runs locally: an HTTP server on 127.0.0.1 (a free port) that this script starts and
 * stops, and Debian's Chromium through puppeteer-core.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateSigningKey, importSigningKey, WELL_KNOWN_JWKS } from '../src/core/index.js';
import { CHROMIUM, launchChromium } from './browser.js';
import { BENCH_MAX_BYTES, buildBenchPage, root } from './bundle.js';
import { measureColdLoad, RUNS as COLD_RUNS } from './cold-load.js';
import { measureLayoutShift, DOCUMENT_DELAY_MS, LATE_SCRIPT_DELAY_MS } from './layout-shift.js';
import { measureRender } from './render.js';
import { measureRequests } from './requests.js';
import { BenchServer } from './server.js';
import { byteTable } from './bytes.js';
import { measureSize } from './size.js';
import { fmtSummary } from './stats.js';
import { formatTable, type Cell } from './table.js';
import { verifyInChromium, verifyInNode } from './verify.js';

const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

log('size: building the CDN files and Lit alone');
const size = await measureSize();
log('verify: node');
const verifyNode = await verifyInNode();

const { privateJwk, publicJwk } = await generateSigningKey('EdDSA');
const key = await importSigningKey(privateJwk);
const server = new BenchServer();
await server.start();
server.set(WELL_KNOWN_JWKS, 'application/json', JSON.stringify({ keys: [publicJwk] }));
server.set('/bench.js', 'text/javascript', await buildBenchPage());
server.set(
  '/',
  'text/html',
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/bench.js"></script></head><body></body></html>',
);
server.set('/cdn/trust-elements.min.js', 'text/javascript', size.allInOne);

const browser = await launchChromium();
let results;
try {
  const version = await browser.version();
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${server.origin}/`);
  await page.waitForFunction('window.bench !== undefined');
  log('verify: chromium');
  const verifyChromium = await verifyInChromium(page);
  log('render: 10 … 10,000 controls and sub-processors, element vs static HTML');
  const render = await measureRender(page, server, key, log);
  await page.close();
  log('requests: 50 elements, one document');
  const requests = await measureRequests(browser, server, key);
  log('layout shift: demo-like page and badges alone');
  const layoutShift = await measureLayoutShift(browser, server, key, size.allInOne);
  log('cold load: emulated mobile network, embed vs static page vs static HTML vs iframe');
  const coldLoad = await measureColdLoad(browser, server, key, size.allInOne, { keys: [publicJwk] });
  results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      chromium: version,
      chromiumPath: CHROMIUM,
    },
    notes: {
      units: 'times in milliseconds (median, min, max over runs); sizes in bytes',
      render: `from setting src to state=verified plus two requestAnimationFrames; the document is served from memory by a server on 127.0.0.1 with a fresh query string each run. The bench page is the elements minified like the CDN file, with the document size limit raised from 1 MiB to ${BENCH_MAX_BYTES} bytes so 10,000 items (about 2.1 MB signed) can be shown; rows with withinLimit false would be refused by the product.`,
      coldLoad:
        'one run each on an emulated mobile network (CDP: 150 ms latency, 1.6 Mbit/s down, no cache); times in ms from navigation; verifiedPainted is two frames after state=verified; (c) is the static page with its script and live element removed, measured by its first contentful paint.',
      layoutShift: `documents held back ${DOCUMENT_DELAY_MS} ms by the server; the CDN file not at all ('on time') or ${LATE_SCRIPT_DELAY_MS} ms ('late'), the page with or without reserve.css (room for undefined tags); viewport 1280×800; CLS is the sum of all layout-shift values without recent input; badges' share is the part whose shifted nodes are trust badges (the browser does not report a node inside a shadow root: it is named after the trust element whose box holds it).`,
    },
    size: { files: size.files, lit: size.lit, ownShare: size.ownShare, floor: size.floor, core: size.core, verifyOnly: size.verifyOnly },
    verify: [...verifyNode, ...verifyChromium],
    render: render.rows,
    growth: render.growth,
    requests,
    layoutShift,
    coldLoad,
    totalSeconds: 0,
  };
} finally {
  await browser.close();
  await server.stop();
}
results.totalSeconds = Math.round((performance.now() - started) / 1000);

const rows: Cell[][] = [];
const ms = (s: { median: number; min: number; max: number }, d = 1) => [s.median.toFixed(d), `${s.min.toFixed(d)}–${s.max.toFixed(d)}`];
for (const f of [
  ...results.size.files,
  results.size.lit,
  results.size.ownShare,
  results.size.core,
  results.size.verifyOnly,
  results.size.floor,
])
  rows.push(['size', f.name, `${f.gzip} gz`, `${f.brotli} br`, '', `${f.bytes} min`]);
for (const v of results.verify)
  rows.push([
    'verify',
    `${v.engine} ${v.label} (${v.bytes} B)`,
    v.median.toFixed(2),
    `${v.min.toFixed(2)}–${v.max.toFixed(2)}`,
    v.runs,
    '',
  ]);
for (const r of results.render) {
  rows.push([
    'render',
    `${r.tag} ${r.items} (${(r.signedBytes / 1024).toFixed(0)} KB${r.withinLimit ? '' : ', over 1 MiB'})`,
    ...ms(r.element),
    r.element.runs,
    `static ${fmtSummary(r.lowerBound)} ×${r.ratio.toFixed(1)} | laid out ${r.elementLaidOut.median.toFixed(1)} vs static ${r.lowerBoundLaidOut.median.toFixed(1)} ×${r.ratioLaidOut.toFixed(1)} | fetch+verify ${r.load.median.toFixed(1)} | DOM ${r.elements} vs ${r.lowerBoundElements} elements`,
  ]);
}
for (const g of results.growth)
  rows.push([
    'growth',
    `${g.tag} ${g.from}→${g.to}`,
    `n^${g.elementExponent.toFixed(2)}`,
    '',
    '',
    `static n^${g.lowerBoundExponent.toFixed(2)} | laid out n^${g.elementLaidOutExponent.toFixed(2)} vs static n^${g.lowerBoundLaidOutExponent.toFixed(2)} | ${(g.msPerItem * 1000).toFixed(0)} µs per item`,
  ]);
const q = results.requests;
rows.push([
  'requests',
  `${q.elements} elements, one document`,
  `doc ${q.documentRequests}`,
  `jwks ${q.jwksRequests}`,
  '',
  `${q.verified}/${q.elements} verified (expected 1 and 1)`,
]);
for (const s of results.layoutShift) {
  rows.push([
    'layout shift',
    `CLS ${s.page}, script ${s.script}${s.reserve ? ' + reserve.css' : ''}`,
    s.cls.median.toFixed(4),
    `${s.cls.min.toFixed(4)}–${s.cls.max.toFixed(4)}`,
    s.cls.runs,
    s.badgeShare
      ? `badges' share ${s.badgeShare.median.toFixed(4)}; shifted: ${s.sources.join(', ') || 'nothing'}`
      : `shifted: ${s.sources.join(', ') || 'nothing'}`,
  ]);
}
const cold = results.coldLoad;
for (const r of cold.rows)
  rows.push([
    'cold load',
    r.page,
    r.verifiedPainted === null ? '—' : r.verifiedPainted.toFixed(0),
    '',
    COLD_RUNS,
    `first contentful paint ${Number.isNaN(r.firstContentfulPaint) ? '— (in the iframe)' : r.firstContentfulPaint.toFixed(0)} | document requests ${r.documentRequests} | CLS ${r.cls.toFixed(4)}`,
  ]);
rows.push([
  'cold load',
  'ratios',
  `(b)/(c) ${cold.staticVsPlain.firstContent.toFixed(2)}`,
  '',
  '',
  `first content; verified (b)/(c) ${cold.staticVsPlain.verified.toFixed(2)} | (a)/(d) ${cold.embedVsIframe.toFixed(2)} | preload/(a) ${cold.preloadVsEmbed.toFixed(2)}`,
]);
console.log(`\n${formatTable(['area', 'what', 'median', 'min–max', 'runs', 'beside'], rows)}`);
// Where the bytes go, so a size regression names its cause (also alone: npm run bench:size).
console.log(`\n${await byteTable()}`);
const out = path.join(root, 'bench/results.json');
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${results.totalSeconds} s in all; results in ${path.relative(process.cwd(), out)}`);
