/**
 * Colour scheme on the host's page: every element follows the page's own `color-scheme` (none is
 * light; `light dark` follows the visitor), and `theme` overrides it. Measured, not assumed: the
 * contrast of every visible text in the shadow roots (and their nested ones) against the first
 * opaque background behind it — the page's own background for text that sits on the page — must be
 * at least 4.5:1 (WCAG AA), on a light, a dark and a `light dark` page, for a light and a dark visitor.
 *
 * Each page is its own document in a frame. The visitor's preference is emulated with emulateMedia
 * (@web/test-runner-commands), which works where the runner drives the browser over CDP (Chromium).
 * Firefox runs over WebDriver BiDi, which has no colour-scheme emulation (puppeteer's
 * emulateMediaFeatures is CDP-only there); for it the frame element's own color-scheme sets the
 * preference its document sees (an embedded document prefers its embedder's scheme). WebKit (over
 * classic WebDriver) does neither: there, and only there, the dark-visitor cases are skipped; its
 * light-visitor cases, the engine's default, still run.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { PostureDocument } from '../../src/core/index.js';
import { installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';

/** The test server's own fetch, for the demo documents; tests replace globalThis.fetch. */
const realFetch = globalThis.fetch.bind(globalThis);
const TAGS = ['trust-badge', 'control-status', 'subprocessor-list', 'trust-center'];
const MIN_CONTRAST = 4.5;

type Page = 'light' | 'dark' | 'light dark' | 'light dark (meta)';
type Visitor = 'light' | 'dark';

/** The page's own styles: what a marketing site sets on its root. A page without color-scheme draws a light canvas. */
const PAGE_STYLE: Record<Page, string> = {
  light: '',
  dark: 'color-scheme: dark; background: #0f1115; color: #e8eaed;',
  'light dark': 'color-scheme: light dark; background: Canvas; color: CanvasText;',
  // Declared the other common way: <meta name="color-scheme">, which leaves the computed color-scheme `normal`.
  'light dark (meta)': 'background: Canvas; color: CanvasText;',
};

// ---- measuring ------------------------------------------------------------------------------

type RGBA = [number, number, number, number];
const scratch = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;

/**
 * A computed colour as sRGB bytes with alpha 0..1. Engines report `rgb()`, `color(srgb …)` or
 * `oklch()`; the 2D canvas parses whatever its own engine reports and converts it to sRGB.
 */
function parseColor(value: string): RGBA {
  scratch.canvas.width = scratch.canvas.height = 1;
  scratch.clearRect(0, 0, 1, 1);
  scratch.fillStyle = '#010203';
  scratch.fillStyle = value;
  if (scratch.fillStyle === '#010203' && value.replace(/\s/g, '') !== '#010203') throw new Error(`unparsed colour: ${value}`);
  scratch.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = scratch.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** `top` drawn over the opaque `bottom`. */
const over = (top: RGBA, bottom: RGBA): RGBA => {
  const mix = (i: 0 | 1 | 2) => top[i] * top[3] + bottom[i] * (1 - top[3]);
  return [mix(0), mix(1), mix(2), 1];
};

function luminance([r, g, b]: RGBA): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: RGBA, b: RGBA): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Computed style in the element's own window (the page is a frame). */
const styleOf = (el: Element, pseudo?: string) => el.ownerDocument.defaultView!.getComputedStyle(el, pseudo);

/** The parent in the composed (flat) tree: out of a shadow root to its host. */
function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}

/** What is painted behind `el`: its own and its ancestors' backgrounds, down to the page's canvas. */
function backgroundBehind(el: Element): RGBA {
  const layers: RGBA[] = [];
  for (let node: Element | null = el; node; node = composedParent(node)) {
    const layer = parseColor(styleOf(node).backgroundColor);
    if (layer[3] > 0) layers.push(layer);
    if (layer[3] >= 1) break;
  }
  // Nothing opaque up to the root: the canvas of a page that sets no background is white (light).
  let result: RGBA = [255, 255, 255, 1];
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
}

interface Measured {
  where: string;
  text: string;
  ratio: number;
  color: string;
  background: string;
}

const describeRgb = (c: RGBA) => `rgb(${c.slice(0, 3).map(Math.round).join(' ')})`;

