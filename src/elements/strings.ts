/**
 * Every word the elements show that is not from the document: English, German and French,
 * chosen by the nearest `lang` (through shadow roots) and falling back to English. Dates go
 * through Intl in the same language. Longer than 300 lines because it holds every word in three
 * languages; the internationalisation issue (17) splits it.
 */
import type { ControlStatus } from '../core/read.js';
import type { ACCESS, CERTIFICATION_STATUSES, CHANGE_TYPES, CONTACT_ROLES, REVIEW_CADENCES } from '../core/read.js';

/** `setup`: the page's own trust settings are wrong (a pin that is empty or malformed); only its owner can fix them. */
export type ProblemKind = 'network' | 'unverified' | 'rolledBack' | 'damaged' | 'clock' | 'browser' | 'expired' | 'missing' | 'setup';

/** The words of `<subprocessor-list>`. */
export interface SubprocessorStrings {
  title: (organization: string) => string;
  name: string;
  purpose: string;
  location: string;
  safeguard: string;
  category: string;
  services: string;
  data: string;
  since: (date: string) => string;
  notStated: string;
  newMark: string;
  filter: string;
  count: (shown: number, total: number) => string;
  noMatch: string;
  safeguards: string;
  contact: string;
  disclosure: Record<'public' | 'on-request' | 'nda', string>;
  upcoming: string;
  notice: (days: number) => string;
  planned: string;
  change: Record<'subprocessor-added' | 'subprocessor-removed' | 'subprocessor-changed', string>;
  announced: (date: string) => string;
  effective: (date: string) => string;
}

/** The words of `<trust-center>`. */
export interface TrustCenterStrings {
  onThisPage: string;
  section: Record<
    | 'categories'
    | 'certifications'
    | 'subprocessors'
    | 'residency'
    | 'retention'
    | 'documents'
    | 'contacts'
    | 'links'
    | 'faq'
    | 'changelog',
    string
  >;
  logo: (organization: string) => string;
  filter: string;
  all: string;
  showing: (shown: number, total: number) => string;
  noMatch: string;
  target: string;
  controlUpdated: string;
  certification: Record<(typeof CERTIFICATION_STATUSES)[number], string>;
  /** A certification whose audit period has ended: certified once, not known to be renewed. */
  lapsed: string;
  auditor: string;
  period: string;
  scope: string;
  report: string;
  range: (from: string, to: string) => string;
  access: Record<(typeof ACCESS)[number], string>;
  requestFrom: string;
  viewReport: string;
  primary: string;
  provider: string;
  country: string;
  jurisdiction: string;
  services: string;
  retentionData: string;
  retentionPeriod: string;
  role: Record<(typeof CONTACT_ROLES)[number], string>;
  email: string;
  website: string;
  responseTime: string;
  purposes: string;
  link: Record<'statusPage' | 'vulnerabilityDisclosure' | 'securityTxt' | 'privacyPolicy' | 'terms', string>;
  change: Record<(typeof CHANGE_TYPES)[number], string>;
  effective: (date: string) => string;
  cadence: Record<(typeof REVIEW_CADENCES)[number], string>;
  lastReviewed: (date: string) => string;
  lastUpdated: (date: string) => string;
}

/** The words of `<control-status>`. */
export interface ControlStrings {
  /** A control and its status for screen readers: "Enterprise SSO: Roadmap". */
  label: (title: string, status: string) => string;
  /** How many controls: "12 controls". */
  count: (count: number) => string;
  /** Heading of the summary of every control. */
  heading: string;
  /** When a document lists no controls. */
  none: string;
  /** When an in-progress or roadmap control is expected, in the document's words. */
  target: (target: string) => string;
  /** The badge's word when the document could not be loaded. */
  unavailable: string;
  /** The badge's word when the document lacks what the page asked for. */
  notFound: string;
}

