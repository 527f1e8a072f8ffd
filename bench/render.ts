/**
 * Render: from the signed bytes to a painted, verified `<trust-center>` and `<subprocessor-list>`,
 * for documents of 10 to 10,000 controls and sub-processors, beside the lower bound (the same
 * content as static HTML set with innerHTML), in the same page and run, interleaved.
 *
 * "Having the signed bytes": the bench's server on 127.0.0.1 serves them from memory; each run asks
 * for a new query string, so the page's request cache and the HTTP cache never answer, and the
 * element fetches and verifies for real (the JWKS is fetched once, at the warm-up). The fetch and
 * verify alone are timed too (`load`), so rendering's share is the difference.
 */
import type { Page } from 'puppeteer-core';
import { DEFAULT_MAX_BYTES, type SigningKey } from '../src/core/index.js';
import { BENCH_MAX_BYTES } from './bundle.js';
import { documentWithItems, signedText, staticHtml } from './documents.js';
import type { BenchApi, ElementTiming } from './page.js';
import type { BenchServer } from './server.js';
import { growthExponent, summarize, type Summary } from './stats.js';

export const RENDER_SIZES = [10, 100, 1_000, 10_000];
const TAGS = ['trust-center', 'subprocessor-list'] as const;
type Tag = (typeof TAGS)[number];

const runsFor = (n: number) => (n >= 10_000 ? 5 : 7);

export interface RenderRow {
  tag: Tag;
  items: number;
  signedBytes: number;
  /** Whether the signed file is within the product's 1 MiB limit (else only the bench page shows it). */
  withinLimit: boolean;
  /** Setting `src` → painted and verified. */
  element: Summary;
  /** Setting `src` → `trust-load` (rendered into the DOM, not yet laid out or painted). */
  toTrustLoad: Summary;
  /** Fetch and verify alone, no element. */
  load: Summary;
  /** innerHTML of the same content → painted. */
  lowerBound: Summary;
  /** element / lowerBound, medians. */
  ratio: number;
  /**
   * The same without waiting for frames: setting `src` → rendered and laid out (a forced layout),
   * and innerHTML → laid out. At small sizes the painted times are two frames (~33 ms) either way;
   * these show the work itself.
   */
  elementLaidOut: Summary;
  lowerBoundLaidOut: Summary;
  ratioLaidOut: number;
  /** DOM elements rendered (shadow roots included), by the element and by the static HTML. */
  elements: number;
  lowerBoundElements: number;
}

export interface Growth {
  tag: Tag;
  from: number;
  to: number;
  /** k in t ≈ c·n^k over this step: 1 is linear. */
  elementExponent: number;
  lowerBoundExponent: number;
  /** The same for the laid-out times (no frame waits). */
  elementLaidOutExponent: number;
  lowerBoundLaidOutExponent: number;
  /** Extra milliseconds per added item over this step (element, medians). */
  msPerItem: number;
}

declare const window: { bench: BenchApi };

export async function measureRender(
  page: Page,
  server: BenchServer,
  key: SigningKey,
  log: (line: string) => void,
): Promise<{ rows: RenderRow[]; growth: Growth[] }> {
  const rows: RenderRow[] = [];
  for (const items of RENDER_SIZES) {
    const doc = documentWithItems(items, server.origin);
    const text = await signedText(doc, key);
    const path = `/render-${items}.json`;
    server.set(path, 'application/jose+json', text);
    for (const tag of TAGS)
      await page.evaluate((name, html) => window.bench.setStatic(name, html), `${tag}-${items}`, staticHtml(doc, tag));

    const times: Record<Tag, { element: ElementTiming[]; lowerBound: { laidOut: number; painted: number; elements: number }[] }> = {
      'trust-center': { element: [], lowerBound: [] },
      'subprocessor-list': { element: [], lowerBound: [] },
    };
    const load: number[] = [];
    const runs = runsFor(items);
    for (let run = -1; run < runs; run++) {
      // run -1 is the warm-up: compiled code, fetched keys, fonts; it is not counted.
      for (const tag of TAGS) {
        const timing = await page.evaluate((t, url) => window.bench.timeElement(t, url), tag, `${path}?run=${run}&tag=${tag}`);
        const lower = await page.evaluate((name) => window.bench.timeStatic(name), `${tag}-${items}`);
        if (timing.rows !== items || (tag === 'trust-center' && timing.controls !== items)) {
          throw new Error(`${tag} showed ${timing.controls} controls and ${timing.rows} rows, not ${items}`);
        }
        if (run >= 0) {
          times[tag].element.push(timing);
          times[tag].lowerBound.push(lower);
        }
      }
      const loaded = await page.evaluate((url, max) => window.bench.timeLoad(url, max), `${path}?run=${run}&load`, BENCH_MAX_BYTES);
      if (run >= 0) load.push(loaded);
    }
    for (const tag of TAGS) {
      const element = summarize(times[tag].element.map((t) => t.painted));
      const lowerBound = summarize(times[tag].lowerBound.map((t) => t.painted));
      const elementLaidOut = summarize(times[tag].element.map((t) => t.laidOut));
      const lowerBoundLaidOut = summarize(times[tag].lowerBound.map((t) => t.laidOut));
      const row: RenderRow = {
        tag,
        items,
        signedBytes: text.length,
        withinLimit: text.length <= DEFAULT_MAX_BYTES,
        element,
        toTrustLoad: summarize(times[tag].element.map((t) => t.verified)),
        load: summarize(load),
        lowerBound,
        ratio: element.median / lowerBound.median,
        elementLaidOut,
        lowerBoundLaidOut,
        ratioLaidOut: elementLaidOut.median / lowerBoundLaidOut.median,
        elements: times[tag].element[0]!.elements,
        lowerBoundElements: times[tag].lowerBound[0]!.elements,
      };
      rows.push(row);
      log(
        `  render ${tag.padEnd(17)} ${String(items).padStart(6)} items: ${element.median.toFixed(1)} ms (lower bound ${lowerBound.median.toFixed(1)} ms, ×${row.ratio.toFixed(1)}); laid out ${elementLaidOut.median.toFixed(1)} vs ${lowerBoundLaidOut.median.toFixed(1)} ms; fetch+verify ${row.load.median.toFixed(1)} ms`,
      );
    }
  }
  return { rows, growth: growthOf(rows) };
}

export function growthOf(rows: RenderRow[]): Growth[] {
  const growth: Growth[] = [];
  for (const tag of TAGS) {
    const mine = rows.filter((r) => r.tag === tag).sort((a, b) => a.items - b.items);
    for (let i = 1; i < mine.length; i++) {
      const [a, b] = [mine[i - 1]!, mine[i]!];
      growth.push({
        tag,
        from: a.items,
        to: b.items,
        elementExponent: growthExponent(a.items, a.element.median, b.items, b.element.median),
        lowerBoundExponent: growthExponent(a.items, a.lowerBound.median, b.items, b.lowerBound.median),
        elementLaidOutExponent: growthExponent(a.items, a.elementLaidOut.median, b.items, b.elementLaidOut.median),
        lowerBoundLaidOutExponent: growthExponent(a.items, a.lowerBoundLaidOut.median, b.items, b.lowerBoundLaidOut.median),
        msPerItem: (b.element.median - a.element.median) / (b.items - a.items),
      });
    }
  }
  return growth;
}
