/**
 * <control-status>: one control as a compact badge, a category as a list, every state, the
 * tooltip by hover, focus and Escape, context, languages, one size in every state, axe.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { html as litHtml } from 'lit';
import '../../src/define/control-status.js';
import type { ControlStatusElement } from '../../src/define/control-status.js';
import type { VerifiedPosture } from '../../src/core/index.js';
import { define } from '../../src/elements/define.js';
import { PostureBlockElement } from '../../src/elements/posture-block-element.js';
import { installNetwork, publish, settled, tamper, type FakeNetwork } from '../fixtures/network.js';

/** A test-only posture element that hosts children in a slot (no shipped element has one). */
class SlotHostElement extends PostureBlockElement {
  protected override renderPosture(posture: VerifiedPosture) {
    return litHtml`<p>${posture.document.organization.name}</p><slot></slot>`;
  }
}
define('test-control-host', SlotHostElement);

const DAY = 86_400_000;
const expiredDates = () => ({
  issued: new Date(Date.now() - 40 * DAY).toISOString(),
  expires: new Date(Date.now() - 10 * DAY).toISOString(),
});

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => shadow(el).textContent!.replace(/\s+/g, ' ');
const badgeOf = (el: Element) => shadow(el).querySelector<HTMLElement>('[part="badge"]')!;
const badgesOf = (el: Element) => Array.from(shadow(el).querySelectorAll<HTMLElement>('[part="badge"]'));
const tipOf = (badge: HTMLElement) =>
  badge.getRootNode() instanceof ShadowRoot
    ? (badge.getRootNode() as ShadowRoot).getElementById(badge.getAttribute('aria-describedby')!)
    : null;
const isShown = (tip: HTMLElement | null) => !!tip && getComputedStyle(tip).display !== 'none' && tip.getBoundingClientRect().height > 0;
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, what: string, ms = 2000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await wait(10);
  }
}
const centre = (r: DOMRect): [number, number] => [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];