/** The words every element shares (the badge's `summary` and `viewAll` among them). */
export interface CommonStrings {
  status: Record<ControlStatus, string>;
  loading: string;
  verified: string;
  expired: string;
  notVerified: string;
  /** The seal's signer, by what decided trust: the issuer origin's published key (discovery), a pinned key, a named key set. */
  /** The short word when the document could not be loaded (network, timeout, HTTP status): not a failed check. */
  unavailable: string;
  signedBy: (domain: string) => string;
  /** The badge's short form of `signedBy`, for its one line: said only where the domain's own published key was checked. */
  signedByHost: (domain: string) => string;
  signedByPin: string;
  signedByKeys: string;
  updated: (date: string) => string;
  expires: (date: string) => string;
  /** The same date once it has passed. */
  expiredOn: (date: string) => string;
  keyId: string;
  expiredWarning: (date: string) => string;
  problem: Record<ProblemKind, string>;
  tellOwner: string;
  technical: string;
  summary: (shipped: number, total: number) => string;
  viewAll: string;
}

/** Every word in one language: the shared words and each element's. */
export interface Strings extends CommonStrings {
  center: TrustCenterStrings;
  subprocessors: SubprocessorStrings;
  control: ControlStrings;
}

/** The languages with words of their own; any other falls back to English. */
export type Language = 'en' | 'de' | 'fr';

// One table per element (and one shared), each by language, so that a bundle of one element
// carries only the words it shows.