function measure(where: string, text: string, colorValue: string, el: Element): Measured {
  const background = backgroundBehind(el);
  const color = over(parseColor(colorValue), background);
  return {
    where,
    text: text.trim().replace(/\s+/g, ' ').slice(0, 60),
    ratio: contrast(color, background),
    color: describeRgb(color),
    background: describeRgb(background),
  };
}

/** Every visible text of `root` and of the shadow roots inside it: text nodes and generated content (icons, labels). */
function visibleTexts(root: ShadowRoot, where: string): Measured[] {
  const found: Measured[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = root.ownerDocument.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent!.trim() || parent.closest('.visually-hidden')) continue;
    range.selectNodeContents(node);
    const painted = Array.from(range.getClientRects()).some((r) => r.width > 1 && r.height > 1);
    if (!painted || styleOf(parent).visibility !== 'visible') continue;
    found.push(measure(where, node.textContent!, styleOf(parent).color, parent));
  }
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.getClientRects().length === 0) continue;
    for (const pseudo of ['::before', '::after']) {
      const style = styleOf(el, pseudo);
      const content = style.content.replace(/\s*\/\s*""$/, '');
      if (content === 'none' || content === 'normal' || content === '""' || style.display === 'none') continue;
      found.push(measure(where, `${content} (${el.localName}${pseudo})`, style.color, el));
    }
    if (el.shadowRoot) found.push(...visibleTexts(el.shadowRoot, `${where} > ${el.localName}`));
  }
  return found;
}

// ---- the page -------------------------------------------------------------------------------

async function demoDocument(name: string): Promise<Partial<PostureDocument>> {
  const response = await realFetch(`/demo/documents/${name}.json`);
  expect(response.ok, `/demo/documents/${name}.json`).to.equal(true);
  // Its own issuer and dates are replaced: publish() signs it for a fresh origin, valid today.
  const { $schema, issuer, issued, expires, ...rest } = (await response.json()) as PostureDocument & { $schema?: string };
  void [$schema, issuer, issued, expires];
  return rest;
}

/** The page as a marketing site writes it, in its own document (its own root, canvas and registry). */
function pageHtml(page: Page, body: string): string {
  const meta = page === 'light dark (meta)' ? '<meta name="color-scheme" content="light dark">' : '';
  return `<!doctype html><html lang="en" style="${PAGE_STYLE[page]}"><head><meta charset="utf-8">${meta}
    <style>body { margin: 16px; font: 16px/1.5 system-ui, sans-serif; }</style></head><body><main>${body}</main></body></html>`;
}

/** Serves the frame from the fake network: Responses of the frame's own realm, which its loader expects. */
function frameFetch(win: Window & typeof globalThis): typeof fetch {
  const outer = globalThis.fetch;
  return async (input, init) => {
    const response = await outer(input, init);
    return new win.Response(await response.arrayBuffer(), { status: response.status, headers: Array.from(response.headers) });
  };
}

/** Whether emulateMedia works in this engine: asked once, as the test server logs every refusal. */
let canEmulate: boolean | undefined;

/**
 * Sets the visitor's preference for a frame about to load. emulateMedia (CDP: Chromium) sets the
 * browser's own; where it is missing, the frame element's color-scheme sets the preference its
 * document sees (CSS Color Adjust: an embedded document prefers its embedder's used scheme) —
 * Firefox does this; WebKit does neither, checked afterwards in the frame itself.
 */
async function setVisitor(visitor: Visitor, frame?: HTMLIFrameElement): Promise<void> {
  if (canEmulate !== false) {
    try {
      await emulateMedia({ colorScheme: visitor });
      canEmulate = true;
      if (matchMedia(`(prefers-color-scheme: ${visitor})`).matches) return;
    } catch {
      // No emulation over this engine's driver (Firefox over WebDriver BiDi, WebKit over WebDriver).
      canEmulate = false;
    }
  }
  if (frame) frame.style.colorScheme = visitor;
}

