/**
 * The browser side of the benchmarks, bundled by bench/bundle.ts: every element (from src/define,
 * minified like the CDN file) and timing functions the Node side calls through puppeteer.
 */
import { loadPosture } from '../src/core/index.js';
import { SubprocessorListElement, TrustBadgeElement, ControlStatusElement, TrustCenterElement } from '../src/define/all.js';
import { benchVerify } from './verify-run.js';

/** Resolves after the frame that follows: two requestAnimationFrames, i.e. painted. */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

const gc = () => (globalThis as { gc?: () => void }).gc?.();

function stage(): HTMLElement {
  let el = document.getElementById('stage');
  if (!el) {
    el = document.createElement('div');
    el.id = 'stage';
    document.body.append(el);
  }
  return el;
}

/** A clean stage, collected garbage and a painted frame before each timed run. */
async function reset(): Promise<HTMLElement> {
  const host = stage();
  host.replaceChildren();
  gc();
  await painted();
  return host;
}

export interface ElementTiming {
  /** From setting `src` to the `trust-load` event (fetched, verified, rendered into the DOM). */
  verified: number;
  /** From setting `src` to the DOM rendered (every nested update done) and laid out (a forced layout): no wait for a frame. */
  laidOut: number;
  /** From setting `src` to two animation frames after `trust-load`: painted. */
  painted: number;
  /** Controls and sub-processor rows found in the rendered shadow trees (a check). */
  controls: number;
  rows: number;
  /** Elements rendered, counting those in shadow roots. */
  elements: number;
}

/** Elements under `root`, counting those in shadow roots. */
function countElements(root: ParentNode): number {
  let n = 0;
  for (const el of root.querySelectorAll('*')) n += 1 + (el.shadowRoot ? countElements(el.shadowRoot) : 0);
  return n;
}

/** Times one `<trust-center>` or `<subprocessor-list>` from `src` to painted and verified. */
async function timeElement(tag: 'trust-center' | 'subprocessor-list', url: string): Promise<ElementTiming> {
  const host = await reset();
  const el = document.createElement(tag);
  let verifiedAt = 0;
  const loaded = new Promise<void>((resolve, reject) => {
    el.addEventListener('trust-load', () => {
      verifiedAt ||= performance.now();
      resolve();
    });
    el.addEventListener('trust-error', (e) => reject(new Error(`${tag}: ${JSON.stringify((e as CustomEvent).detail)}`)), { once: true });
  });
  const start = performance.now();
  el.setAttribute('src', url);
  host.append(el);
  await loaded;
  const list = tag === 'subprocessor-list' ? el : el.shadowRoot?.querySelector('subprocessor-list');
  await el.updateComplete;
  await list?.updateComplete;
  void document.body.offsetHeight; // style and layout, now
  const laidOut = performance.now();
  await painted();
  const end = performance.now();
  if (el.getAttribute('state') !== 'verified') throw new Error(`${tag} ended in state ${el.getAttribute('state')}`);
  if (list && list.getAttribute('state') !== 'verified') throw new Error(`the embedded list ended in state ${list.getAttribute('state')}`);
  return {
    verified: verifiedAt - start,
    laidOut: laidOut - start,
    painted: end - start,
    controls: el.shadowRoot?.querySelectorAll('li.control').length ?? 0,
    rows: list?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0,
    elements: countElements(host),
  };
}

const staticPages = new Map<string, string>();

/** Keeps an HTML string in the page, so sending it is not timed. */
function setStatic(name: string, html: string): void {
  staticPages.set(name, html);
}

/** The lower bound: the same content as static HTML, from `innerHTML` to laid out, and to painted. */
async function timeStatic(name: string): Promise<{ laidOut: number; painted: number; elements: number }> {
  const html = staticPages.get(name);
  if (html === undefined) throw new Error(`no static page ${name}`);
  const host = await reset();
  const start = performance.now();
  host.innerHTML = html;
  void document.body.offsetHeight;
  const laidOut = performance.now() - start;
  await painted();
  const end = performance.now();
  return { laidOut, painted: end - start, elements: countElements(host) };
}

/** Fetch and verify alone, without an element: the part of `timeElement` that is not rendering. */
async function timeLoad(url: string, maxBytes: number): Promise<number> {
  gc();
  const start = performance.now();
  await loadPosture(url, { baseUrl: location.href, maxBytes });
  return performance.now() - start;
}

const api = {
  benchVerify,
  timeElement,
  setStatic,
  timeStatic,
  timeLoad,
  elements: [TrustCenterElement, SubprocessorListElement, ControlStatusElement, TrustBadgeElement],
};
export type BenchApi = typeof api;
(window as unknown as { bench: BenchApi }).bench = api;