/** Words every element shows: statuses, the seal, loading and problems; `summary` and `viewAll` are the badge's. */
export const COMMON_STRINGS: Record<Language, CommonStrings> = {
  en: {
    status: { shipped: 'Shipped', 'in-progress': 'In progress', roadmap: 'Roadmap', 'not-applicable': 'Not applicable' },
    loading: 'Loading security information…',
    verified: 'Verified',
    expired: 'Expired',
    notVerified: 'Not verified',
    signedBy: (d) => `signed by ${d}'s published key`,
    signedByHost: (d) => `signed by ${d}`,
    signedByPin: 'signed by the key this page pinned',
    signedByKeys: 'signed by the key set this page named',
    unavailable: 'Couldn’t load right now',
    updated: (d) => `updated ${d}`,
    expires: (d) => `expires ${d}`,
    expiredOn: (d) => `expired on ${d}`,
    keyId: 'Key ID',
    expiredWarning: (d) => `This information expired on ${d}. It was genuine then, but it may be out of date now.`,
    problem: {
      network: 'The security information could not be loaded.',
      unverified: 'The security information could not be verified, so it is not shown.',
      rolledBack: 'An older version of the security information was served than this browser has already seen, so it is not shown.',
      damaged: 'The security information is damaged or in a format this page cannot read, so it is not shown.',
      clock: "The security information is dated in the future. Please check your device's clock.",
      browser: 'This browser cannot check the signature of the security information. Please update your browser.',
      expired: 'The security information has expired, so it is not shown.',
      missing: 'The requested security information is not part of this document.',
      setup: 'This page is set up to check the security information with a key that is missing or malformed, so it is not shown.',
    },
    tellOwner: 'If this persists, please let the owner of this page know.',
    technical: 'Technical details',
    summary: (s, t) => `${s} of ${t} controls shipped`,
    viewAll: 'View trust center',
  },
  de: {
    status: { shipped: 'Umgesetzt', 'in-progress': 'In Arbeit', roadmap: 'Geplant', 'not-applicable': 'Nicht zutreffend' },
    loading: 'Sicherheitsinformationen werden geladen…',
    verified: 'Verifiziert',
    expired: 'Abgelaufen',
    notVerified: 'Nicht verifiziert',
    signedBy: (d) => `signiert mit dem veröffentlichten Schlüssel von ${d}`,
    signedByHost: (d) => `signiert von ${d}`,
    signedByPin: 'signiert mit dem Schlüssel, den diese Seite festlegt',
    signedByKeys: 'signiert mit dem Schlüsselsatz, den diese Seite angibt',
    unavailable: 'Gerade nicht verfügbar',
    updated: (d) => `aktualisiert am ${d}`,
    expires: (d) => `gültig bis ${d}`,
    expiredOn: (d) => `abgelaufen am ${d}`,
    keyId: 'Schlüssel-ID',
    expiredWarning: (d) => `Diese Angaben sind am ${d} abgelaufen. Sie waren damals echt, können aber inzwischen veraltet sein.`,
    problem: {
      network: 'Die Sicherheitsinformationen konnten nicht geladen werden.',
      unverified: 'Die Sicherheitsinformationen konnten nicht verifiziert werden und werden daher nicht angezeigt.',
      rolledBack:
        'Es wurde eine ältere Fassung der Sicherheitsinformationen geliefert, als dieser Browser bereits kennt; sie wird daher nicht angezeigt.',
      damaged: 'Die Sicherheitsinformationen sind beschädigt oder in einem unlesbaren Format und werden daher nicht angezeigt.',
      clock: 'Die Sicherheitsinformationen sind in die Zukunft datiert. Bitte prüfen Sie die Uhr Ihres Geräts.',
      browser: 'Dieser Browser kann die Signatur nicht prüfen. Bitte aktualisieren Sie Ihren Browser.',
      expired: 'Die Sicherheitsinformationen sind abgelaufen und werden daher nicht angezeigt.',
      missing: 'Die angefragte Angabe ist nicht Teil dieses Dokuments.',
      setup:
        'Diese Seite prüft die Sicherheitsinformationen mit einem fehlenden oder fehlerhaften Schlüssel; sie werden daher nicht angezeigt.',
    },
    tellOwner: 'Wenn das Problem bleibt, informieren Sie bitte den Betreiber dieser Seite.',
    technical: 'Technische Details',
    summary: (s, t) => `${s} von ${t} Maßnahmen umgesetzt`,
    viewAll: 'Zum Trust Center',
  },
  fr: {
    status: { shipped: 'En place', 'in-progress': 'En cours', roadmap: 'Prévu', 'not-applicable': 'Non applicable' },
    loading: 'Chargement des informations de sécurité…',
    verified: 'Vérifié',
    expired: 'Expiré',
    notVerified: 'Non vérifié',
    signedBy: (d) => `signé avec la clé publiée par ${d}`,
    signedByHost: (d) => `signé par ${d}`,
    signedByPin: 'signé avec la clé épinglée par cette page',
    signedByKeys: 'signé avec le jeu de clés désigné par cette page',
    unavailable: 'Indisponible pour le moment',
    updated: (d) => `mis à jour le ${d}`,
    expires: (d) => `expire le ${d}`,
    expiredOn: (d) => `expiré le ${d}`,
    keyId: 'Identifiant de clé',
    expiredWarning: (d) => `Ces informations ont expiré le ${d}. Elles étaient authentiques, mais peuvent être dépassées.`,
    problem: {
      network: 'Les informations de sécurité n’ont pas pu être chargées.',
      unverified: 'Les informations de sécurité n’ont pas pu être vérifiées ; elles ne sont donc pas affichées.',
      rolledBack:
        'Une version des informations de sécurité plus ancienne que celle déjà vue par ce navigateur a été servie ; elle n’est donc pas affichée.',
      damaged: 'Les informations de sécurité sont endommagées ou illisibles ; elles ne sont donc pas affichées.',
      clock: 'Les informations de sécurité sont datées dans le futur. Vérifiez l’horloge de votre appareil.',
      browser: 'Ce navigateur ne peut pas vérifier la signature. Veuillez mettre à jour votre navigateur.',
      expired: 'Les informations de sécurité ont expiré ; elles ne sont donc pas affichées.',
      missing: 'L’information demandée ne fait pas partie de ce document.',
      setup: 'Cette page vérifie les informations de sécurité avec une clé absente ou mal formée ; elles ne sont donc pas affichées.',
    },
    tellOwner: 'Si le problème persiste, prévenez le responsable de cette page.',
    technical: 'Détails techniques',
    summary: (s, t) => `${s} mesures sur ${t} en place`,
    viewAll: 'Voir le centre de confiance',
  },
};