describe('colour scheme: every text readable on the host page', () => {
  let network: FakeNetwork;
  let frame: HTMLIFrameElement | undefined;
  let documents: Record<'controls' | 'center', Partial<PostureDocument>>;

  before(async () => {
    documents = { controls: await demoDocument('personalityai'), center: await demoDocument('personaizer') };
  });
  beforeEach(() => (network = installNetwork()));
  afterEach(async () => {
    network.restore();
    frame?.remove();
    frame = undefined;
    await setVisitor('light');
  });

  /** Every element, verified, on `page` for `visitor`; returns the texts below the minimum contrast. */
  async function unreadable(page: Page, visitor: Visitor, theme?: 'light' | 'dark'): Promise<string[] | 'cannot-emulate'> {
    const controls = await publish(network, documents.controls);
    const center = await publish(network, documents.center);
    const category = documents.controls.categories![0]!;
    const t = theme ? ` theme="${theme}"` : '';
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 800px; border: 0';
    await setVisitor(visitor, frame);
    document.body.append(frame);
    await new Promise<void>((resolve) => {
      frame!.addEventListener('load', () => resolve(), { once: true });
      frame!.srcdoc = pageHtml(
        page,
        `<p>Our security: <trust-badge src="${controls.src}" href="https://vendor.example/trust"${t}></trust-badge></p>
        <p>Single sign-on <control-status src="${controls.src}" control="${category.controls[0]!.id}"${t}></control-status></p>
        <control-status src="${controls.src}" category="${category.id}"${t}></control-status>
        <control-status src="${controls.src}"${t}></control-status>
        <subprocessor-list src="${controls.src}"${t}></subprocessor-list>
        <trust-center src="${center.src}"${t}></trust-center>
        <trust-center src="${controls.src}"${t}></trust-center>`,
      );
    });
    const win = frame.contentWindow as Window & typeof globalThis;
    const doc = frame.contentDocument!;
    if (!win.matchMedia(`(prefers-color-scheme: ${visitor})`).matches) return 'cannot-emulate';
    // The page itself is what its declaration says: dark for a dark page, and for a `light dark` one with a dark visitor.
    const pageIsDark = page === 'dark' || (page !== 'light' && visitor === 'dark');
    expect(luminance(backgroundBehind(doc.body)) < 0.2, `the ${page} page is dark`).to.equal(pageIsDark);

    win.fetch = frameFetch(win);
    const script = doc.createElement('script');
    script.type = 'module';
    script.src = '/src/define/all.ts';
    doc.head.append(script);
    await win.customElements.whenDefined('trust-center');
    const elements = Array.from(doc.querySelectorAll<HTMLElement & { state: string; updateComplete: Promise<boolean> }>(TAGS.join(',')));
    for (const el of elements) await settled(el);
    for (const list of elements.flatMap((el) => Array.from(el.shadowRoot!.querySelectorAll('subprocessor-list'))))
      await settled(list as never);
    expect(elements.map((el) => `${el.localName}: ${el.state}`)).to.deep.equal(elements.map((el) => `${el.localName}: verified`));
    const texts = elements.flatMap((el) => visibleTexts(el.shadowRoot!, el.localName));
    // The walk must have found the titles and headings that sit on the page itself.
    expect(texts.length, 'visible texts found').to.be.greaterThan(100);
    expect(texts.map((x) => x.text)).to.include.members([documents.controls.organization!.name, documents.center.organization!.name]);
    return texts
      .filter((x) => x.ratio < MIN_CONTRAST)
      .map((x) => `${x.where} "${x.text}": ${x.ratio.toFixed(2)}:1 (${x.color} on ${x.background})`);
  }
  const cases: { page: Page; visitor: Visitor; theme?: 'light' | 'dark' }[] = [
    { page: 'light', visitor: 'light' },
    { page: 'light', visitor: 'dark' },
    { page: 'dark', visitor: 'light' },
    { page: 'dark', visitor: 'dark' },
    { page: 'light dark', visitor: 'light' },
    { page: 'light dark', visitor: 'dark' },
    { page: 'light dark (meta)', visitor: 'light' },
    { page: 'light dark (meta)', visitor: 'dark' },
    { page: 'light', visitor: 'dark', theme: 'dark' },
    { page: 'dark', visitor: 'light', theme: 'light' },
  ];
  for (const { page, visitor, theme } of cases) {
    const title = `a ${page} page, a ${visitor} visitor${theme ? `, theme="${theme}" on every element` : ''}: every text ≥ ${MIN_CONTRAST}:1`;
    it(title, async function () {
      const result = await unreadable(page, visitor, theme);
      if (result === 'cannot-emulate') {
        console.log(
          `color-scheme.test: skipped "${title}": neither emulateMedia nor a frame's color-scheme sets prefers-color-scheme: ${visitor} in this engine (WebKit)`,
        );
        this.skip();
      }
      expect(result, 'texts below the minimum contrast').to.deep.equal([]);
    });
  }
});
