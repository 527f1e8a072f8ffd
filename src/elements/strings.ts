/**
 * Every word the elements show that is not from the document: English, German and French,
 * chosen by the nearest `lang` (through shadow roots) and falling back to English. Dates go
 * through Intl in the same language.
 */
import type { ControlStatus } from '../core/index.js';

export type ProblemKind = 'network' | 'unverified' | 'damaged' | 'clock' | 'browser' | 'expired' | 'missing';

export interface Strings {
  status: Record<ControlStatus, string>;
  loading: string;
  verified: string;
  expired: string;
  notVerified: string;
  signedBy: (domain: string) => string;
  updated: (date: string) => string;
  expires: (date: string) => string;
  keyId: string;
  expiredWarning: (date: string) => string;
  problem: Record<ProblemKind, string>;
  tellOwner: string;
  technical: string;
  summary: (shipped: number, total: number) => string;
  viewAll: string;
}

const en: Strings = {
  status: { shipped: 'Shipped', 'in-progress': 'In progress', roadmap: 'Roadmap', 'not-applicable': 'Not applicable' },
  loading: 'Loading security information…',
  verified: 'Verified',
  expired: 'Expired',
  notVerified: 'Not verified',
  signedBy: (d) => `signed by ${d}`,
  updated: (d) => `updated ${d}`,
  expires: (d) => `expires ${d}`,
  keyId: 'Key ID',
  expiredWarning: (d) => `This information expired on ${d}. It was genuine then, but it may be out of date now.`,
  problem: {
    network: 'The security information could not be loaded.',
    unverified: 'The security information could not be verified, so it is not shown.',
    damaged: 'The security information is damaged or in a format this page cannot read, so it is not shown.',
    clock: "The security information is dated in the future. Please check your device's clock.",
    browser: 'This browser cannot check the signature of the security information. Please update your browser.',
    expired: 'The security information has expired, so it is not shown.',
    missing: 'The requested security information is not part of this document.',
  },
  tellOwner: 'If this persists, please let the owner of this page know.',
  technical: 'Technical details',
  summary: (s, t) => `${s} of ${t} controls shipped`,
  viewAll: 'View trust center',
};

const de: Strings = {
  status: { shipped: 'Umgesetzt', 'in-progress': 'In Arbeit', roadmap: 'Geplant', 'not-applicable': 'Nicht zutreffend' },
  loading: 'Sicherheitsinformationen werden geladen…',
  verified: 'Verifiziert',
  expired: 'Abgelaufen',
  notVerified: 'Nicht verifiziert',
  signedBy: (d) => `signiert von ${d}`,
  updated: (d) => `aktualisiert am ${d}`,
  expires: (d) => `gültig bis ${d}`,
  keyId: 'Schlüssel-ID',
  expiredWarning: (d) => `Diese Angaben sind am ${d} abgelaufen. Sie waren damals echt, können aber inzwischen veraltet sein.`,
  problem: {
    network: 'Die Sicherheitsinformationen konnten nicht geladen werden.',
    unverified: 'Die Sicherheitsinformationen konnten nicht verifiziert werden und werden daher nicht angezeigt.',
    damaged: 'Die Sicherheitsinformationen sind beschädigt oder in einem unlesbaren Format und werden daher nicht angezeigt.',
    clock: 'Die Sicherheitsinformationen sind in die Zukunft datiert. Bitte prüfen Sie die Uhr Ihres Geräts.',
    browser: 'Dieser Browser kann die Signatur nicht prüfen. Bitte aktualisieren Sie Ihren Browser.',
    expired: 'Die Sicherheitsinformationen sind abgelaufen und werden daher nicht angezeigt.',
    missing: 'Die angefragte Angabe ist nicht Teil dieses Dokuments.',
  },
  tellOwner: 'Wenn das Problem bleibt, informieren Sie bitte den Betreiber dieser Seite.',
  technical: 'Technische Details',
  summary: (s, t) => `${s} von ${t} Maßnahmen umgesetzt`,
  viewAll: 'Zum Trust Center',
};

const fr: Strings = {
  status: { shipped: 'En place', 'in-progress': 'En cours', roadmap: 'Prévu', 'not-applicable': 'Non applicable' },
  loading: 'Chargement des informations de sécurité…',
  verified: 'Vérifié',
  expired: 'Expiré',
  notVerified: 'Non vérifié',
  signedBy: (d) => `signé par ${d}`,
  updated: (d) => `mis à jour le ${d}`,
  expires: (d) => `expire le ${d}`,
  keyId: 'Identifiant de clé',
  expiredWarning: (d) => `Ces informations ont expiré le ${d}. Elles étaient authentiques, mais peuvent être dépassées.`,
  problem: {
    network: 'Les informations de sécurité n’ont pas pu être chargées.',
    unverified: 'Les informations de sécurité n’ont pas pu être vérifiées ; elles ne sont donc pas affichées.',
    damaged: 'Les informations de sécurité sont endommagées ou illisibles ; elles ne sont donc pas affichées.',
    clock: 'Les informations de sécurité sont datées dans le futur. Vérifiez l’horloge de votre appareil.',
    browser: 'Ce navigateur ne peut pas vérifier la signature. Veuillez mettre à jour votre navigateur.',
    expired: 'Les informations de sécurité ont expiré ; elles ne sont donc pas affichées.',
    missing: 'L’information demandée ne fait pas partie de ce document.',
  },
  tellOwner: 'Si le problème persiste, prévenez le responsable de cette page.',
  technical: 'Détails techniques',
  summary: (s, t) => `${s} mesures sur ${t} en place`,
  viewAll: 'Voir le centre de confiance',
};

export const STRINGS: Record<string, Strings> = { en, de, fr };

/** The language of the nearest `lang` attribute, looking through shadow roots to their hosts. */
export function nearestLang(element: Element): string {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return lang;
  }
  return globalThis.navigator?.language ?? 'en';
}

export function stringsFor(lang: string): Strings {
  return STRINGS[lang.toLowerCase().split('-')[0]!] ?? en;
}

/** A date for people, in `lang`: "24 May 2026". */
export function formatDate(date: Date | string, lang: string): string {
  const d = typeof date === 'string' ? new Date(date.length === 10 ? `${date}T00:00:00Z` : date) : date;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

/** Which visitor-facing explanation an error code gets. */
export function problemKind(code: string): ProblemKind {
  switch (code) {
    case 'fetch-failed':
    case 'http-status':
    case 'timeout':
    case 'content-type':
    case 'no-source':
      return 'network';
    case 'too-large':
    case 'not-json':
    case 'not-jws':
    case 'bad-base64url':
    case 'payload-not-utf8':
    case 'payload-not-json':
    case 'schema-invalid':
      return 'damaged';
    case 'issued-in-future':
      return 'clock';
    case 'ed25519-unsupported':
      return 'browser';
    case 'expired':
      return 'expired';
    case 'unknown-control':
    case 'unknown-category':
      return 'missing';
    default:
      return 'unverified';
  }
}