/** The words of `<trust-center>`, by language. */
export const CENTER_STRINGS: Record<Language, TrustCenterStrings> = {
  en: {
    onThisPage: 'On this page',
    section: {
      categories: 'Security controls',
      certifications: 'Certifications',
      subprocessors: 'Sub-processors',
      residency: 'Data residency',
      retention: 'Data retention',
      documents: 'Documents',
      contacts: 'Contacts',
      links: 'Links',
      faq: 'Frequently asked questions',
      changelog: 'Change log',
    },
    logo: (o) => `${o} logo`,
    filter: 'Show controls by status',
    all: 'All',
    showing: (s, t) => `Showing ${s} of ${t} controls`,
    noMatch: 'No control in this category has this status.',
    target: 'Target',
    controlUpdated: 'Updated',
    certification: { certified: 'Certified', 'in-progress': 'In progress', planned: 'Planned', aligned: 'Aligned', expired: 'Expired' },
    lapsed: 'Lapsed, renewal pending',
    auditor: 'Auditor',
    period: 'Audit period',
    scope: 'Scope',
    report: 'Report',
    range: (f, t) => `${f} – ${t}`,
    access: { public: 'Public', 'on-request': 'On request', nda: 'Under NDA' },
    requestFrom: 'Request from',
    viewReport: 'View the report',
    primary: 'Primary region',
    provider: 'Provider',
    country: 'Country',
    jurisdiction: 'Jurisdiction',
    services: 'Services',
    retentionData: 'Data',
    retentionPeriod: 'Kept for',
    role: {
      security: 'Security',
      privacy: 'Privacy',
      legal: 'Legal',
      dpo: 'Data protection officer',
      support: 'Support',
      sales: 'Sales',
      other: 'Other',
    },
    email: 'Email',
    website: 'Website',
    responseTime: 'Response time',
    purposes: 'Topics',
    link: {
      statusPage: 'Status page',
      vulnerabilityDisclosure: 'Vulnerability disclosure',
      securityTxt: 'security.txt',
      privacyPolicy: 'Privacy policy',
      terms: 'Terms of service',
    },
    change: {
      'subprocessor-added': 'Sub-processor added',
      'subprocessor-removed': 'Sub-processor removed',
      'subprocessor-changed': 'Sub-processor changed',
      'control-changed': 'Control changed',
      'certification-changed': 'Certification changed',
      'document-changed': 'Document changed',
      'policy-changed': 'Policy changed',
      other: 'Other change',
    },
    effective: (d) => `effective ${d}`,
    cadence: {
      continuous: 'This page is kept up to date continuously.',
      monthly: 'This page is reviewed monthly.',
      quarterly: 'This page is reviewed quarterly.',
      semiannual: 'This page is reviewed twice a year.',
      annual: 'This page is reviewed once a year.',
    },
    lastReviewed: (d) => `Last reviewed ${d}.`,
    lastUpdated: (d) => `Last updated ${d}.`,
  },
  de: {
    onThisPage: 'Auf dieser Seite',
    section: {
      categories: 'Sicherheitsmaßnahmen',
      certifications: 'Zertifizierungen',
      subprocessors: 'Unterauftragsverarbeiter',
      residency: 'Speicherort der Daten',
      retention: 'Aufbewahrung von Daten',
      documents: 'Dokumente',
      contacts: 'Kontakt',
      links: 'Links',
      faq: 'Häufige Fragen',
      changelog: 'Änderungsprotokoll',
    },
    logo: (o) => `Logo von ${o}`,
    filter: 'Maßnahmen nach Status anzeigen',
    all: 'Alle',
    showing: (s, t) => `${s} von ${t} Maßnahmen angezeigt`,
    noMatch: 'Keine Maßnahme dieser Kategorie hat diesen Status.',
    target: 'Ziel',
    controlUpdated: 'Aktualisiert',
    certification: {
      certified: 'Zertifiziert',
      'in-progress': 'In Arbeit',
      planned: 'Geplant',
      aligned: 'Daran ausgerichtet',
      expired: 'Abgelaufen',
    },
    lapsed: 'Abgelaufen, Erneuerung ausstehend',
    auditor: 'Prüfer',
    period: 'Prüfzeitraum',
    scope: 'Geltungsbereich',
    report: 'Bericht',
    range: (f, t) => `${f} bis ${t}`,
    access: { public: 'Öffentlich', 'on-request': 'Auf Anfrage', nda: 'Unter NDA' },
    requestFrom: 'Anfordern bei',
    viewReport: 'Bericht ansehen',
    primary: 'Hauptregion',
    provider: 'Anbieter',
    country: 'Land',
    jurisdiction: 'Rechtsraum',
    services: 'Dienste',
    retentionData: 'Daten',
    retentionPeriod: 'Aufbewahrt für',
    role: {
      security: 'Sicherheit',
      privacy: 'Datenschutz',
      legal: 'Recht',
      dpo: 'Datenschutzbeauftragte',
      support: 'Support',
      sales: 'Vertrieb',
      other: 'Sonstiges',
    },
    email: 'E-Mail',
    website: 'Website',
    responseTime: 'Antwortzeit',
    purposes: 'Themen',
    link: {
      statusPage: 'Statusseite',
      vulnerabilityDisclosure: 'Meldung von Schwachstellen',
      securityTxt: 'security.txt',
      privacyPolicy: 'Datenschutzerklärung',
      terms: 'Nutzungsbedingungen',
    },
    change: {
      'subprocessor-added': 'Unterauftragsverarbeiter hinzugefügt',
      'subprocessor-removed': 'Unterauftragsverarbeiter entfernt',
      'subprocessor-changed': 'Unterauftragsverarbeiter geändert',
      'control-changed': 'Maßnahme geändert',
      'certification-changed': 'Zertifizierung geändert',
      'document-changed': 'Dokument geändert',
      'policy-changed': 'Richtlinie geändert',
      other: 'Sonstige Änderung',
    },
    effective: (d) => `wirksam ab ${d}`,
    cadence: {
      continuous: 'Diese Seite wird laufend aktualisiert.',
      monthly: 'Diese Seite wird monatlich überprüft.',
      quarterly: 'Diese Seite wird vierteljährlich überprüft.',
      semiannual: 'Diese Seite wird halbjährlich überprüft.',
      annual: 'Diese Seite wird jährlich überprüft.',
    },
    lastReviewed: (d) => `Zuletzt überprüft am ${d}.`,
    lastUpdated: (d) => `Zuletzt aktualisiert am ${d}.`,
  },
  fr: {
    onThisPage: 'Sur cette page',
    section: {
      categories: 'Mesures de sécurité',
      certifications: 'Certifications',
      subprocessors: 'Sous-traitants ultérieurs',
      residency: 'Localisation des données',
      retention: 'Conservation des données',
      documents: 'Documents',
      contacts: 'Contacts',
      links: 'Liens',
      faq: 'Questions fréquentes',
      changelog: 'Historique des modifications',
    },
    logo: (o) => `Logo de ${o}`,
    filter: 'Afficher les mesures par statut',
    all: 'Toutes',
    showing: (s, t) => `${s} mesures affichées sur ${t}`,
    noMatch: 'Aucune mesure de cette catégorie n’a ce statut.',
    target: 'Objectif',
    controlUpdated: 'Mis à jour',
    certification: {
      certified: 'Certifié',
      'in-progress': 'En cours',
      planned: 'Prévu',
      aligned: 'Aligné, sans certification',
      expired: 'Expiré',
    },
    lapsed: 'Échue, renouvellement en attente',
    auditor: 'Auditeur',
    period: 'Période d’audit',
    scope: 'Périmètre',
    report: 'Rapport',
    range: (f, t) => `du ${f} au ${t}`,
    access: { public: 'Public', 'on-request': 'Sur demande', nda: 'Sous accord de confidentialité' },
    requestFrom: 'À demander à',
    viewReport: 'Consulter le rapport',
    primary: 'Région principale',
    provider: 'Fournisseur',
    country: 'Pays',
    jurisdiction: 'Juridiction',
    services: 'Services',
    retentionData: 'Données',
    retentionPeriod: 'Durée de conservation',
    role: {
      security: 'Sécurité',
      privacy: 'Protection des données',
      legal: 'Juridique',
      dpo: 'Délégué à la protection des données',
      support: 'Assistance',
      sales: 'Ventes',
      other: 'Autre',
    },
    email: 'E-mail',
    website: 'Site web',
    responseTime: 'Délai de réponse',
    purposes: 'Sujets',
    link: {
      statusPage: 'Page d’état du service',
      vulnerabilityDisclosure: 'Signalement de vulnérabilités',
      securityTxt: 'security.txt',
      privacyPolicy: 'Politique de confidentialité',
      terms: 'Conditions d’utilisation',
    },
    change: {
      'subprocessor-added': 'Sous-traitant ultérieur ajouté',
      'subprocessor-removed': 'Sous-traitant ultérieur retiré',
      'subprocessor-changed': 'Sous-traitant ultérieur modifié',
      'control-changed': 'Mesure modifiée',
      'certification-changed': 'Certification modifiée',
      'document-changed': 'Document modifié',
      'policy-changed': 'Politique modifiée',
      other: 'Autre modification',
    },
    effective: (d) => `en vigueur le ${d}`,
    cadence: {
      continuous: 'Cette page est tenue à jour en continu.',
      monthly: 'Cette page est revue chaque mois.',
      quarterly: 'Cette page est revue chaque trimestre.',
      semiannual: 'Cette page est revue deux fois par an.',
      annual: 'Cette page est revue une fois par an.',
    },
    lastReviewed: (d) => `Dernière revue le ${d}.`,
    lastUpdated: (d) => `Dernière mise à jour le ${d}.`,
  },
};

