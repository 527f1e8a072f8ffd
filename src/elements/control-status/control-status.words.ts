/** The English words of `<control-status>` (other languages: "control" in i18n/<lang>.json). */
export const CONTROL_WORDS = {
  /** A control and its status for screen readers: "Enterprise SSO: Roadmap". */
  label: '{title}: {status}',
  /** How many controls: "12 controls". */
  count: { one: '{n} control', other: '{n} controls' },
  /** Heading of the summary of every control. */
  heading: 'Security controls',
  /** When a document lists no controls. */
  none: 'This document lists no security controls.',
  /** When an in-progress or roadmap control is expected, in the document's words. */
  target: 'Expected: {target}',
  /** The badge's word when the document could not be loaded. */
  unavailable: 'Unavailable',
  /** The badge's word when the document lacks what the page asked for. */
  notFound: 'Not found',
  /** Before the plans or tiers that have a control, in its tooltip: "Available on: Business plan". */
  availability: 'Available on',
  /** Before the date a recurring control was last performed, in its tooltip. */
  lastPerformed: 'Last performed',
};
