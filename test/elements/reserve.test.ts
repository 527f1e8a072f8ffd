/**
 * reserve.css (src/reserve.css, shipped as dist/cdn/reserve.css): a page that links it keeps its
 * layout when the script defines the elements — each undefined tag already takes the room of its
 * loading state, so nothing after it moves. Checked in a real page (an iframe) in every engine:
 * boxes measured before the definition and again once every element shows its loading state.
 */
import { expect } from '@open-wc/testing';

let counter = 0;

/** The markup: every element (and a badge with a page-set width) among text that would move. */
function page(withReserve: boolean): string {
  const hang = () => `/__hostile/hang/reserve-${Date.now()}-${++counter}`;
  const attrs = () => `src="${hang()}" keys="${hang()}" timeout="600000"`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
    ${withReserve ? '<link rel="stylesheet" href="/src/reserve.css">' : ''}
    <style>body { margin: 8px; font: 16px/1.5 sans-serif; } .mark { outline: 1px solid red; }</style></head><body>
    <p>Before the badge <trust-badge ${attrs()}></trust-badge> <span class="mark" id="after-badge">after the badge</span></p>
    <p>Single sign-on: <control-status ${attrs()} control="sso"></control-status> <span class="mark" id="after-control">after the control</span></p>
    <control-status ${attrs()} category="access"></control-status><p class="mark" id="after-list">after the list</p>
    <subprocessor-list ${attrs()}></subprocessor-list><p class="mark" id="after-subprocessors">after the sub-processors</p>
    <trust-center ${attrs()}></trust-center><p class="mark" id="after-center">after the trust center</p>
    <p style="--trust-badge-width: 9rem; --trust-badge-height: 2.5rem"><trust-badge ${attrs()}></trust-badge><span class="mark" id="after-small-badge">after a smaller badge</span></p>
  </body></html>`;
}

const TAGS = 'trust-badge, control-status, subprocessor-list, trust-center';

async function open(withReserve: boolean): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 2400px; border: 0';
  document.body.append(frame);
  await new Promise<void>((resolve) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.srcdoc = page(withReserve);
  });
  return { frame, doc: frame.contentDocument! };
}

/** Every element's and marker's box, rounded to a tenth of a pixel. */
function boxes(doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  Array.from(doc.querySelectorAll(`${TAGS}, .mark`)).forEach((el, i) => {
    const r = el.getBoundingClientRect();
    out[`${i} ${el.id || el.localName}`] = [r.x, r.y, r.width, r.height].map((n) => n.toFixed(1)).join(' ');
  });
  return out;
}

/** Defines the elements in the frame (its own registry) and waits until each shows its loading state. */
async function define(frame: HTMLIFrameElement, doc: Document) {
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = '/src/define/all.ts';
  doc.head.append(script);
  const elements = Array.from(doc.querySelectorAll(TAGS)) as (HTMLElement & { updateComplete?: Promise<unknown> })[];
  const start = Date.now();
  while (!elements.every((el) => el.getAttribute('state') === 'loading' && el.shadowRoot?.childElementCount)) {
    if (Date.now() - start > 10_000)
      throw new Error(`not all loading: ${elements.map((e) => `${e.localName}=${e.getAttribute('state')}`).join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await Promise.all(elements.map((el) => el.updateComplete));
  void frame.offsetHeight;
}

describe('reserve.css', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((f) => f.remove()));

  it('gives every undefined tag the room of its loading state, so nothing moves when the script defines it', async () => {
    const { frame, doc } = await open(true);
    frames.push(frame);
    expect(doc.querySelector('trust-badge')!.matches(':defined')).to.equal(false);
    const before = boxes(doc);
    await define(frame, doc);
    expect(boxes(doc)).to.deep.equal(before);
  });

  it('is what keeps the page still: without it, the text after the elements moves', async () => {
    const { frame, doc } = await open(false);
    frames.push(frame);
    const before = boxes(doc);
    await define(frame, doc);
    const after = boxes(doc);
    const moved = Object.keys(before).filter((k) => before[k] !== after[k]);
    expect(moved).to.include.members(['1 after-badge', '3 after-control', '5 after-list', '7 after-subprocessors', '9 after-center']);
  });
});
