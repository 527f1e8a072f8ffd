/**
 * Verify time of signed posture documents of about 1 KB, 100 KB and 1 MiB (the default size
 * limit), in Node and in headless Chromium, with the same core code (bench/verify-run.ts).
 * Part of `npm run bench`; alone: `npm run bench:verify [-- --bytes N]`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { launchChromium } from './browser.js';
import { buildBenchPage } from './bundle.js';
import type { BenchApi } from './page.js';
import { BenchServer } from './server.js';
import { benchVerify, type VerifyTiming } from './verify-run.js';

/**
 * Payload bytes whose signed file (base64url: 4/3, plus the JWS around it, and documentOfSize's
 * overshoot of up to one entry) is about `signed` bytes, and not over it.
 */
export const payloadFor = (signed: number) => Math.max(1, Math.floor((signed * 3) / 4) - 512);

export const VERIFY_SIZES = [
  { label: '~1 KB', signed: 1024 },
  { label: '~100 KB', signed: 100 * 1024 },
  { label: '~1 MiB', signed: 1024 * 1024 },
];

export interface VerifyRow extends VerifyTiming {
  label: string;
  engine: 'node' | 'chromium';
}

export async function verifyInNode(runs = 15): Promise<VerifyRow[]> {
  const rows: VerifyRow[] = [];
  for (const { label, signed } of VERIFY_SIZES) rows.push({ label, engine: 'node', ...(await benchVerify(payloadFor(signed), runs)) });
  return rows;
}

/** On a page that has loaded the bench bundle (`window.bench`). */
export async function verifyInChromium(page: Page, runs = 15): Promise<VerifyRow[]> {
  const rows: VerifyRow[] = [];
  for (const { label, signed } of VERIFY_SIZES) {
    const timing = await page.evaluate(
      (target, n) => (window as unknown as { bench: BenchApi }).bench.benchVerify(target, n),
      payloadFor(signed),
      runs,
    );
    rows.push({ label, engine: 'chromium', ...timing });
  }
  return rows;
}

export const verifyLine = (r: VerifyRow) =>
  `${r.engine.padEnd(9)} ${r.label.padEnd(8)} ${String(r.bytes).padStart(9)} B  median ${r.median.toFixed(2).padStart(7)} ms  min ${r.min.toFixed(2)}  max ${r.max.toFixed(2)}  (${r.runs} runs)`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--bytes');
  if (flag > 0) VERIFY_SIZES.splice(0, VERIFY_SIZES.length, { label: 'custom', signed: Number(process.argv[flag + 1]) });
  for (const row of await verifyInNode()) console.log(verifyLine(row));
  const server = new BenchServer();
  const origin = await server.start();
  server.set('/bench.js', 'text/javascript', await buildBenchPage());
  server.set('/', 'text/html', '<!doctype html><script type="module" src="/bench.js"></script>');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction('window.bench !== undefined');
    for (const row of await verifyInChromium(page)) console.log(verifyLine(row));
  } finally {
    await browser.close();
    await server.stop();
  }
}
