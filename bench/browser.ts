/** Debian's Chromium, headless, driven by puppeteer-core. */
import puppeteer, { type Browser } from 'puppeteer-core';

export const CHROMIUM = process.env.TE_CHROMIUM_BIN || '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // window.gc() between runs, so one run's garbage is not collected during the next.
      '--js-flags=--expose-gc',
    ],
  });
}
