/**
 * The behaviour every trust element shares: load and verify the document named by `src` (or take
 * the nearest ancestor's through context), keep a reflected `state`, dispatch `trust-load` /
 * `trust-error`, and render fail-closed: content only when verified (or expired, marked).
 */
import { ContextConsumer, ContextProvider, ContextRoot } from '@lit/context';
import { html, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { VerifiedPosture } from '../core/read.js';
import { postureContext, type PostureProblem, type PostureSnapshot, type PostureState } from './context.js';
import type { TrustErrorDetail, TrustLoadDetail } from './events.js';
import { Explanation, type ExplanationInput } from './explanation.js';
import { PostureLoadController } from './posture-controller.js';
import { NO_SOURCE, problemKind, problemState, renderFailed, TRUST_WITHOUT_SRC } from './problems.js';
import {
  formatDate,
  LanguageController,
  languageOf,
  languageWords,
  nearestLang,
  say,
  spokenLocale,
  wordsIn,
  type Template,
} from './i18n.js';
import { COMMON_WORDS, type CommonWords } from './words.js';

let contextRoot: ContextRoot | undefined;
/** Lets providers defined after their consumers still reach them. */
function attachContextRoot() {
  if (!contextRoot && typeof document !== 'undefined') {
    contextRoot = new ContextRoot();
    contextRoot.attach(document.documentElement);
  }
}

/** What an element without `src` shows with no ancestor to take a document from, or with trust settings of its own. */
const NOTHING: PostureSnapshot = { state: problemState(NO_SOURCE.code), problem: NO_SOURCE };
const WITHOUT_SRC: PostureSnapshot = { state: problemState(TRUST_WITHOUT_SRC.code), problem: TRUST_WITHOUT_SRC };

/**
 * The base of every trust element. Its attributes, properties and events are documented here once
 * and listed as inherited on each element in custom-elements.json.
 *
 * @slot fallback - The page's own content, shown instead of the element's problem display when it cannot show the document (`trust-error` still fires).
 *
 * @event trust-load - The document verified (or verified but expired). `detail: { posture, signer, expired }`. Dispatched after `state` is set.
 * @event trust-error - It could not be shown. `detail: { code, message }`, the code one of the core's error codes or an element's own (`no-source`, `trust-without-src`, `unknown-control`, `unknown-category`, `render-failed`). Dispatched after `state` is set.
 */
export abstract class PostureElement extends LitElement {
  /** Lit's reactive properties (declared here, not by decorators, whose helpers would cost every CDN file bytes). */
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    pin: {},
    keys: {},
    loading: {},
    expired: {},
    theme: { reflect: true },
    onError: { attribute: 'on-error', reflect: true },
    timeout: { type: Number },
    state: { reflect: true },
  };

  /** URL of the signed posture document. Without it, the element shows its nearest ancestor's document. */
  src?: string;

  /**
   * Space-separated key thumbprints: when present, only these keys are trusted. Present but empty
   * or malformed, it trusts nothing (`unverified`, code `pin-invalid`). Only with `src`: on an
   * element that shows its ancestor's document it is refused (code `trust-without-src`).
   */
  pin?: string;

  /** URL of a JWKS to trust instead of discovering the keys at the document's origin. Only with `src`, like `pin`. */
  keys?: string;

  /** `lazy` waits until the element nears the viewport before loading, like `<img loading="lazy">`. */
  loading: 'eager' | 'lazy' = 'eager';

  /** What to do with an expired document: `show` it under a warning (default), or `hide` it. */
  expired: 'show' | 'hide' = 'show';

  /** `light` or `dark`, overriding the page's colour scheme (the element paints its own surface); by default it follows the page's inherited `color-scheme`. */
  theme?: 'light' | 'dark';

  /**
   * `hide`: when the element cannot show its document (state `error` or `unverified`, or an expired
   * document with `expired="hide"`), it takes no room at all; `trust-error` still fires. Otherwise it
   * shows its problem display, or the page's own `slot="fallback"` content in its place.
   */
  onError?: 'hide';

  /** Milliseconds to wait for the document and its keys before giving up. */
  timeout = 10_000;

  /** `loading`, `verified`, `expired`, `unverified` or `error`; reflected for host CSS. Read-only. */
  state: PostureState = 'loading';

  private readonly provider = new ContextProvider(this, { context: postureContext, initialValue: { state: 'loading' } });
  private readonly loader = new PostureLoadController(this, {
    args: () => (this.src ? { src: this.src, pin: this.pin ?? undefined, keys: this.keys ?? undefined, timeout: this.timeout } : undefined),
    lazy: () => this.loading === 'lazy',
    fetch: (input, init) => this.fetch(input, init),
    shown: () => this.snapshot,
  });
  /** The nearest ancestor's document, through context. */
  private inherited?: PostureSnapshot;
  private announced?: PostureSnapshot;
  /** What the current update threw while rendering; shown in place of the document. */
  private renderFailure?: PostureProblem;

  constructor() {
    super();
    attachContextRoot();
    new LanguageController(this);
    new ContextConsumer(this, {
      context: postureContext,
      subscribe: true,
      callback: (value) => {
        this.inherited = value;
        if (!this.src) this.requestUpdate();
      },
    });
  }

  /**
   * Fetches the document and its key set. Override it to answer requests yourself (as with
   * GitHub's `<include-fragment>`): it takes what the global `fetch` takes and must answer with a
   * `Response` like it; the default is the global `fetch`. Requests are shared page-wide, one per
   * URL, so this is asked only for what no trust element on the page has fetched already.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    return globalThis.fetch(input, init);
  }

  /** The visitor's words every element shares, in the nearest `lang` (each element adds its own with `words`). */
  protected get strings(): CommonWords {
    return this.words(COMMON_WORDS, 'common');
  }

  /** `english`, one table of words, in the nearest `lang`: `table` names it in the language files. */
  protected words<T extends object>(english: T, table: string): T {
    return wordsIn(english, table, languageOf(this.locale));
  }

  /** `template` filled with `values`, in the nearest `lang` (plural forms chosen by `values.n`). */
  protected say(template: Template, values?: Record<string, string | number>): string {
    return say(this.locale, template, values);
  }

  /** The nearest `lang` (this element's own first), as a tag Intl accepts; English when the elements have no words in it. */
  protected get locale(): string {
    return this.renderLocale ?? spokenLocale(nearestLang(this));
  }

  /** `locale`, found once per render: rows ask for it many times, and finding it walks up the tree. */
  private renderLocale?: string;

  protected formatDate(date: Date | string): string {
    return formatDate(date, this.locale);
  }

  /** Lit's `updateComplete`, once the words of the nearest `lang` are here and shown too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const pending = languageWords(languageOf(this.locale));
    return pending instanceof Promise ? (await pending, this.getUpdateComplete()) : done;
  }

  /** What there is to show: this element's own load (with `src`), or else its ancestor's document. */
  protected get snapshot(): PostureSnapshot {
    if (this.src) return this.loader.value;
    // pin and keys apply only to a document loaded with them: refused, never silently ignored.
    return this.pin != null || this.keys ? WITHOUT_SRC : (this.inherited ?? NOTHING);
  }

  /**
   * The one place `state` is worked out: what there is to show; `expired` once a verified
   * document's time has passed; `error` when the element cannot show a document it has (its own
   * problem, such as an unknown control id) or rendering failed.
   */
  private shownState(): PostureState {
    const { state, posture } = this.snapshot;
    if (this.renderFailure || ((state === 'verified' || state === 'expired') && this.checkedOwnProblem())) return 'error';
    return state === 'verified' && posture && posture.expires.getTime() <= Date.now() ? 'expired' : state;
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
    if (this.state === 'expired' && this.expired === 'hide')
      // A date a person reads, not an ISO timestamp: it is shown in the technical details.
      return { code: 'expired', message: `The document expired on ${this.formatDate(this.snapshot.posture!.expires)}.` };
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
      const detail: TrustLoadDetail = {
        posture: current.posture,
        signer: current.posture.signers[0]!.thumbprint,
        expired: this.state === 'expired',
      };
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
   * Lit's update, after the controllers' (so the loader has seen this update's attributes): it
   * shares the element's own document with its descendants and sets `state`. An exception while
   * rendering or committing the DOM would leave the element at `loading` with no event: it becomes
   * `state="error"`, a `render-failed` problem shown in place of the document and a `trust-error`.
   * Each update tries the document again.
   */
  protected override update(changed: PropertyValues): void {
    if (this.src) this.provider.setValue(this.snapshot);
    this.renderFailure = undefined;
    this.state = this.shownState();
    try {
      super.update(changed);
    } catch (error) {
      this.renderFailure = renderFailed(error);
      // Set before the second super.update(), which reflects it and renders the problem in this same update.
      // eslint-disable-next-line lit/no-property-change-update
      this.state = this.shownState();
      super.update(changed);
    }
  }

  override render(): unknown {
    this.renderLocale = spokenLocale(nearestLang(this));
    try {
      const posture = this.posture;
      const words = languageWords(languageOf(this.renderLocale));
      // Until the visitor's words are here, the element stays a skeleton rather than flash English.
      if (words instanceof Promise) void words.then(() => this.requestUpdate());
      if (this.state === 'loading' || words instanceof Promise) return this.renderLoading();
      // The page's own fallback content, when it gives some, replaces the problem display.
      if (!posture) return html`<slot name="fallback">${this.renderProblem(this.problem!)}</slot>`;
      return this.renderPosture(posture, this.state === 'expired');
    } finally {
      this.renderLocale = undefined;
    }
  }

  /** What the element shows for a verified (or expired, `expired` true) document. */
  protected abstract renderPosture(posture: VerifiedPosture, expired: boolean): unknown;

  /** What the element shows while loading: the words alone here; PostureBlockElement shows a skeleton. */
  protected renderLoading(): unknown {
    return html`<p role="status">${this.strings.loading}</p>`;
  }

  /** What the element shows instead of a document it cannot show: the explanation alone here; PostureBlockElement shows the problem box. */
  protected renderProblem(problem: PostureProblem): unknown {
    return html`<p role="alert">${this.strings.problem[problemKind(problem.code)]}</p>`;
  }

  /** The explanation of "Verified" that the seal's (or the badge's) button opens. */
  protected readonly explanation = new Explanation(this);

  /** What the explanation says of this element's document and how the page checked it. */
  protected explanationInput(posture: VerifiedPosture, expired: boolean): ExplanationInput {
    return { s: this.strings, locale: this.locale, posture, expired, url: this.snapshot.url ?? this.src, keys: this.keys ?? undefined };
  }
}
