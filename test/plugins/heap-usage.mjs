// @ts-check
// Test runner plugin: a server command that measures the test page's JS heap (Chromium).

/**
 * `executeServerCommand('heap-usage')`: garbage-collects the test page and returns its used JS heap
 * in bytes, through the DevTools protocol (Chromium only; other engines answer -1).
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function heapUsage() {
  return {
    name: 'heap-usage',
    async executeCommand({ command, session }) {
      if (command !== 'heap-usage') return undefined;
      // Only the Chrome launcher's (puppeteer) pages speak CDP.
      const browser = /** @type {typeof session.browser & { getPage?: (id: string) => import('puppeteer-core').Page | undefined }} */ (
        session.browser
      );
      const page = browser.type === 'puppeteer' && browser.name === 'Chromium' ? browser.getPage?.(session.id) : undefined;
      if (!page) return -1; // (null or undefined would read as 'unknown command')
      const cdp = await page.createCDPSession();
      try {
        for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      } finally {
        await cdp.detach();
      }
    },
  };
}