/** The words of `<subprocessor-list>`, by language. */
export const SUBPROCESSOR_STRINGS: Record<Language, SubprocessorStrings> = {
  en: {
    title: (o) => `${o} sub-processors`,
    name: 'Sub-processor',
    purpose: 'Purpose',
    location: 'Location',
    safeguard: 'Transfer safeguard',
    category: 'Category',
    services: 'Services',
    data: 'Data',
    since: (d) => `since ${d}`,
    notStated: 'Not stated',
    newMark: 'New',
    filter: 'Filter sub-processors',
    count: (s, t) => `${s} of ${t} sub-processors`,
    noMatch: 'No sub-processors match',
    safeguards: 'Transfer safeguards',
    contact: 'Contact',
    disclosure: {
      public: 'No sub-processors are listed.',
      'on-request': 'The list of sub-processors is available on request.',
      nda: 'The list of sub-processors is shared under a non-disclosure agreement.',
    },
    upcoming: 'Upcoming changes',
    notice: (n) => `Changes are announced ${n} days before they take effect.`,
    planned: 'New sub-processor',
    change: { 'subprocessor-added': 'Addition', 'subprocessor-removed': 'Removal', 'subprocessor-changed': 'Change' },
    announced: (d) => `announced ${d}`,
    effective: (d) => `takes effect ${d}`,
  },
  de: {
    title: (o) => `Unterauftragsverarbeiter von ${o}`,
    name: 'Unterauftragsverarbeiter',
    purpose: 'Zweck',
    location: 'Standort',
    safeguard: 'Garantie für die Übermittlung',
    category: 'Kategorie',
    services: 'Dienste',
    data: 'Daten',
    since: (d) => `seit ${d}`,
    notStated: 'Nicht angegeben',
    newMark: 'Neu',
    filter: 'Unterauftragsverarbeiter filtern',
    count: (s, t) => `${s} von ${t} Unterauftragsverarbeitern`,
    noMatch: 'Kein Unterauftragsverarbeiter passt',
    safeguards: 'Garantien für Übermittlungen',
    contact: 'Kontakt',
    disclosure: {
      public: 'Es sind keine Unterauftragsverarbeiter aufgeführt.',
      'on-request': 'Die Liste der Unterauftragsverarbeiter ist auf Anfrage erhältlich.',
      nda: 'Die Liste der Unterauftragsverarbeiter wird unter einer Vertraulichkeitsvereinbarung (NDA) weitergegeben.',
    },
    upcoming: 'Bevorstehende Änderungen',
    notice: (n) => `Änderungen werden ${n} Tage vor ihrem Inkrafttreten angekündigt.`,
    planned: 'Neuer Unterauftragsverarbeiter',
    change: { 'subprocessor-added': 'Aufnahme', 'subprocessor-removed': 'Entfernung', 'subprocessor-changed': 'Änderung' },
    announced: (d) => `angekündigt am ${d}`,
    effective: (d) => `wirksam ab ${d}`,
  },
  fr: {
    title: (o) => `Sous-traitants ultérieurs de ${o}`,
    name: 'Sous-traitant ultérieur',
    purpose: 'Finalité',
    location: 'Localisation',
    safeguard: 'Garantie de transfert',
    category: 'Catégorie',
    services: 'Services',
    data: 'Données',
    since: (d) => `depuis le ${d}`,
    notStated: 'Non précisé',
    newMark: 'Nouveau',
    filter: 'Filtrer les sous-traitants ultérieurs',
    count: (s, t) => `${s} sous-traitants ultérieurs sur ${t}`,
    noMatch: 'Aucun sous-traitant ultérieur ne correspond',
    safeguards: 'Garanties de transfert',
    contact: 'Contact',
    disclosure: {
      public: 'Aucun sous-traitant ultérieur n’est indiqué.',
      'on-request': 'La liste des sous-traitants ultérieurs est disponible sur demande.',
      nda: 'La liste des sous-traitants ultérieurs est communiquée sous accord de confidentialité (NDA).',
    },
    upcoming: 'Changements à venir',
    notice: (n) => `Les changements sont annoncés ${n} jours avant leur entrée en vigueur.`,
    planned: 'Nouveau sous-traitant ultérieur',
    change: { 'subprocessor-added': 'Ajout', 'subprocessor-removed': 'Retrait', 'subprocessor-changed': 'Modification' },
    announced: (d) => `annoncé le ${d}`,
    effective: (d) => `en vigueur le ${d}`,
  },
};

