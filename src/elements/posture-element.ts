/**
 * The behaviour every trust element shares: load and verify the document named by `src` (or take
 * the nearest ancestor's through context), keep a reflected `state`, dispatch `trust-load` /
 * `trust-error`, and render fail-closed: content only when verified (or expired, marked).
 */
import { ContextConsumer, ContextProvider, ContextRoot } from '@lit/context';
import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isPostureError, type VerifiedPosture } from '../core/index.js';
import { postureContext, type PostureProblem, type PostureSnapshot, type PostureState } from './context.js';
import type { TrustErrorDetail, TrustLoadDetail } from './events.js';
import { loadShared } from './loader.js';
import { NO_SOURCE, problemState, renderFailed, TRUST_WITHOUT_SRC } from './problems.js';
import { COMMON_STRINGS, formatDate, nearestLang, wordsFor, type CommonStrings } from './strings.js';
import { expiredWarning, loadingMessage, problemBox, seal } from './templates.js';

let contextRoot: ContextRoot | undefined;
/** Lets providers defined after their consumers still reach them. */
function attachContextRoot() {
  if (!contextRoot && typeof document !== 'undefined') {
    contextRoot = new ContextRoot();
    contextRoot.attach(document.documentElement);
  }
}

/** setTimeout's longest delay; an expiry further away is not scheduled. */
const MAX_TIMER = 2_147_483_647;

export abstract class PostureElement extends LitElement {
  /** URL of the signed posture document. Without it, the element shows its nearest ancestor's document. */
  @property({ reflect: true }) src?: string;

  /**
   * Space-separated key thumbprints: when present, only these keys are trusted. Present but empty
   * or malformed, it trusts nothing (`unverified`, code `pin-invalid`). Only with `src`: on an
   * element that shows its ancestor's document it is refused (code `trust-without-src`).
   */
  @property() pin?: string;

  /** URL of a JWKS to trust instead of discovering the keys at the document's origin. Only with `src`, like `pin`. */
  @property() keys?: string;

  /** `lazy` waits until the element nears the viewport before loading, like `<img loading="lazy">`. */
  @property() loading: 'eager' | 'lazy' = 'eager';

  /** What to do with an expired document: `show` it under a warning (default), or `hide` it. */
  @property() expired: 'show' | 'hide' = 'show';

  /** `light`, `dark`, or follow the visitor's preference (default). */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Milliseconds to wait for the document and its keys before giving up. */
  @property({ type: Number }) timeout = 10_000;

  /** `loading`, `verified`, `expired`, `unverified` or `error`; reflected for host CSS. Read-only. */
  @property({ reflect: true }) state: PostureState = 'loading';

  @state() protected snapshot: PostureSnapshot = { state: 'loading' };

  private readonly provider = new ContextProvider(this, { context: postureContext, initialValue: { state: 'loading' } });
  private inherited?: PostureSnapshot;
  private controller?: AbortController;
  private observer?: IntersectionObserver;
  private expiryTimer?: ReturnType<typeof setTimeout>;
  private announced?: PostureSnapshot;
  /** What the current update threw while rendering; shown in place of the document. */
  private renderFailure?: PostureProblem;
  /** What was last loaded (`src pin keys timeout`); `null` before the first load and after removal. */
  private loadedKey?: string | null = null;

  constructor() {
    super();
    attachContextRoot();
    new ContextConsumer(this, {
      context: postureContext,
      subscribe: true,
      callback: (value) => {
        this.inherited = value;
        if (!this.src) this.snapshot = this.inheritedSnapshot();
      },
    });
  }

  /** The visitor's words every element shares, for the nearest `lang` (each element adds its own). */
  protected get strings(): CommonStrings {
    return wordsFor(COMMON_STRINGS, this.locale);
  }

  /** The nearest `lang` (this element's own first), as a tag Intl accepts; English otherwise. */
  protected get locale(): string {
    return this.renderLocale ?? nearestLang(this);
  }

  /** `locale`, found once per render: rows ask for it many times, and finding it walks up the tree. */
  private renderLocale?: string;

