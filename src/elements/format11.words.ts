/**
 * The English words of format 1.1's fields, shared by every element: sub-processor columns and
 * notice policy, control availability and recurring activities, certification kinds, the privacy
 * section. Every other language's are in i18n/<lang>.json under "format11" (see i18n.ts).
 */
export const FORMAT11_WORDS = {
  cadence: { continuous: 'Continuous', monthly: 'Monthly', quarterly: 'Quarterly', semiannual: 'Twice a year', annual: 'Annual' },
  availability: 'Available on',
  recurring: 'Recurring',
  lastPerformed: 'Last performed',
  evidence: 'Evidence',
  kindLabel: 'Kind',
  kind: { certification: 'Certification', attestation: 'Attestation', alignment: 'Alignment (no certificate)' },
  reportType: 'Report type',
  auditCadence: 'Audited',
  entity: 'Legal entity',
  optional: 'Optional',
  /** A row without a safeguard of its own, under a list-level safeguard statement. */
  listWide: 'As for the whole list',
  scope: 'Scope',
  noticeFor: 'Notice is given for {kinds}.',
  noticeChange: { additions: 'additions', removals: 'removals', changes: 'changes' },
  subscribe: 'Subscribe',
  feed: 'Feed',
  otherGroup: 'Other',
  privacy: 'Privacy',
  controller: 'Controller',
  dpo: 'Data protection officer',
  euRepresentative: 'EU representative',
  roles: 'Our role',
  role: { controller: 'Controller', processor: 'Processor', 'joint-controller': 'Joint controller' },
  legalBases: 'Legal bases',
  basis: {
    consent: 'Consent',
    contract: 'Contract',
    'legal-obligation': 'Legal obligation',
    'vital-interests': 'Vital interests',
    'public-task': 'Public task',
    'legitimate-interests': 'Legitimate interests',
  },
  rights: 'Your rights',
  right: {
    access: 'Access',
    rectification: 'Rectification',
    erasure: 'Erasure',
    restriction: 'Restriction of processing',
    portability: 'Data portability',
    objection: 'Objection',
    'withdraw-consent': 'Withdrawing consent',
    'automated-decisions': 'No automated decisions',
    complaint: 'Complaint to a supervisory authority',
    'opt-out-of-sale': 'Opting out of sale',
  },
};

export type Format11Words = typeof FORMAT11_WORDS;
