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

export class TooltipController implements ReactiveController {
  private root?: HTMLElement | DocumentFragment;
  private openAnchor?: HTMLElement;
  private hovered?: HTMLElement;
  private focused?: HTMLElement;
  private closeTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = (this.root = this.host.renderRoot);
    // pointerover / pointerout crossing an anchor's edge, since browsers need not send pointerenter /
    // pointerleave to a listener on a shadow root (Chromium sends them only when some ancestor listens).
    root.addEventListener('pointerover', this.onPointerOver);
    root.addEventListener('pointerout', this.onPointerOut);
    root.addEventListener('focusin', this.onFocusIn);
    root.addEventListener('focusout', this.onFocusOut);
    root.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    const root = this.root;
    root?.removeEventListener('pointerover', this.onPointerOver);
    root?.removeEventListener('pointerout', this.onPointerOut);
    root?.removeEventListener('focusin', this.onFocusIn);
    root?.removeEventListener('focusout', this.onFocusOut);
    root?.removeEventListener('keydown', this.onKeyDown);
    this.close();
  }

  private readonly onPointerOver = (event: Event) => {
    const anchor = crossed(event);
    if (!anchor) return;
    this.hovered = anchor;
    this.open(anchor);
  };

  private readonly onPointerOut = (event: Event) => {
    const anchor = crossed(event);
    if (!anchor) return;
    if (this.hovered === anchor) this.hovered = undefined;
    this.closeSoon(anchor);
  };

  private readonly onFocusIn = (event: Event) => {
    const anchor = anchorOf(event.target);
    if (!anchor) return;
    this.focused = anchor;
    this.open(anchor);
  };

  private readonly onFocusOut = (event: Event) => {
    const anchor = crossed(event);
    if (!anchor) return;
    if (this.focused === anchor) this.focused = undefined;
    this.closeSoon(anchor);
  };

  private readonly onKeyDown = (event: Event) => {
    if ((event as KeyboardEvent).key !== 'Escape' || !this.openAnchor || !anchorOf(event.target)) return;
    this.close();
    // The tooltip took this Escape: an enclosing dialog stays open.
    event.stopPropagation();
  };

  /** Escape hides a tooltip opened by hovering, wherever the focus is. */
  private readonly onDocumentKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.close();
  };

  private readonly onViewportChange = () => {
    if (this.openAnchor) this.place(this.openAnchor);
  };

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
    this.place(anchor);
    document.addEventListener('keydown', this.onDocumentKeyDown);
    window.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
    window.addEventListener('resize', this.onViewportChange, { passive: true });
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
    document.removeEventListener('keydown', this.onDocumentKeyDown);
    window.removeEventListener('scroll', this.onViewportChange, { capture: true });
    window.removeEventListener('resize', this.onViewportChange);
    const tip = tipOf(anchor);
    if (!tip) return;
    tip.classList.remove('open');
    if (tip.popover && tip.matches(':popover-open')) tip.hidePopover();
  }

  /** In the top layer the tooltip is placed by hand: below the badge, or above when there is no room; always inside the viewport. */
  private place(anchor: HTMLElement) {
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