/** The words of `<control-status>`, by language. */
export const CONTROL_STRINGS: Record<Language, ControlStrings> = {
  en: {
    label: (t, s) => `${t}: ${s}`,
    count: (n) => (n === 1 ? '1 control' : `${n} controls`),
    heading: 'Security controls',
    none: 'This document lists no security controls.',
    target: (t) => `Expected: ${t}`,
    unavailable: 'Unavailable',
    notFound: 'Not found',
  },
  de: {
    label: (t, s) => `${t}: ${s}`,
    count: (n) => (n === 1 ? '1 Maßnahme' : `${n} Maßnahmen`),
    heading: 'Sicherheitsmaßnahmen',
    none: 'Dieses Dokument nennt keine Sicherheitsmaßnahmen.',
    target: (t) => `Erwartet: ${t}`,
    unavailable: 'Nicht verfügbar',
    notFound: 'Nicht gefunden',
  },
  fr: {
    label: (t, s) => `${t}\u00a0: ${s}`,
    count: (n) => (n < 2 ? `${n} mesure` : `${n} mesures`),
    heading: 'Mesures de sécurité',
    none: 'Ce document ne mentionne aucune mesure de sécurité.',
    target: (t) => `Échéance prévue\u00a0: ${t}`,
    unavailable: 'Indisponible',
    notFound: 'Introuvable',
  },
};

