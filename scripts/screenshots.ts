/**
 * `npm run screenshots`: the elements as visitors see them, for a person to look at before a change
 * is called done. Serves the demo (as `npm start` does) and photographs every host page at a phone
 * (390 px) and a desktop (1440 px) width, with the visitor's system in light and in dark mode, in
 * headless Chromium. The PNGs go to screenshots/ (not committed); `--docs` also writes the few the
 * README shows into docs/screenshots/.
 *
 *   npm run screenshots                       # every page × width × visitor scheme
 *   npm run screenshots -- --pages light-site # only some pages
 *   npm run screenshots -- --lang ja,pl       # the page's lang set to each (file names end -ja, -pl)
 *   npm run screenshots -- --element trust-badge  # only the first such element, at 3× (file names end -trust-badge)
 *   npm run screenshots -- --cdn              # each picture again with the built CDN file, as it ships, and whether they are pixel-identical
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServer, type Plugin } from 'vite';
import type { Page } from 'puppeteer-core';
import { launchChromium } from '../bench/browser.js';
import { freePort, prepareDemo, root } from './demo.js';

/** Host pages: the demo, a light marketing page (no color-scheme) and a dark one (color-scheme: dark). */
const PAGES = ['index', 'light-site', 'dark-site', 'partner'];
const WIDTHS = [390, 1440];
const SCHEMES = ['light', 'dark'] as const;
/** What the README shows: the light and the dark host page at both widths, visitor in light mode. */
const DOCS = new Set(['light-site-1440-light', 'dark-site-1440-light', 'light-site-390-dark']);

const { values } = parseArgs({
  options: {
    pages: { type: 'string' },
    lang: { type: 'string' },
    docs: { type: 'boolean', default: false },
    'max-height': { type: 'string', default: '2400' },
    element: { type: 'string' },
    cdn: { type: 'boolean', default: false },
  },
});
const pages = values.pages ? values.pages.split(',') : PAGES;
/** The page's own language (`<html lang>`), each in turn; '' leaves the page as written. */
const languages = values.lang ? values.lang.split(',') : [''];
const maxHeight = Number(values['max-height']);
/** A CSS selector: photograph only the first element it matches (with a margin), three times as sharp. */
const only = values.element;
const MARGIN = 12;
const outDir = path.join(root, 'screenshots');
const docsDir = path.join(root, 'docs', 'screenshots');

const port = await freePort(Number(process.env.PORT ?? 5190));
const origin = `http://localhost:${port}`;
await prepareDemo(origin);
/**
 * The built CDN file in place of the demo's sources, for a page asked for with `?cdn`: what ships,
 * minified. `--cdn` photographs every page both ways and says whether the two are pixel-identical.
 */
const CDN_FILE = path.join(root, 'dist/cdn/trust-elements.min.js');
if (values.cdn && !existsSync(CDN_FILE)) throw new Error(`${path.relative(root, CDN_FILE)} is missing: run npm run build first`);
const shipped: Plugin = {
  name: 'the-shipped-cdn-file',
  transformIndexHtml: (html, ctx) =>
    ctx.originalUrl?.endsWith('?cdn') ? html.replace('src="./elements.ts"', `src="/@fs${CDN_FILE}"`) : html,
};
const server = await createServer({
  configFile: path.join(root, 'vite.config.ts'),
  logLevel: 'warn',
  server: { port, host: '127.0.0.1', strictPort: true },
  plugins: [shipped],
});
await server.listen();
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
if (values.docs) await mkdir(docsDir, { recursive: true });

const browser = await launchChromium();
const differ: string[] = [];
try {
  for (const name of pages) {
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        for (const lang of languages) {
          const file = await photograph(name, width, scheme, lang, false);
          if (!values.cdn || !file) continue;
          const cdnFile = await photograph(name, width, scheme, lang, true);
          const [a, b] = await Promise.all([readFile(path.join(outDir, file)), readFile(path.join(outDir, cdnFile!))]);
          console.log(`    ${a.equals(b) ? 'pixel-identical' : 'DIFFERS'} with the CDN file`);
          if (!a.equals(b)) differ.push(file);
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (differ.length) {
  console.log(`the CDN file looks different on ${differ.length} picture(s): ${differ.join(', ')}`);
  process.exitCode = 1;
}

/** One picture of `name` as a visitor sees it; its file name, or undefined when the element asked for is not there. */
async function photograph(name: string, width: number, scheme: (typeof SCHEMES)[number], lang: string, cdn: boolean) {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width, height: 900, deviceScaleFactor: only ? 3 : 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(`${origin}/${name === 'index' ? '' : `${name}.html`}${cdn ? '?cdn' : ''}`, { waitUntil: 'networkidle0' });
    if (lang) {
      // As a visitor's translated page: the elements re-render once their language file has arrived.
      await page.evaluate((l) => (document.documentElement.lang = l), lang);
      await page.waitForNetworkIdle({ idleTime: 300 });
    }
    // Scroll through the page once, as a reader would, so `loading="lazy"` elements start too.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
      window.scrollTo(0, 0);
    });
    // Every element defined and settled (verified or failed), fonts loaded: what a visitor sees after a second.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('trust-center, subprocessor-list, control-status, trust-badge')].every(
          (el) => el.getAttribute('state') && el.getAttribute('state') !== 'loading',
        ),
      { timeout: 15_000 },
    );
    await page.evaluate(() => document.fonts.ready);
    const height = Math.min(maxHeight, await page.evaluate(() => document.documentElement.scrollHeight));
    const clip = only ? await elementClip(page, only) : { x: 0, y: 0, width, height };
    if (!clip) {
      console.log(`  ${name}.html has no ${only}: skipped`);
      return undefined;
    }
    const file = `${name}-${width}-${scheme}${lang ? `-${lang}` : ''}${only ? `-${only.replace(/[^a-z0-9-]+/gi, '_')}` : ''}${cdn ? '-cdn' : ''}.png`;
    await page.screenshot({ path: path.join(outDir, file), clip, captureBeyondViewport: true });
    if (!cdn && values.docs && DOCS.has(file.replace(/\.png$/, ''))) await copyFile(path.join(outDir, file), path.join(docsDir, file));
    console.log(
      `  ${path.relative(root, path.join(outDir, file))}  (${Math.round(clip.width)}×${Math.round(clip.height)}, visitor in ${scheme} mode${lang ? `, lang=${lang}` : ''})`,
    );
    return file;
  } finally {
    await page.close();
  }
}

/** The page rectangle of the first element matching `selector` (shadow roots included), with a margin; null when there is none. */
async function elementClip(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const box = await page.evaluate((s) => {
    // The first match in the page or in any shadow root (a <subprocessor-list> inside a <trust-center>).
    // A loop, not a named helper: the page runs this function's source, without tsx's helpers.
    let match: Element | null = null;
    for (const roots: (Document | ShadowRoot)[] = [document]; !match && roots.length;) {
      const root = roots.shift()!;
      match = root.querySelector(s);
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    const r = match?.getBoundingClientRect();
    return r && { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
  }, selector);
  if (!box) return null;
  const x = Math.max(0, box.x - MARGIN);
  const y = Math.max(0, box.y - MARGIN);
  return { x, y, width: box.width + 2 * MARGIN, height: box.height + 2 * MARGIN };
}