describe('<control-status>', () => {
  let network: FakeNetwork;
  beforeEach(() => (network = installNetwork()));
  afterEach(async () => {
    network.restore();
    // Out of the way of the next test's elements (Firefox's reset leaves the pointer where it was).
    await sendMouse({ type: 'move', position: [0, 0] });
    await resetMouse();
  });

  describe('one control', () => {
    it('is a compact badge while loading, with the loading text', async () => {
      let release!: () => void;
      const { src } = await publish(network, {}, { delay: new Promise<void>((r) => (release = r)) });
      const el = await fixture<ControlStatusElement>(html`<control-status src=${src} control="sso"></control-status>`);
      expect(el.state).to.equal('loading');
      expect(getComputedStyle(el).display).to.equal('inline-block');
      expect(text(el)).to.contain('Loading security information');
      expect(shadow(el).querySelector('[role="status"]')).to.exist;
      await expect(el).to.be.accessible();
      release();
      await settled(el);
      expect(el.state).to.equal('verified');
    });

    it('verified: status by icon, word and colour, the title, the verified mark, and a label for screen readers', async () => {
      const { src, origin } = await publish(network);
      const el = document.createElement('control-status');
      el.src = src;
      el.control = 'sso';
      const loaded = oneEvent(el, 'trust-load');
      await fixture(el);
      await settled(el);
      expect(el.state).to.equal('verified');
      expect(el.getAttribute('state')).to.equal('verified');
      expect((await loaded).detail.expired).to.equal(false);

      const badge = badgeOf(el);
      expect(shadow(el).querySelector('[part="icon"]')!.textContent).to.equal('○');
      expect(shadow(el).querySelector('[part="label"]')!.textContent).to.equal('Roadmap');
      expect(shadow(el).querySelector('[part="title"]')!.textContent).to.equal('Enterprise SSO');
      // The verified mark is a shield drawing, not a ✓ that would read as a status.
      expect(shadow(el).querySelector('[part="mark"] svg') !== null, 'a shield').to.equal(true);
      const status = shadow(el).querySelector<HTMLElement>('[part="status"]')!;
      expect(status.classList.contains('status-roadmap')).to.equal(true);
      const shipped = await fixture<ControlStatusElement>(html`<control-status src=${src} control="mfa"></control-status>`);
      await settled(shipped);
      // Colour as well as icon and word: the two statuses are drawn in different colours.
      expect(getComputedStyle(status).color).to.not.equal(getComputedStyle(shadow(shipped).querySelector('[part="status"]')!).color);

      expect(badge.getAttribute('role')).to.equal('img');
      expect(badge.getAttribute('aria-label')).to.equal('Enterprise SSO: Roadmap');
      expect(badge.tabIndex).to.equal(0);
      const tip = tipOf(badge)!;
      expect(tip.getAttribute('role')).to.equal('tooltip');
      // The seal's facts, in the accessible description.
      expect(tip.textContent)
        .to.contain('Verified')
        .and.contain(`signed by ${new URL(origin).host}`)
        .and.contain('expires');
      await expect(el).to.be.accessible();
    });

    it('shows the description in the tooltip', async () => {
      const { src } = await publish(network);
      const el = await fixture<ControlStatusElement>(html`<control-status src=${src} control="mfa"></control-status>`);
      await settled(el);
      expect(badgeOf(el).getAttribute('aria-label')).to.equal('Multi-factor authentication: Shipped');
      expect(tipOf(badgeOf(el))!.textContent).to.contain('Required for every employee.');
      expect(isShown(tipOf(badgeOf(el)))).to.equal(false);
    });

    it('renders document text only as text', async () => {
      const { src } = await publish(network, {
        categories: [
          {
            id: 'x',
            title: 'X',
            controls: [{ id: 'evil', title: '<img src=x onerror=alert(1)>', status: 'shipped', description: '<b>bold</b>' }],
          },
        ],
      });
      const el = await fixture<ControlStatusElement>(html`<control-status src=${src} control="evil"></control-status>`);
      await settled(el);
      expect(shadow(el).querySelector('img, b')).to.equal(null);
      expect(text(el)).to.contain('<img src=x onerror=alert(1)>').and.contain('<b>bold</b>');
    });

    it('expired: the content stays, under an unmissable expired mark (icon and word)', async () => {
      const { src } = await publish(network, expiredDates());
      const el = document.createElement('control-status');
      el.src = src;
      el.control = 'sso';
      const loaded = oneEvent(el, 'trust-load');
      await fixture(el);
      await settled(el);
      expect(el.state).to.equal('expired');
      expect((await loaded).detail.expired).to.equal(true);
      const mark = shadow(el).querySelector<HTMLElement>('[part="mark"]')!;
      expect(mark.textContent).to.contain('⚠').and.contain('Expired');
      expect(mark.getBoundingClientRect().width).to.be.greaterThan(20);
      expect(text(el)).to.contain('Enterprise SSO');
      expect(badgeOf(el).getAttribute('aria-label')).to.contain('Expired');
      expect(tipOf(badgeOf(el))!.textContent).to.contain('This information expired on');
      await expect(el).to.be.accessible();
    });

    it('expired="hide": says it has expired and shows no control', async () => {
      const { src } = await publish(network, expiredDates());
      const el = document.createElement('control-status');
      el.src = src;
      el.control = 'sso';
      el.expired = 'hide';
      const failed = oneEvent(el, 'trust-error');
      await fixture(el);
      await settled(el);
      expect(el.state).to.equal('expired');
      expect((await failed).detail.code).to.equal('expired');
      expect(text(el)).to.contain('Expired').and.contain('has expired, so it is not shown').and.not.contain('Enterprise SSO');
      await expect(el).to.be.accessible();
    });

    it('unverified: a tampered document shows none of its text, only why', async () => {
      const { src } = await publish(network, {}, { text: tamper });
      const el = document.createElement('control-status');
      el.src = src;
      el.control = 'mfa';
      const failed = oneEvent(el, 'trust-error');
      await fixture(el);
      await settled(el);
      expect(el.state).to.equal('unverified');
      expect((await failed).detail.code).to.equal('signature-invalid');
      const all = text(el);
      for (const word of ['Multi-factor', 'Required for every employee', 'Shipped', 'Roadmap', 'Vendor Exampl', 'Identity'])
        expect(all).to.not.contain(word);
      expect(all).to.contain('Not verified').and.contain('could not be verified');
      expect(badgeOf(el).getAttribute('aria-label')).to.contain('Not verified');
      expect(tipOf(badgeOf(el))!.textContent)
        .to.contain('let the owner of this page know')
        .and.contain('signature-invalid');
      await expect(el).to.be.accessible();
    });

    it('error: a document that is not there says it could not be loaded', async () => {
      const src = 'https://nowhere.example/.well-known/trust-elements/posture.json';
      const el = document.createElement('control-status');
      el.src = src;
      el.control = 'sso';
      const failed = oneEvent(el, 'trust-error');
      await fixture(el);
      await settled(el);
      expect(el.state).to.equal('error');
      expect((await failed).detail.code).to.equal('http-status');
      expect(text(el)).to.contain('Unavailable').and.contain('could not be loaded');
      await expect(el).to.be.accessible();
    });

    it('an unknown control id is an error that says so and names the id', async () => {
      const { src } = await publish(network);
      const el = document.createElement('control-status');
      el.src = src;
      el.control = 'no-such-control';
      const failed = oneEvent(el, 'trust-error');
      await fixture(el);
      await settled(el);
      expect(el.state).to.equal('error');
      expect(el.getAttribute('state')).to.equal('error');
      const { detail } = await failed;
      expect(detail.code).to.equal('unknown-control');
      expect(detail.message).to.contain('"no-such-control"').and.contain('sso, mfa');
      expect(text(el)).to.contain('Not found').and.contain('not part of this document').and.not.contain('Enterprise SSO');
      expect(tipOf(badgeOf(el))!.textContent).to.contain('no-such-control');
      expect(el.getBoundingClientRect().width).to.be.greaterThan(100);
      await expect(el).to.be.accessible();
    });

    it('follows a change of control, to an unknown id and back', async () => {
      const { src } = await publish(network);
      const el = await fixture<ControlStatusElement>(html`<control-status src=${src} control="sso"></control-status>`);
      await settled(el);
      const failed = oneEvent(el, 'trust-error');
      el.control = 'gone';
      expect((await failed).detail.code).to.equal('unknown-control');
      expect(el.state).to.equal('error');
      const loaded = oneEvent(el, 'trust-load');
      el.control = 'mfa';
      await loaded;
      expect(el.state).to.equal('verified');
      expect(text(el)).to.contain('Multi-factor authentication');
      expect(network.requests.filter((u) => u === src)).to.have.length(1);
    });

    it('layout="block" keeps one size in every state', async () => {
      let release!: () => void;
      const slow = await publish(network, {}, { delay: new Promise<void>((r) => (release = r)) });
      const good = await publish(network);
      const old = await publish(network, expiredDates());
      const bad = await publish(network, {}, { text: tamper });
      const wrapper = await fixture<HTMLElement>(html`<div>
        <control-status src=${slow.src} control="mfa" layout="block"></control-status>
        <control-status src=${good.src} control="mfa" layout="block"></control-status>
        <control-status src=${good.src} control="sso" layout="block"></control-status>
        <control-status src=${old.src} control="mfa" layout="block"></control-status>
        <control-status src=${old.src} control="mfa" expired="hide" layout="block"></control-status>
        <control-status src=${bad.src} control="mfa" layout="block"></control-status>
        <control-status src="https://nowhere.example/posture.json" control="mfa" layout="block"></control-status>
        <control-status src=${good.src} control="nope" layout="block"></control-status>
      </div>`);
      const all = Array.from(wrapper.querySelectorAll('control-status'));
      const [loading, ...rest] = all;
      for (const el of rest) await settled(el);
      expect(rest.map((el) => el.state)).to.deep.equal(['verified', 'verified', 'expired', 'expired', 'unverified', 'error', 'error']);
      expect(loading!.state).to.equal('loading');
      const size = (el: Element) => {
        const r = el.getBoundingClientRect();
        return [r.width, r.height];
      };
      const before = size(loading!);
      expect(before[0]).to.be.greaterThan(100);
      for (const el of rest) expect(size(el), el.state).to.deep.equal(before);
      // Nor does the visible badge inside outgrow the host.
      for (const el of all) expect(size(badgeOf(el))).to.deep.equal(before);
      release();
      await settled(loading!);
      expect(size(loading!)).to.deep.equal(before);
    });
  });

  describe('theming', () => {
    it('the host page restyles it through --trust-* custom properties, ::part() and theme', async () => {
      const { src } = await publish(network);
      const wrapper = await fixture<HTMLElement>(html`<div>
        <style>
          .themed { --trust-control-width: 300px; --trust-control-height: 40px; --trust-color-planned: rgb(1, 2, 3); }
          .themed::part(label) { text-transform: uppercase; }
        </style>
        <control-status class="themed" src=${src} control="sso" layout="block"></control-status>
        <control-status theme="dark" src=${src} control="sso"></control-status>
        <control-status theme="light" src=${src} control="sso"></control-status>
      </div>`);
      const [themed, dark, light] = Array.from(wrapper.querySelectorAll('control-status'));
      for (const el of [themed!, dark!, light!]) await settled(el);
      const r = themed!.getBoundingClientRect();
      expect([r.width, r.height]).to.deep.equal([300, 40]);
      const part = (el: Element, name: string) => getComputedStyle(shadow(el).querySelector(`[part="${name}"]`)!);
      expect(part(themed!, 'status').color).to.equal('rgb(1, 2, 3)');
      expect(part(themed!, 'label').textTransform).to.equal('uppercase');
      expect(part(dark!, 'badge').backgroundColor).to.not.equal(part(light!, 'badge').backgroundColor);
      await expect(dark!).to.be.accessible();
    });
  });

  describe('the tooltip', () => {
    it('shows on keyboard focus, hides on Escape and on leaving, and comes back', async () => {
      const { src } = await publish(network);
      const wrapper = await fixture<HTMLElement>(html`<div>
        <button>before</button> Multi-factor: <control-status src=${src} control="mfa"></control-status> <button>after</button>
      </div>`);
      const el = wrapper.querySelector('control-status')!;
      await settled(el);
      const badge = badgeOf(el);
      const tip = tipOf(badge)!;
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement === badge, 'the badge has focus').to.be.true;
      await until(() => isShown(tip), 'the tooltip to show');
      expect(tip.textContent).to.contain('Required for every employee.');
      const b = badge.getBoundingClientRect();
      const t = tip.getBoundingClientRect();
      expect(t.top).to.be.at.least(b.bottom - 1); // below the badge
      expect(t.left).to.be.at.least(0);
      expect(t.right).to.be.at.most(document.documentElement.clientWidth);
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await until(() => !isShown(tip), 'Escape to hide the tooltip');
      expect(shadow(el).activeElement === badge, 'the badge keeps focus').to.be.true; // focus stays

      await sendKeys({ press: 'Tab' });
      await until(() => !isShown(tip), 'the tooltip to stay hidden');
      expect(document.activeElement === wrapper.querySelectorAll('button')[1], 'focus moved on to the button after').to.be.true;
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      await until(() => isShown(tip), 'the tooltip to come back');
      badge.blur();
      await until(() => !isShown(tip), 'blur to hide the tooltip');
    });

    it('still shows on focus and hover after the element is removed and put back (its listeners come back with it)', async () => {
      const { src } = await publish(network);
      const wrapper = await fixture<HTMLElement>(
        html`<div style="padding: 2rem"><button>before</button> <control-status src=${src} control="mfa"></control-status></div>`,
      );
      const el = wrapper.querySelector('control-status')!;
      await settled(el);
      el.remove();
      await wait(0); // past the microtask in which a move would have reconnected it
      wrapper.append(el);
      await el.updateComplete; // back to loading: the document is loaded again
      await settled(el);
      const badge = badgeOf(el);
      const tip = tipOf(badge)!;
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      await until(() => isShown(tip), 'focus to show the tooltip');
      await sendKeys({ press: 'Escape' });
      await until(() => !isShown(tip), 'Escape to hide it');
      badge.blur();
      await sendMouse({ type: 'move', position: centre(badge.getBoundingClientRect()) });
      await until(() => isShown(tip), 'hover to show it');
    });

    it('shows on hover, stays while the pointer crosses onto it, hides when it leaves, and Escape hides it', async () => {
      const { src } = await publish(network);
      const wrapper = await fixture<HTMLElement>(html`<div style="padding: 2rem">
        <control-status src=${src} control="mfa"></control-status>
      </div>`);
      const el = wrapper.querySelector('control-status')!;
      await settled(el);
      const badge = badgeOf(el);
      const tip = tipOf(badge)!;
      await sendMouse({ type: 'move', position: centre(badge.getBoundingClientRect()) });
      await until(() => isShown(tip), 'hover to show the tooltip');
      // Onto the tooltip itself (WCAG 1.4.13: hoverable): it stays.
      await sendMouse({ type: 'move', position: centre(tip.getBoundingClientRect()) });
      await wait(300);
      expect(isShown(tip)).to.equal(true);
      await sendMouse({ type: 'move', position: [1, 1] });
      await until(() => !isShown(tip), 'the tooltip to hide after the pointer left');

      await sendMouse({ type: 'move', position: centre(badge.getBoundingClientRect()) });
      await until(() => isShown(tip), 'hover to show it again');
      expect(document.activeElement === el, 'the element took focus').to.be.false; // hover only, no focus
      await sendKeys({ press: 'Escape' });
      await until(() => !isShown(tip), 'Escape to dismiss a hovered tooltip');
    });

    it('is not cut off by an ancestor that clips its overflow', async () => {
      const { src } = await publish(network);
      const wrapper = await fixture<HTMLElement>(html`<div style="overflow: hidden; height: 3rem; padding: 0.25rem">
        <control-status src=${src} control="mfa"></control-status>
      </div>`);
      const el = wrapper.querySelector('control-status')!;
      await settled(el);
      const badge = badgeOf(el);
      const tip = tipOf(badge)!;
      badge.focus();
      await until(() => isShown(tip), 'the tooltip to show');
      await nextFrame();
      const t = tip.getBoundingClientRect();
      expect(t.bottom).to.be.greaterThan(wrapper.getBoundingClientRect().bottom); // reaches out of the clipping box
      const [x, y] = centre(t);
      const hit = shadow(el).elementFromPoint(x, t.bottom - 4);
      expect(hit && tip.contains(hit), 'the tooltip is what is painted there').to.equal(true);
      expect(shadow(el).elementFromPoint(x, y) && tip.contains(shadow(el).elementFromPoint(x, y)!)).to.equal(true);
      badge.blur();
    });

    it('stays inside the viewport near its right edge', async () => {
      const { src } = await publish(network);
      const wrapper = await fixture<HTMLElement>(html`<div style="text-align: right">
        <control-status src=${src} control="mfa"></control-status>
      </div>`);
      const el = wrapper.querySelector('control-status')!;
      await settled(el);
      const badge = badgeOf(el);
      const tip = tipOf(badge)!;
      badge.focus();
      await until(() => isShown(tip), 'the tooltip to show');
      expect(tip.getBoundingClientRect().right).to.be.at.most(document.documentElement.clientWidth);
      badge.blur();
    });
  });

  describe('a category', () => {
    it("lists the category's controls as badges under its title, with the seal", async () => {
      const { src, origin } = await publish(network);
      const el = await fixture<ControlStatusElement>(html`<control-status src=${src} category="identity"></control-status>`);
      await settled(el);
      expect(el.state).to.equal('verified');
      expect(getComputedStyle(el).display).to.equal('block');
      const heading = shadow(el).querySelector('[part="heading"]')!;
      expect(heading.textContent).to.equal('Identity & access');
      const list = shadow(el).querySelector('ul[part="list"]')!;
      expect(list.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect(list.querySelectorAll(':scope > li').length, 'list items').to.equal(2);
      expect(badgesOf(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        'Enterprise SSO: Roadmap',
        'Multi-factor authentication: Shipped',
      ]);
      expect(new Set(badgesOf(el).map((b) => b.getAttribute('aria-describedby'))).size).to.equal(2);
      expect(shadow(el).querySelector('[part="seal"]')!.textContent).to.contain(`signed by ${new URL(origin).host}`);
      await expect(el).to.be.accessible();
      // A control without a description: its tooltip still has something to say.
      const first = badgesOf(el)[0]!;
      first.focus();
      await until(() => isShown(tipOf(first)), 'the tooltip to show');
      expect(tipOf(first)!.textContent).to.contain('Enterprise SSO').and.contain('Roadmap');
      await expect(el).to.be.accessible();
      first.blur();
    });

    it('an expired category is shown under the warning', async () => {
      const { src } = await publish(network, expiredDates());
      const el = await fixture<ControlStatusElement>(html`<control-status src=${src} category="identity"></control-status>`);
      await settled(el);
      expect(el.state).to.equal('expired');
      expect(shadow(el).querySelector('[part="expired-warning"]')!.textContent).to.contain('expired on');
      expect(badgesOf(el).length, 'badges').to.equal(2);
    });

    it('an unknown category id is an error that names it', async () => {
      const { src } = await publish(network);
      const el = document.createElement('control-status');
      el.src = src;
      el.category = 'privacy';
      const failed = oneEvent(el, 'trust-error');
      await fixture(el);
      await settled(el);
      expect(el.state).to.equal('error');
      const { detail } = await failed;
      expect(detail.code).to.equal('unknown-category');
      expect(detail.message).to.contain('"privacy"').and.contain('identity');
      expect(text(el)).to.contain('not part of this document').and.not.contain('Identity & access');
      await expect(el).to.be.accessible();
    });

    it('without control or category: a summary of every control by status', async () => {
      const { src } = await publish(network);
      const el = await fixture<ControlStatusElement>(html`<control-status src=${src}></control-status>`);
      await settled(el);
      expect(el.state).to.equal('verified');
      expect(shadow(el).querySelector('[part="heading"]')!.textContent).to.equal('Security controls');
      expect(badgesOf(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Shipped: 1 control', 'Roadmap: 1 control']);
      expect(tipOf(badgesOf(el)[0]!)!.textContent).to.contain('Multi-factor authentication');
      await expect(el).to.be.accessible();
    });
  });

  describe('context and language', () => {
    it("without src it shows the nearest posture ancestor's document, without another request", async () => {
      const { src } = await publish(network);
      const host = await fixture<SlotHostElement>(html`<test-control-host src=${src}>
        <p>SSO: <control-status control="sso"></control-status></p>
        <control-status category="identity"></control-status>
        <control-status control="nope"></control-status>
      </test-control-host>`);
      const [one, list, unknown] = Array.from(host.querySelectorAll('control-status'));
      await settled(host);
      for (const el of [one!, list!, unknown!]) await settled(el);
      expect(one!.state).to.equal('verified');
      expect(badgeOf(one!).getAttribute('aria-label')).to.equal('Enterprise SSO: Roadmap');
      expect(badgesOf(list!).length, 'badges').to.equal(2);
      expect(unknown!.state).to.equal('error');
      expect(network.requests.filter((u) => u === src)).to.have.length(1);
    });

    it('without src or an ancestor it says there is no document', async () => {
      const el = await fixture<ControlStatusElement>(html`<control-status control="sso"></control-status>`);
      expect(el.state).to.equal('error');
      expect(text(el)).to.contain('Unavailable');
    });

    it('speaks German and French, from the nearest lang', async () => {
      const { src } = await publish(network);
      const wrapper = await fixture<HTMLElement>(html`<div>
        <p lang="de"><control-status src=${src} control="sso"></control-status><control-status src=${src} control="nope"></control-status></p>
        <p lang="fr-CH"><control-status src=${src} control="mfa"></control-status><control-status src=${src} category="identity"></control-status></p>
      </div>`);
      const [de, deMissing, fr, frList] = Array.from(wrapper.querySelectorAll('control-status'));
      for (const el of [de!, deMissing!, fr!, frList!]) await settled(el);
      expect(shadow(de!).querySelector('[part="label"]')!.textContent).to.equal('Geplant');
      expect(badgeOf(de!).getAttribute('aria-label')).to.equal('Enterprise SSO: Geplant');
      expect(tipOf(badgeOf(de!))!.textContent)
        .to.contain('Verifiziert')
        .and.contain('signiert mit dem veröffentlichten Schlüssel von')
        .and.contain('gültig bis');
      expect(text(deMissing!)).to.contain('Nicht gefunden');
      expect(shadow(fr!).querySelector('[part="label"]')!.textContent).to.equal('En place');
      expect(badgeOf(fr!).getAttribute('aria-label')).to.equal('Multi-factor authentication\u00a0: En place');
      expect(tipOf(badgeOf(fr!))!.textContent)
        .to.contain('Vérifié')
        .and.contain('signé avec la clé publiée par');
      expect(badgesOf(frList!).map((b) => shadow(frList!).contains(b) && b.querySelector('[part="label"]')!.textContent)).to.deep.equal([
        'Prévu',
        'En place',
      ]);
      expect(shadow(frList!).querySelector('[part="seal"]')!.textContent).to.contain('Vérifié');
    });
  });
});