// issue 15: the explanation of "Verified" that the seal and the badge open on demand (shared by every element).

/** The words of the explanation of "Verified": who signed comes from `signedBy…`, the expiry from `expires` / `expiredOn`. */
export interface ExplanationStrings {
  /** The disclosure button's words. */
  open: string;
  /** What the signature proves. */
  proves: string;
  /** What it does not prove: the statements are the organization's own. */
  notProved: (organization: string) => string;
  /** Lead of the command that checks it outside the browser. */
  check: string;
}

/** The explanation's words, by language. */
export const EXPLANATION_STRINGS: Record<Language, ExplanationStrings> = {
  en: {
    open: 'What does “Verified” mean?',
    proves: 'This proves that the information comes unchanged from the holder of that key. Your browser checked the signature just now.',
    notProved: (o) => `It does not prove that the statements are true: they are ${o}’s own, not an audit.`,
    check: 'Check it yourself:',
  },
  de: {
    open: 'Was bedeutet „Verifiziert“?',
    proves: 'Das belegt, dass die Angaben unverändert vom Inhaber dieses Schlüssels stammen. Ihr Browser hat die Signatur soeben geprüft.',
    notProved: (o) => `Es belegt nicht, dass die Angaben zutreffen: Es sind Angaben von ${o} selbst, kein Audit.`,
    check: 'Selbst prüfen:',
  },
  fr: {
    open: 'Que signifie «\u00a0Vérifié\u00a0»\u00a0?',
    proves:
      'Cela prouve que ces informations viennent, sans modification, du détenteur de cette clé. Votre navigateur vient de vérifier la signature.',
    notProved: (o) => `Cela ne prouve pas qu’elles sont exactes\u00a0: ce sont les déclarations de ${o}, pas un audit.`,
    check: 'Vérifiez vous-même\u00a0:',
  },
};

