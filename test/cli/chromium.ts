/**
 * Debian's Chromium for the Node tests that must see a page as a visitor does (the static trust
 * center with JavaScript on and off; the feeds through the browser's strict XML parser), driven
 * by puppeteer-core with the flags every Chromium of this project gets.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_FLAGS } from '../../scripts/chromium-flags.mjs';

export const CHROMIUM = process.env.TE_CHROMIUM_BIN || '/usr/bin/chromium';

/**
 * Runs `use` with a fresh headless Chromium, closed afterwards. `hosts` maps host names to a
 * loopback `host:port` (as DNS would), and certificate errors are accepted (a test server's
 * self-signed certificate), so a page can be served as https://vendor.example from this machine.
 */
export async function withChromium<T>(use: (browser: Browser) => Promise<T>, hosts: Record<string, string> = {}): Promise<T> {
  const rules = Object.entries(hosts).map(([host, to]) => `MAP ${host} ${to}`);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    acceptInsecureCerts: true,
    args: [...CHROMIUM_FLAGS, ...(rules.length ? [`--host-resolver-rules=${rules.join(', ')}`] : [])],
  });
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}

export interface AtomSummary {
  /** The XML parser's error, when the text is not well-formed XML. */
  error: string | null;
  /** `namespace localName` of the root element. */
  root: string;
  /** Text of the feed's own children in the Atom namespace (id, title, updated, author name). */
  feed: Record<string, string | null>;
  entries: Record<string, string | null>[];
}

/** Parses an Atom document with the browser's strict XML parser and reads its required elements. */
export async function readAtom(browser: Browser, xml: string): Promise<AtomSummary> {
  const page = await browser.newPage();
  try {
    return await inPage(
      page,
      (text: string) => {
        const ATOM = 'http://www.w3.org/2005/Atom';
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const error = doc.getElementsByTagName('parsererror')[0];
        const root = doc.documentElement;
        const child = (parent: Element, name: string) =>
          [...parent.children].find((c) => c.namespaceURI === ATOM && c.localName === name)?.textContent ?? null;
        const author = [...root.children].find((c) => c.namespaceURI === ATOM && c.localName === 'author');
        return {
          error: error ? (error.textContent ?? 'parsererror') : null,
          root: `${root.namespaceURI} ${root.localName}`,
          feed: {
            id: child(root, 'id'),
            title: child(root, 'title'),
            updated: child(root, 'updated'),
            author: author ? child(author, 'name') : null,
          },
          entries: [...root.children]
            .filter((c) => c.namespaceURI === ATOM && c.localName === 'entry')
            .map((e) => ({ id: child(e, 'id'), title: child(e, 'title'), updated: child(e, 'updated'), content: child(e, 'content') })),
        };
      },
      xml,
    );
  } finally {
    await page.close();
  }
}

/**
 * The text a visitor sees on the page: every text node under `selector` that is rendered, through
 * open shadow roots (declarative ones included), in document order.
 */
export function visibleText(selector = 'body'): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && node.textContent?.trim())
        parts.push(node.textContent.trim());
      return;
    }
    if (node instanceof Element && node.localName === 'style') return;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    // Slotted children are reached through their host's light DOM, as well as not at all when unslotted.
    for (const child of node.childNodes) walk(child);
  };
  const root = document.querySelector(selector);
  if (root) walk(root);
  return parts.join(' ');
}

/**
 * `page.evaluate(fn)` for a function written in a test: tsx compiles it with esbuild's keepNames,
 * whose `__name(…)` helper exists only in Node, so the page gets a stand-in.
 */
export function inPage<A extends unknown[], T>(page: Page, fn: (...args: A) => T, ...args: A): Promise<Awaited<T>> {
  const call = `(${fn.toString()})(${args.map((a) => JSON.stringify(a)).join(', ')})`;
  return page.evaluate(`(() => { const __name = (f) => f; return ${call}; })()`) as Promise<Awaited<T>>;
}
