/** The English words of `<subprocessor-list>` (other languages: "subprocessors" in i18n/<lang>.json). */
export const SUBPROCESSOR_WORDS = {
  title: '{org} sub-processors',
  name: 'Sub-processor',
  purpose: 'Purpose',
  location: 'Location',
  safeguard: 'Transfer safeguard',
  category: 'Category',
  services: 'Services',
  data: 'Data',
  since: 'since {date}',
  notStated: 'Not stated',
  newMark: 'New',
  filter: 'Filter sub-processors',
  /** `{shown}` of `{n}` rows shown. */
  count: { one: '{shown} of {n} sub-processor', other: '{shown} of {n} sub-processors' },
  noMatch: 'No sub-processors match',
  safeguards: 'Transfer safeguards',
  contact: 'Contact',
  disclosure: {
    public: 'No sub-processors are listed.',
    'on-request': 'The list of sub-processors is available on request.',
    nda: 'The list of sub-processors is shared under a non-disclosure agreement.',
  },
  upcoming: 'Upcoming changes',
  notice: {
    one: 'Changes are announced {n} day before they take effect.',
    other: 'Changes are announced {n} days before they take effect.',
  },
  planned: 'New sub-processor',
  change: { 'subprocessor-added': 'Addition', 'subprocessor-removed': 'Removal', 'subprocessor-changed': 'Change' },
  announced: 'announced {date}',
  effective: 'takes effect {date}',
};
