/**
 * `publish` writes a static trust center: the page pre-rendered from the verified document
 * (readable with JavaScript off and by search engines), upgraded in the browser by the element
 * script beside it, which verifies the same document. Seen in Chromium, served as
 * https://vendor.example from a loopback server.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { cli, keygen, makeDocument, tamperPayload, tempDir, writeJson } from './helpers.js';
import { inPage, visibleText, withChromium } from './chromium.js';
import { serveDir } from './serve.js';
import { selfSignedCertificate } from './tls.js';

const WK = '.well-known/trust-elements';
const HOSTILE = `Vendor </script><script>window.pwned=1</script> "quoted" & 'single' <!--`;

const postureDoc = (overrides: Record<string, unknown> = {}) =>
  makeDocument({
    language: 'en',
    introduction: [{ type: 'paragraph', text: 'How Vendor Example keeps customer data safe.' }],
    subprocessors: {
      disclosure: 'public',
      entries: [{ name: 'Amazon Web Services', purpose: 'Hosting', locations: [{ name: 'Frankfurt', country: 'DE' }] }],
    },
    contacts: [{ role: 'security', email: 'security@vendor.example' }],
    ...overrides,
  });

async function published(doc: Record<string, unknown>, extra: string[] = []) {
  const dir = await tempDir();
  await writeJson(dir, 'doc.json', doc);
  await keygen(dir, 'ed25519', 'key.json');
  const signed = await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'signed.json']);
  assert.equal(signed.code, 0, signed.stderr);
  const r = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json', ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return { dir, site: path.join(dir, 'site'), stdout: r.stdout };
}

/** What a page shows once the live element has a result (or after `ms` without one). */
async function settle(page: Page, ms = 8000): Promise<string | null> {
  await page
    .waitForFunction(
      () => /^(verified|expired|unverified|error)$/.test(document.querySelector('trust-center')?.getAttribute('state') ?? ''),
      {
        timeout: ms,
      },
    )
    .catch(() => undefined);
  return page.evaluate(() => document.querySelector('trust-center')?.getAttribute('state') ?? null);
}

