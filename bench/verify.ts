/**
 * Verify time of a signed posture document (default: ~1 MiB, the default size limit) in Node and in
 * headless Chromium (Debian's), with the same core code. Run: `npm run bench:verify [-- --bytes N]`.
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { benchVerify, type VerifyTiming } from './verify-run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const flag = process.argv.indexOf('--bytes');
// Just under the 1 MiB limit once base64url-encoded (4/3) and wrapped in the JWS.
const target = flag > 0 ? Number(process.argv[flag + 1]) : Math.floor((1024 * 1024 * 3) / 4) - 2048;

const row = (engine: string, t: VerifyTiming) =>
  `${engine.padEnd(10)} ${String(t.bytes).padStart(9)} B  median ${t.median.toFixed(1).padStart(7)} ms  min ${t.min.toFixed(1)}  max ${t.max.toFixed(1)}  (${t.runs} runs)`;

console.log(row('node', await benchVerify(target)));

const bundle = await build({ entryPoints: [path.join(here, 'verify-browser.ts')], bundle: true, format: 'esm', write: false, target: 'es2022' });
const script = bundle.outputFiles[0]!.text;
const server = createServer((req, res) => {
  if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/bench.js"></script>');
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const { port } = server.address() as { port: number };
const browser = await puppeteer.launch({
  executablePath: process.env.TE_CHROMIUM_BIN || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${port}/`);
  await page.waitForFunction('window.benchVerify !== undefined');
  const timing = (await page.evaluate(`window.benchVerify(${target})`)) as VerifyTiming;
  console.log(row('chromium', timing));
} finally {
  await browser.close();
  server.close();
}
