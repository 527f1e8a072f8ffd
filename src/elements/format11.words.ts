/**
 * The English words of format 1.1's fields that <trust-center> shows: control availability and
 * recurring activities, certification kinds, the privacy section (the list's own fields are in
 * subprocessor-list.words.ts; <control-status> has its own copy of the two control words it
 * shows). Every other language's are in i18n/<lang>.json under "format11".
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