// end of issue 15

/** Every word in one language: the tables above put together (elements read only the tables they need). */
function allStrings(language: Language): Strings {
  return {
    ...COMMON_STRINGS[language],
    center: CENTER_STRINGS[language],
    subprocessors: SUBPROCESSOR_STRINGS[language],
    control: CONTROL_STRINGS[language],
  };
}

export const STRINGS: Record<string, Strings> = {
  en: /* @__PURE__ */ allStrings('en'),
  de: /* @__PURE__ */ allStrings('de'),
  fr: /* @__PURE__ */ allStrings('fr'),
};

/** The language of the nearest `lang` attribute, looking through shadow roots to their hosts. */
export function nearestLang(element: Element): string {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return validLocale(lang);
  }
  return validLocale(globalThis.navigator?.language ?? 'en');
}

/** `lang` if Intl accepts it as a language tag, else English (WebKitGTK can report "C"). */
function validLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The entry of `table` for `lang` ("de-CH" → de), English when the language has none. */
export function wordsFor<T>(table: Record<Language, T>, lang: string): T {
  return table[lang.toLowerCase().split('-')[0] as Language] ?? table.en;
}

export function stringsFor(lang: string): Strings {
  return STRINGS[lang.toLowerCase().split('-')[0]!] ?? STRINGS.en!;
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** A country's name in `lang` ("DE" → "Germany"), or undefined when Intl has none. */
export function regionName(code: string, lang: string): string | undefined {
  let names = regionNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang], { type: 'region' });
    } catch {
      names = null;
    }
    regionNames.set(lang, names);
  }
  try {
    return names?.of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

/** One date format per language: making one costs far more than using it (a list has many dates). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date for people, in `lang`: "24 May 2026". */
export function formatDate(date: Date | string, lang: string): string {
  const d = typeof date === 'string' ? new Date(date.length === 10 ? `${date}T00:00:00Z` : date) : date;
  try {
    let format = dateFormats.get(lang);
    if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })));
    return format.format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}
