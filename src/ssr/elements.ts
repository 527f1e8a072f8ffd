/**
 * The elements as the static page shows them before its script runs: the same templates, fed the
 * document `publish` verified, with a seal that says what a reader without JavaScript has — a
 * signed document, not one this page verified. Node only (the CLI); nothing here reaches the CDN files.
 */
import { html, type TemplateResult } from 'lit';
import type { VerifiedPosture } from '../core/read.js';
import type { PostureSnapshot } from '../elements/context.js';
import { formatDate, languageOf } from '../elements/i18n.js';
import { SubprocessorListElement } from '../elements/subprocessor-list/subprocessor-list.js';
import { TrustCenterElement } from '../elements/trust-center/trust-center.js';

/** The seal's words before verification. Only the CLI shows them, so they live here, not in the elements' strings. */
export const STATIC_SEAL = {
  en: {
    signed: 'Signed document — not verified on this page yet',
    how: 'your browser verifies it when JavaScript runs; anyone can with trust-elements verify',
    updated: (d: string) => `updated ${d}`,
    expires: (d: string) => `expires ${d}`,
  },
  de: {
    signed: 'Signiertes Dokument — auf dieser Seite noch nicht verifiziert',
    how: 'Ihr Browser verifiziert es, sobald JavaScript läuft; jeder kann es mit trust-elements verify prüfen',
    updated: (d: string) => `aktualisiert am ${d}`,
    expires: (d: string) => `gültig bis ${d}`,
  },
  fr: {
    signed: 'Document signé — pas encore vérifié sur cette page',
    how: 'votre navigateur le vérifie quand JavaScript s’exécute ; chacun peut le faire avec trust-elements verify',
    updated: (d: string) => `mis à jour le ${d}`,
    expires: (d: string) => `expire le ${d}`,
  },
};

/** The document every pre-rendered element shows, and its language; set for the length of one render. */
let current: { posture: VerifiedPosture; locale: string } | undefined;

export function withPosture<T>(posture: VerifiedPosture, locale: string, render: () => T): T {
  current = { posture, locale };
  try {
    return render();
  } finally {
    current = undefined;
  }
}

const snapshot = (): PostureSnapshot => (current ? { state: 'verified', posture: current.posture } : { state: 'loading' });

/** A seal that claims a signature, never a verification (and not in the verified colour): the page has checked nothing yet. */
function staticSeal(locale: string, posture: VerifiedPosture): TemplateResult {
  const s = STATIC_SEAL[languageOf(locale) as keyof typeof STATIC_SEAL] ?? STATIC_SEAL.en;
  return html`<div part="seal" class="seal is-static">
    <span class="seal-mark" style="color: var(--_muted)">${s.signed}</span>
    <span>${s.how}</span>
    <span>${s.updated(formatDate(posture.document.updated, locale))}</span>
    <span>${s.expires(formatDate(posture.expires, locale))}</span>
  </div>`;
}

// Node has no DOM to find the nearest `lang` in: the page's language is given, and render() goes
// straight to the document (there is nothing to load and nothing has failed).
export class StaticTrustCenter extends TrustCenterElement {
  protected override get snapshot(): PostureSnapshot {
    return snapshot();
  }
  protected override get locale(): string {
    return current?.locale ?? 'en';
  }
  override render(): unknown {
    return current ? this.renderPosture(current.posture, false) : this.renderLoading();
  }
  protected override renderSeal(posture: VerifiedPosture): TemplateResult {
    return staticSeal(this.locale, posture);
  }
}

export class StaticSubprocessorList extends SubprocessorListElement {
  protected override get snapshot(): PostureSnapshot {
    return snapshot();
  }
  protected override get locale(): string {
    return current?.locale ?? 'en';
  }
  override render(): unknown {
    return current ? this.renderPosture(current.posture, false) : this.renderLoading();
  }
  protected override renderSeal(posture: VerifiedPosture): TemplateResult {
    return staticSeal(this.locale, posture);
  }
}
