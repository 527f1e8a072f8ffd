/**
 * The tooltips of `<control-status>`: one open at a time, shown while its badge (or the tooltip
 * itself) is hovered or focused, hidden by Escape until the pointer or focus comes back (WCAG
 * 1.4.13), and in the top layer where the browser has popovers, so no ancestor's `overflow` clips
 * it. The controller owns its listeners: on the host's shadow root from `hostConnected` to
 * `hostDisconnected` (and on the document and window while a tooltip is open), so the badges'
 * templates bind none. A badge with a tooltip is an `.anchor` holding a `[part="badge"]` and a
 * `[role="tooltip"]`.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

/** Whether tooltips can go to the top layer, where no ancestor's `overflow` clips them. */
export const POPOVER = typeof HTMLElement !== 'undefined' && 'popover' in HTMLElement.prototype;

/** How long a tooltip stays after the pointer leaves, so the pointer can cross onto it. */
const CLOSE_DELAY_MS = 150;

const tipOf = (anchor: Element) => anchor.querySelector<HTMLElement>(':scope > [role="tooltip"]');

/** The anchor of the badge with a tooltip that `target` is in. */
function anchorOf(target: EventTarget | null): HTMLElement | undefined {
  const anchor = target instanceof Element ? target.closest<HTMLElement>('.anchor') : null;
  return anchor && tipOf(anchor) ? anchor : undefined;
}

/** The anchor an event's `relatedTarget` is outside of: the one a pointer came into (over) or left (out), or focus left. */
function crossed(event: Event): HTMLElement | undefined {
  const anchor = anchorOf(event.target);
  const other = (event as PointerEvent | FocusEvent).relatedTarget;
  return anchor && !(other instanceof Node && anchor.contains(other)) ? anchor : undefined;
}

/** What the controller listens to on the shadow root while the host is connected. */
const ROOT_EVENTS = ['pointerover', 'pointerout', 'focusin', 'focusout', 'keydown'];

export class TooltipController implements ReactiveController {
  private root?: HTMLElement | DocumentFragment;
  private openAnchor?: HTMLElement;
  private hovered?: HTMLElement;
  private focused?: HTMLElement;
  private closeTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  // pointerover / pointerout that cross an anchor's edge stand for pointerenter / pointerleave,
  // which browsers need not send to a listener on a shadow root (Chromium sends them only when
  // some ancestor in the flat tree listens).
  hostConnected(): void {
    this.root = this.host.renderRoot;
    for (const type of ROOT_EVENTS) this.root.addEventListener(type, this);
  }

  hostDisconnected(): void {
    for (const type of ROOT_EVENTS) this.root?.removeEventListener(type, this);
    this.close();
  }

  /** Every listener of the controller, on the shadow root, and on the document and window while a tooltip is open. */
  handleEvent(event: Event): void {
    const type = event.type;
    if (event.currentTarget !== this.root) {
      // The window scrolled or resized: the open tooltip follows its badge. Escape anywhere hides a hovered one.
      if (type !== 'keydown') this.place();
      else if ((event as KeyboardEvent).key === 'Escape') this.close();
    } else if (type === 'keydown') {
      if ((event as KeyboardEvent).key !== 'Escape' || !this.openAnchor || !anchorOf(event.target)) return;
      this.close();
      // The tooltip took this Escape: an enclosing dialog stays open.
      event.stopPropagation();
    } else {
      const anchor = type === 'focusin' ? anchorOf(event.target) : crossed(event);
      if (!anchor) return;
      const by = type.startsWith('pointer') ? 'hovered' : 'focused';
      if (type === 'pointerover' || type === 'focusin') {
        this[by] = anchor;
        this.open(anchor);
      } else {
        if (this[by] === anchor) this[by] = undefined;
        this.closeSoon(anchor);
      }
    }
  }

  private open(anchor: HTMLElement) {
    clearTimeout(this.closeTimer);
    if (this.openAnchor === anchor) return;
    this.close();
    const tip = tipOf(anchor)!;
    this.openAnchor = anchor;
    tip.classList.add('open');
    if (tip.popover) {
      try {
        tip.showPopover();
      } catch {
        // Not connected, or already shown: the class alone keeps it visible in place.
      }
    }
    this.place();
    document.addEventListener('keydown', this);
    window.addEventListener('scroll', this, { capture: true, passive: true });
    window.addEventListener('resize', this, { passive: true });
  }

  private closeSoon(anchor: HTMLElement) {
    if (this.openAnchor !== anchor) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      if (this.openAnchor === anchor && this.hovered !== anchor && this.focused !== anchor) this.close();
    }, CLOSE_DELAY_MS);
  }

  private close() {
    clearTimeout(this.closeTimer);
    const anchor = this.openAnchor;
    if (!anchor) return;
    this.openAnchor = undefined;
    document.removeEventListener('keydown', this);
    window.removeEventListener('scroll', this, { capture: true });
    window.removeEventListener('resize', this);
    const tip = tipOf(anchor);
    if (!tip) return;
    tip.classList.remove('open');
    if (tip.popover && tip.matches(':popover-open')) tip.hidePopover();
  }

  /** In the top layer the tooltip is placed by hand: below the badge, or above when there is no room; always inside the viewport. */
  private place() {
    const anchor = this.openAnchor;
    if (!anchor) return;
    const tip = tipOf(anchor);
    const badge = anchor.querySelector<HTMLElement>('[part="badge"]');
    if (!tip?.popover || !badge) return;
    const gap = 6;
    const edge = 8;
    const b = badge.getBoundingClientRect();
    const t = tip.getBoundingClientRect();
    const width = document.documentElement.clientWidth || window.innerWidth;
    const height = document.documentElement.clientHeight || window.innerHeight;
    const rtl = getComputedStyle(anchor).direction === 'rtl';
    const left = Math.max(edge, Math.min(rtl ? b.right - t.width : b.left, width - edge - t.width));
    let top = b.bottom + gap;
    if (top + t.height > height - edge && b.top - gap - t.height >= edge) top = b.top - gap - t.height;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }
}
