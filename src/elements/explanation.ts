/**
 * The explanation of "Verified", on demand (issue 15): a disclosure button (`aria-expanded`,
 * `aria-controls`) and a short plain-language panel — who signed, what the signature proves and
 * what it does not (the statements are the vendor's own, not an audit), when it expires, and the
 * command that checks it outside the browser. A native button, so Enter and Space open it in every
 * engine; Escape closes it and gives focus back to the button. The seal shows the panel in its own
 * flow (the visitor asked for it); the badge lays it over the page, so its box never changes size.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { VerifiedPosture } from '../core/read.js';
import { formatDate, say } from './i18n.js';
import type { CommonWords } from './words.js';
import { signedBy } from './templates.js';

/** What the panel needs to know besides the document: the words, and how the page checked it. */
export interface ExplanationInput {
  s: CommonWords;
  locale: string;
  posture: VerifiedPosture;
  expired: boolean;
  /** The document's URL, for the command. */
  url?: string;
  /** The page's `keys` URL, when it named a key set. */
  keys?: string;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const absolute = (url: string) => new URL(url, document.baseURI).href;

/** The open / closed state of one element's explanation, and its button and panel. */
export class Explanation implements ReactiveController {
  open = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = false;
  }

  private readonly toggle = () => {
    this.open = !this.open;
    this.host.requestUpdate();
  };

  /** Escape closes the panel and returns focus to its button; it goes no further (an enclosing dialog stays open). */
  readonly keydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.open) return;
    event.stopPropagation();
    this.toggle();
    this.host.shadowRoot?.querySelector<HTMLElement>('.why')?.focus();
  };

  /** The disclosure button; `content` is what it shows (the words, or the badge's mark with the words as its name). */
  button(input: ExplanationInput, content?: unknown): TemplateResult {
    const label = input.s.explain.open;
    return html`<button
      type="button"
      part="explain"
      class="why"
      aria-expanded=${this.open ? 'true' : 'false'}
      aria-controls="why"
      aria-label=${label}
      title=${label}
      @click=${this.toggle}
    >
      ${content ?? label}
    </button>`;
  }

  /** The panel: hidden until the button opens it. */
  panel({ s, locale, posture, expired, url, keys }: ExplanationInput): TemplateResult {
    const words = s.explain;
    const expires = formatDate(posture.expires, locale);
    // The same trust the page used: its pin (the signer's key id) or its key set; discovery needs neither.
    const how =
      posture.trustedBy === 'issuer'
        ? ''
        : posture.trustedBy === 'keys' && keys
          ? ` --jwks ${absolute(keys)}`
          : ` --pin ${posture.signers[0]!.thumbprint}`;
    return html`<div part="explanation" class="explanation" id="why" ?hidden=${!this.open}>
      <p>${capital(signedBy(s, posture))}. ${words.proves}</p>
      <p>${say(locale, words.notProved, { org: posture.document.organization.name })}</p>
      <p>${expired ? say(locale, s.expiredWarning, { date: expires }) : `${capital(say(locale, s.expires, { date: expires }))}.`}</p>
      ${url ? html`<p>${words.check} <code>npx trust-elements verify ${absolute(url)}${how}</code></p>` : ''}
    </div>`;
  }
}
