/**
 * Issue 15 point 4: `<control-status control>` in running text. It sizes to its words and wraps
 * with the sentence (never cut, on a 390 px phone and at 1440 px, and it does not jump to a line
 * of its own); `label="status"` shows the status alone; the verified mark is not drawn in a
 * status colour (a green ✓ beside "Roadmap" read as "done"); `layout="block"` keeps the fixed box.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/control-status.js';
import type { ControlStatusElement } from '../../src/define/control-status.js';
import { installNetwork, publish, settled, type FakeNetwork } from '../fixtures/network.js';

const LONG_TITLE = 'Enterprise SSO (SAML / OIDC) for every workspace';
const categories = [
  {
    id: 'identity',
    title: 'Identity & access',
    controls: [
      { id: 'sso', title: LONG_TITLE, status: 'roadmap' as const },
      { id: 'mfa', title: 'Multi-factor authentication', status: 'shipped' as const },
    ],
  },
];

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

/** The rectangles of an element's text, line by line. */
function textRects(el: Element): DOMRect[] {
  const range = document.createRange();
  range.selectNodeContents(el);
  return Array.from(range.getClientRects()).filter((r) => r.width > 0);
}

/**
 * Where the title's text is cut: by an ancestor (inside the shadow root) that clips its overflow,
 * by an ellipsis, or by running past the paragraph. Empty when every word is visible.
 */
function cuts(title: HTMLElement, paragraph: HTMLElement): string[] {
  const found: string[] = [];
  const rects = textRects(title);
  if (!rects.length) found.push('no text shown');
  if (title.scrollWidth > title.clientWidth && title.clientWidth > 0)
    found.push(`title scrollWidth ${title.scrollWidth} > clientWidth ${title.clientWidth}`);
  if (getComputedStyle(title).textOverflow === 'ellipsis') found.push('text-overflow: ellipsis');
  for (let node: Element | null = title; node && !(node instanceof ShadowRoot); node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const clip = node.getBoundingClientRect();
    for (const r of rects)
      if (r.right > clip.right + 0.5 || r.left < clip.left - 0.5)
        found.push(`clipped by ${node.className || node.localName} (${r.right.toFixed(1)} > ${clip.right.toFixed(1)})`);
  }
  const p = paragraph.getBoundingClientRect();
  for (const r of rects) if (r.right > p.right + 0.5) found.push(`past the paragraph (${r.right.toFixed(1)} > ${p.right.toFixed(1)})`);
  return found;
}

describe('<control-status> in running text (issue 15)', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(() => network.restore());

  for (const width of [390, 1440]) {
    it(`at ${width} px, a long title in a paragraph is never cut and the control starts on the line of the words before it`, async () => {
      const { src } = await publish(network, { categories });
      const wrapper =
        await fixture<HTMLElement>(html`<div style="width: ${width}px; padding: 0 16px; box-sizing: border-box; font: 16px/1.5 serif">
        <p>SSO: <control-status src=${src} control="sso"></control-status>, which larger customers ask for.</p>
      </div>`);
      const el = wrapper.querySelector<ControlStatusElement>('control-status')!;
      await settled(el);
      const paragraph = wrapper.querySelector('p')!;
      const title = part(el, 'title')!;
      expect(title.textContent).to.equal(LONG_TITLE);
      expect(cuts(title, paragraph)).to.deep.equal([]);
      // It does not jump to a line of its own, leaving a gap after "SSO:".
      const range = document.createRange();
      range.selectNodeContents(paragraph.firstChild!);
      const before = range.getClientRects()[0]!;
      const status = part(el, 'status')!.getBoundingClientRect();
      const middle = (r: DOMRect) => r.top + r.height / 2;
      expect(Math.abs(middle(status) - middle(before)), 'the status sits on the line of "SSO:"').to.be.lessThan(before.height / 2);
    });
  }

  it('label="status" shows the status alone; the title stays in its accessible name', async () => {
    const { src } = await publish(network, { categories });
    const el = await fixture<ControlStatusElement>(html`<control-status src=${src} control="sso" label="status"></control-status>`);
    await settled(el);
    expect(part(el, 'label')!.textContent).to.equal('Roadmap');
    expect(part(el, 'title') === null, 'no title shown').to.equal(true);
    const badge = part(el, 'badge')!;
    // What a sighted visitor sees in the badge: the status and nothing of the title.
    expect(badge.textContent!.replace(/\s+/g, ' ')).not.to.contain('Enterprise SSO');
    expect(badge.getAttribute('aria-label')).to.equal(`${LONG_TITLE}: Roadmap`);
    await expect(el).to.be.accessible();
  });

  it('the verified mark is not drawn in a status colour: next to "Roadmap" it does not read as "done"', async () => {
    const { src } = await publish(network, { categories });
    const wrapper = await fixture<HTMLElement>(html`<p>
      <control-status src=${src} control="sso"></control-status> <control-status src=${src} control="mfa"></control-status>
    </p>`);
    const [roadmap, shipped] = Array.from(wrapper.querySelectorAll<ControlStatusElement>('control-status'));
    await settled(roadmap!);
    await settled(shipped!);
    const statusColour = (el: Element) => getComputedStyle(part(el, 'status')!).color;
    const mark = getComputedStyle(part(roadmap!, 'mark')!);
    // Its colours (the drawing's and any fill behind it) are neither the roadmap colour nor the shipped ("done") green.
    const markColours = [mark.color, mark.backgroundColor].filter((c) => c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent');
    for (const colour of [statusColour(roadmap!), statusColour(shipped!)])
      expect(markColours, `status colour ${colour}`).not.to.include(colour);
    // And it is not the status's ✓ icon.
    expect(part(roadmap!, 'mark')!.textContent!.trim()).to.equal('');
  });

  it('a problem inline shows its short word only; the explanation is its accessible name', async () => {
    const { src } = await publish(network, { categories });
    const wrapper = await fixture<HTMLElement>(html`<p>Audits: <control-status src=${src} control="nope"></control-status>.</p>`);
    const el = wrapper.querySelector<ControlStatusElement>('control-status')!;
    await settled(el);
    expect(el.state).to.equal('error');
    expect(part(el, 'label')!.textContent).to.equal('Not found');
    expect(part(el, 'title') === null, 'no message running on in the sentence').to.equal(true);
    expect(part(el, 'badge')!.getAttribute('aria-label')).to.contain('The requested security information is not part of this document.');
  });

  it('layout="block" keeps the fixed width for grids (--trust-control-width)', async () => {
    const { src } = await publish(network, { categories });
    const wrapper = await fixture<HTMLElement>(html`<div style="--trust-control-width: 250px">
      <control-status src=${src} control="sso" layout="block"></control-status>
      <control-status src=${src} control="mfa" layout="block"></control-status>
    </div>`);
    const all = Array.from(wrapper.querySelectorAll<ControlStatusElement>('control-status'));
    for (const el of all) await settled(el);
    expect(all.map((el) => el.getBoundingClientRect().width)).to.deep.equal([250, 250]);
  });
});
