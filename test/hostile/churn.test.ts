/**
 * Churn and clock trouble: a thousand rounds of adding, re-pointing and removing elements leave no
 * pending requests, timers or abort listeners behind; a visitor clock that is off by days gives an
 * honest state.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define/all.js';
import { pageCache } from '../../src/elements/loader.js';
import { installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';

const DAY = 86_400_000;

describe('churn and clock trouble', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  it('a thousand rounds of add, re-point and remove leave nothing pending', async () => {
    const docs = await Promise.all([publish(network), publish(network), publish(network)]);
    const host = await fixture<HTMLElement>(html`<div></div>`);

    // Count live timers and abort listeners made during the churn.
    const timers = new Set<unknown>();
    const realSet = window.setTimeout;
    const realClear = window.clearTimeout;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
      const id = realSet(
        ((...a: unknown[]) => {
          timers.delete(id);
          if (typeof fn === 'function') (fn as (...x: unknown[]) => void)(...a);
        }) as TimerHandler,
        ms,
        ...rest,
      );
      timers.add(id);
      return id;
    }) as typeof setTimeout;
    window.clearTimeout = ((id?: ReturnType<typeof setTimeout>) => {
      if (id !== undefined) timers.delete(id);
      realClear(id);
    }) as typeof clearTimeout;
    let abortListeners = 0;
    const realAdd = AbortSignal.prototype.addEventListener;
    const realRemove = AbortSignal.prototype.removeEventListener;
    const tracked = new WeakSet<object>();
    AbortSignal.prototype.addEventListener = function (
      this: AbortSignal,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (type === 'abort' && listener && !tracked.has(listener)) {
        tracked.add(listener);
        abortListeners++;
        // A { once } listener that fires removes itself.
        const original = listener;
        realAdd.call(
          this,
          'abort',
          () => {
            if (tracked.has(original)) {
              tracked.delete(original);
              abortListeners--;
            }
          },
          { once: true },
        );
      }
      return realAdd.call(this, type, listener as EventListenerOrEventListenerObject, options);
    };
    AbortSignal.prototype.removeEventListener = function (
      this: AbortSignal,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      if (type === 'abort' && listener && tracked.has(listener)) {
        tracked.delete(listener);
        abortListeners--;
      }
      return realRemove.call(this, type, listener as EventListenerOrEventListenerObject, options);
    };

    try {
      for (let round = 0; round < 1000; round++) {
        const element = document.createElement(round % 2 ? 'trust-badge' : 'control-status');
        element.setAttribute('src', docs[round % 3]!.src);
        host.append(element);
        if (round % 3 === 0) await Promise.resolve();
        element.setAttribute('src', docs[(round + 1) % 3]!.src);
        if (round % 5 === 0) await new Promise((r) => realSet(r, 0));
        element.remove();
      }
      // Let every microtask and abort settle.
      await new Promise((r) => realSet(r, 50));
      expect(host.childElementCount).to.equal(0);
      expect(pageCache.pending, 'requests still pending').to.equal(0);
      expect(timers.size, 'timers still armed').to.equal(0);
      expect(abortListeners, 'abort listeners left behind').to.equal(0);
    } finally {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
      AbortSignal.prototype.addEventListener = realAdd;
      AbortSignal.prototype.removeEventListener = realRemove;
    }
    // The same page still works afterwards.
    const last = await fixture<HTMLElement>(html`<trust-badge src=${docs[0]!.src}></trust-badge>`);
    await settled(last as HTMLElement & { state: string; updateComplete: Promise<boolean> });
    expect(last.getAttribute('state')).to.equal('verified');
  });

  it('heap use returns to its start after a thousand rounds (measured where the engine exposes it: Chromium)', async function () {
    const docs = await Promise.all([publish(network), publish(network)]);
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const churn = async (rounds: number) => {
      for (let round = 0; round < rounds; round++) {
        const element = document.createElement('trust-badge');
        element.setAttribute('src', docs[round % 2]!.src);
        host.append(element);
        if (round % 10 === 0) await settled(element as HTMLElement & { state: string; updateComplete: Promise<boolean> });
        element.remove();
      }
      await new Promise((r) => setTimeout(r, 50));
    };
    await churn(200); // warm up: code, caches and the two verified documents
    const before = Number(await executeServerCommand('heap-usage'));
    if (before < 0) this.skip(); // this engine does not expose its heap
    await churn(1000);
    const after = Number(await executeServerCommand('heap-usage'));
    // A thousand kept elements with their shadow trees would be several MB: allow 1 MB of noise.
    expect(after - before, `heap grew from ${before} to ${after} bytes`).to.be.lessThan(1024 * 1024);
  });

  it("a visitor clock days behind the document's issue date says to check the clock, and shows nothing", async () => {
    const { src } = await publish(network, {
      issued: new Date(Date.now() + 3 * DAY).toISOString(),
      expires: new Date(Date.now() + 60 * DAY).toISOString(),
    });
    const el = await fixture<HTMLElement & { state: string; updateComplete: Promise<boolean> }>(
      html`<trust-badge src=${src}></trust-badge>`,
    );
    await settled(el);
    expect(el.state).to.equal('unverified');
    expect(el.shadowRoot!.textContent).to.not.contain('Vendor Example');
    const center = await fixture<HTMLElement & { state: string; updateComplete: Promise<boolean> }>(
      html`<trust-center src=${src}></trust-center>`,
    );
    await settled(center);
    expect(center.shadowRoot!.textContent).to.contain("check your device's clock");
  });

  it('a visitor clock days ahead, past the expiry, shows the document as expired, under a warning', async () => {
    const { src } = await publish(network, {
      issued: new Date(Date.now() - 40 * DAY).toISOString(),
      expires: new Date(Date.now() - 2 * DAY).toISOString(),
    });
    const el = await fixture<HTMLElement & { state: string; updateComplete: Promise<boolean> }>(
      html`<trust-center src=${src}></trust-center>`,
    );
    await settled(el);
    expect(el.state).to.equal('expired');
    expect(el.shadowRoot!.querySelector('[part~="expired-warning"]')).to.not.equal(null);
  });
});