describe('publish: the static trust-center page', () => {
  let tls: { key: string; cert: string };
  before(async () => {
    tls = await selfSignedCertificate('vendor.example');
  });

  /** The published folder served at https://vendor.example, in a fresh Chromium. */
  async function visit<T>(site: string, use: (browser: Browser) => Promise<T>): Promise<T> {
    const server = await serveDir(site, tls);
    try {
      return await withChromium(use, { 'vendor.example': `127.0.0.1:${server.port}` });
    } finally {
      await server.close();
    }
  }

  test('with JavaScript off, the page shows the facts and its head describes it; it never says "Verified"', async () => {
    const { site } = await published(postureDoc());
    await visit(site, async (browser) => {
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.goto('https://vendor.example/', { waitUntil: 'load' });
      const head = await inPage(page, () => ({
        title: document.title,
        description: document.querySelector('meta[name=description]')?.getAttribute('content'),
        canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href'),
        og: Object.fromEntries(
          [...document.querySelectorAll('meta[property^="og:"]')].map((m) => [m.getAttribute('property'), m.getAttribute('content')]),
        ),
        jsonLd: JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null'),
        lang: document.documentElement.lang,
      }));
      assert.equal(head.title, 'Vendor Example — Trust Center');
      assert.equal(head.description, 'How Vendor Example keeps customer data safe.');
      assert.equal(head.canonical, 'https://vendor.example/');
      assert.equal(head.og['og:url'], 'https://vendor.example/');
      assert.equal(head.og['og:title'], head.title);
      assert.equal(head.lang, 'en');
      assert.deepEqual(head.jsonLd, {
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'Vendor Example',
        url: 'https://vendor.example',
        contactPoint: [{ '@type': 'ContactPoint', contactType: 'security', email: 'security@vendor.example' }],
      });
      const text = await inPage(page, visibleText);
      for (const fact of [
        'Vendor Example',
        'Multi-factor authentication',
        'Required for every employee.',
        'Amazon Web Services',
        'Hosting',
        'Frankfurt',
      ])
        assert.ok(text.includes(fact), `shows "${fact}": ${text.slice(0, 400)}`);
      assert.match(text, /Signed document — not verified on this page yet/);
      assert.doesNotMatch(text, /\bVerified\b/, 'claims no verification it did not do');
    });
  });

  test('with JavaScript, the element script verifies the same document and takes the place of the pre-rendered copy', async () => {
    const { site } = await published(postureDoc());
    await visit(site, async (browser) => {
      const page = await browser.newPage();
      await page.goto('https://vendor.example/', { waitUntil: 'load' });
      assert.equal(await settle(page), 'verified');
      const text = await inPage(page, visibleText);
      assert.match(text, /✓ Verified signed by vendor\.example's published key/);
      assert.ok(text.includes('Amazon Web Services'));
      assert.doesNotMatch(text, /not verified on this page yet/, 'the pre-rendered copy is gone');
    });
  });

  test('a tampered document: once the script runs, the failure shows and the pre-rendered copy does not stay', async () => {
    const { site } = await published(postureDoc());
    const file = path.join(site, WK, 'posture.json');
    await writeFile(file, tamperPayload(await readFile(file, 'utf8')));
    await visit(site, async (browser) => {
      const page = await browser.newPage();
      await page.goto('https://vendor.example/', { waitUntil: 'load' });
      assert.equal(await settle(page), 'unverified');
      const text = await inPage(page, visibleText);
      assert.match(text, /could not be verified/);
      assert.doesNotMatch(text, /Amazon Web Services|Multi-factor authentication|Signed document/, 'no fact of the tampered copy is shown');
    });
  });

  test('hostile organization text is escaped in the title, the head and the JSON-LD, and runs nothing', async () => {
    const { site } = await published(postureDoc({ organization: { name: HOSTILE, url: 'https://vendor.example' } }));
    const html = await readFile(path.join(site, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /<script>window\.pwned/);
    await visit(site, async (browser) => {
      const page = await browser.newPage();
      await page.goto('https://vendor.example/', { waitUntil: 'load' });
      const seen = await inPage(page, () => ({
        title: document.title,
        name: JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!).name,
        pwned: (window as unknown as { pwned?: number }).pwned ?? null,
        scripts: document.scripts.length,
      }));
      assert.deepEqual(seen, { title: `${HOSTILE} — Trust Center`, name: HOSTILE, pwned: null, scripts: 2 });
    });
  });

  test('the element script is copied beside the page with its SRI hash; --cdn names the same file on jsDelivr', async () => {
    const { site } = await published(postureDoc());
    const html = await readFile(path.join(site, 'index.html'), 'utf8');
    const [, src, integrity] = /<script type="module" src="([^"]+)" integrity="([^"]+)" crossorigin="anonymous">/.exec(html) ?? [];
    assert.match(src!, /^\/trust-center-\d+\.\d+\.\d+.*\.min\.js$/);
    const copied = await readFile(path.join(site, src!));
    assert.equal(integrity, `sha384-${createHash('sha384').update(copied).digest('base64')}`);

    const cdn = await published(postureDoc(), ['--cdn']);
    const cdnHtml = await readFile(path.join(cdn.site, 'index.html'), 'utf8');
    assert.match(cdnHtml, /src="https:\/\/cdn\.jsdelivr\.net\/npm\/trust-elements@[^/]+\/dist\/cdn\/trust-center\.min\.js"/);
    assert.ok(cdnHtml.includes(`integrity="${integrity}"`), 'the same bytes, the same hash');
    assert.doesNotMatch(cdn.stdout, /trust-center-[^ ]*\.min\.js/, 'nothing copied');
  });

  test('--css: the vendor stylesheet colours the page, before and after the script runs', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'brand.css'), ':root { --trust-color-text: rgb(1, 2, 3); }\n');
    const { site, stdout } = await published(postureDoc(), ['--css', path.join(dir, 'brand.css')]);
    assert.match(stdout, /written +\S*site\/trust-center\.css/);
    assert.match(await readFile(path.join(site, 'index.html'), 'utf8'), /<link rel="stylesheet" href="\/trust-center\.css">/);
    await visit(site, async (browser) => {
      const linkColour = (tag: string) => getComputedStyle(document.querySelector(tag)!.shadowRoot!.querySelector('[part~=title]')!).color;
      const off = await browser.newPage();
      await off.setJavaScriptEnabled(false);
      await off.goto('https://vendor.example/', { waitUntil: 'load' });
      assert.equal(await inPage(off, linkColour, 'trust-center-static'), 'rgb(1, 2, 3)');
      const on = await browser.newPage();
      await on.goto('https://vendor.example/', { waitUntil: 'load' });
      assert.equal(await settle(on), 'verified');
      assert.equal(await inPage(on, linkColour, 'trust-center'), 'rgb(1, 2, 3)');
    });
  });

  test('a page that publish did not write is kept; --page writes another file, with the feeds beside it', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'site'), { recursive: true });
    await writeFile(path.join(dir, 'site', 'index.html'), '<h1>Our own home page</h1>');
    await writeJson(dir, 'doc.json', postureDoc());
    await keygen(dir, 'ed25519', 'key.json');
    await cli(dir, ['sign', 'doc.json', '--key', 'key.json', '--out', 'signed.json']);
    const r = await cli(dir, ['publish', 'site', '--document', 'signed.json', '--jwks', 'jwks.json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /kept +site\/index\.html \(not written by publish: --page names another file\)/);
    assert.equal(await readFile(path.join(dir, 'site', 'index.html'), 'utf8'), '<h1>Our own home page</h1>');

    const again = await cli(dir, [
      'publish',
      'site',
      '--document',
      'signed.json',
      '--jwks',
      'jwks.json',
      '--page',
      'site/trust/index.html',
    ]);
    assert.equal(again.code, 0, again.stderr);
    const page = await readFile(path.join(dir, 'site', 'trust', 'index.html'), 'utf8');
    assert.match(page, /<link rel="canonical" href="https:\/\/vendor\.example\/trust\/">/);
    assert.match(page, /<link rel="alternate" type="application\/atom\+xml" [^>]*href="\/trust\/feed\.atom">/);
    assert.match(
      await readFile(path.join(dir, 'site', 'trust', 'feed.atom'), 'utf8'),
      /<id>https:\/\/vendor\.example\/trust\/feed\.atom<\/id>/,
    );
    assert.match(
      await readFile(path.join(dir, 'site', '_headers'), 'utf8'),
      /^\/trust\/feed\.atom\n {2}Content-Type: application\/atom\+xml; charset=utf-8$/m,
    );
  });
});