  protected formatDate(date: Date | string): string {
    return formatDate(date, this.locale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move to another parent disconnects and reconnects in one task: only a removal that lasts
    // past it cancels the load.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.cancel();
      this.loadedKey = null;
      clearTimeout(this.expiryTimer);
    });
  }

  private cancel() {
    this.controller?.abort();
    this.controller = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // An absent pin and an empty one differ (the empty one trusts nothing), so the key tells them apart.
    const key = this.src ? JSON.stringify([this.src, this.pin ?? null, this.keys ?? null, this.timeout]) : this.hasOwnTrust ? 'own trust without src' : undefined;
    if (this.isConnected && key !== this.loadedKey) {
      this.loadedKey = key;
      this.cancel();
      if (this.src) {
        this.snapshot = { state: 'loading' };
        if (this.loading === 'lazy' && 'IntersectionObserver' in globalThis) {
          this.observer = new IntersectionObserver((entries) => {
            if (entries.some((e) => e.isIntersecting)) {
              this.observer?.disconnect();
              this.observer = undefined;
              this.load();
            }
          }, { rootMargin: '200px' });
          this.observer.observe(this);
        } else {
          this.load();
        }
      } else {
        this.snapshot = this.inheritedSnapshot();
      }
    }
    if (changed.has('snapshot') || changed.has('src')) {
      if (this.src) this.provider.setValue(this.snapshot);
      this.scheduleExpiry();
    }
    const problem = this.checkedOwnProblem();
    this.state = problem && (this.snapshot.state === 'verified' || this.snapshot.state === 'expired') ? 'error' : this.effectiveState();
  }

  private get hasOwnTrust(): boolean {
    return this.pin != null || !!this.keys;
  }

  /** What an element without `src` shows: its ancestor's document, unless it sets trust of its own. */
  private inheritedSnapshot(): PostureSnapshot {
    if (this.hasOwnTrust) return { state: 'unverified', problem: TRUST_WITHOUT_SRC };
    return this.inherited ?? { state: 'error', problem: NO_SOURCE };
  }

  private effectiveState(): PostureState {
    const { state, posture } = this.snapshot;
    if (state === 'verified' && posture && posture.expires.getTime() <= Date.now()) return 'expired';
    return state;
  }

  private scheduleExpiry() {
    clearTimeout(this.expiryTimer);
    const expires = this.snapshot.posture?.expires.getTime();
    if (this.snapshot.state !== 'verified' || expires === undefined) return;
    const delay = expires - Date.now();
    if (delay > 0 && delay < MAX_TIMER) this.expiryTimer = setTimeout(() => this.requestUpdate(), delay + 10);
  }

  private async load() {
    const controller = new AbortController();
    this.controller = controller;
    const src = this.src!;
    try {
      const posture = await loadShared(src, {
        pin: this.pin ?? undefined,
        keys: this.keys || undefined,
        timeoutMs: this.timeout,
        signal: controller.signal,
      });
      if (this.controller === controller) this.snapshot = { state: 'verified', posture, url: posture.url };
    } catch (error) {
      if (this.controller !== controller) return; // re-pointed or removed: an old answer never lands
      if (isPostureError(error) && error.code === 'aborted') return;
      if (isPostureError(error) && error.code === 'expired' && error.verified) {
        this.snapshot = { state: 'expired', posture: error.verified, url: src, problem: { code: 'expired', message: error.message } };
        return;
      }
      const problem = isPostureError(error)
        ? { code: error.code, message: error.message }
        : { code: 'fetch-failed', message: (error as Error)?.message ?? String(error) };
      this.snapshot = { state: problemState(problem.code), problem, url: src };
    }
  }

  /** An element's own reason not to show a verified document (an unknown control id …). */
  protected ownProblem(): PostureProblem | undefined {
    return undefined;
  }

  /** `ownProblem()`, with an exception while deriving it as a problem of its own. */
  private checkedOwnProblem(): PostureProblem | undefined {
    try {
      return this.ownProblem();
    } catch (error) {
      return renderFailed(error);
    }
  }

  /** The problem behind the current state, if any. */
  protected get problem(): PostureProblem | undefined {
    if (this.state === 'expired' && this.expired === 'hide') return { code: 'expired', message: `The document expired on ${this.snapshot.posture?.expires.toISOString()}.` };
    if (this.state === 'error' || this.state === 'unverified') {
      return this.renderFailure ?? this.checkedOwnProblem() ?? this.snapshot.problem ?? NO_SOURCE;
    }
    return undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const current = this.snapshot;
    // A state that left and came back within one update (a render that failed again) is no change.
    const stateChanged = changed.has('state') && changed.get('state') !== this.state;
    if (this.state === 'loading' || (this.announced === current && !stateChanged)) return;
    this.announced = current;
    const problem = this.problem;
    if ((this.state === 'verified' || this.state === 'expired') && !problem && current.posture) {
      const detail: TrustLoadDetail = { posture: current.posture, signer: current.posture.signers[0]!.thumbprint, expired: this.state === 'expired' };
      this.dispatchEvent(new CustomEvent('trust-load', { detail, bubbles: true, composed: true }));
    } else if (problem) {
      this.dispatchEvent(new CustomEvent<TrustErrorDetail>('trust-error', { detail: problem, bubbles: true, composed: true }));
    }
  }

  /** The verified posture, when the element may show it. */
  protected get posture(): VerifiedPosture | undefined {
    return this.problem ? undefined : this.snapshot.posture;
  }

  /**
   * Lit's update, where an exception while rendering or committing the DOM would leave the element
   * at `loading` with no event: it becomes `state="error"`, a `render-failed` problem shown in
   * place of the document and a `trust-error`. Each update tries the document again.
   */
  protected override update(changed: PropertyValues): void {
    this.renderFailure = undefined;
    try {
      super.update(changed);
    } catch (error) {
      this.renderFailure = renderFailed(error);
      this.state = 'error';
      super.update(changed);
    }
  }

  override render(): unknown {
    this.renderLocale = nearestLang(this);
    try {
      const posture = this.posture;
      if (this.state === 'loading') return this.renderLoading();
      if (!posture) return this.renderProblem(this.problem!);
      return this.renderPosture(posture, this.state === 'expired');
    } finally {
      this.renderLocale = undefined;
    }
  }

  /** What the element shows for a verified (or expired, `expired` true) document. */
  protected abstract renderPosture(posture: VerifiedPosture, expired: boolean): unknown;

  protected renderLoading(): unknown {
    return loadingMessage(this.strings);
  }

  protected renderProblem(problem: PostureProblem): unknown {
    return problemBox(this.strings, problem, this.snapshot.url ?? this.src);
  }

  /** The seal: verified mark, signer's domain, updated and expiry dates, key id on demand. */
  protected renderSeal(posture: VerifiedPosture, expired: boolean): TemplateResult {
    return seal(this.strings, this.locale, posture, expired);
  }

  /** The warning above expired content. */
  protected renderExpiredWarning(posture: VerifiedPosture): TemplateResult {
    return expiredWarning(this.strings, this.locale, posture);
  }
}
