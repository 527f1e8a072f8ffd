/** The English words of `<trust-badge>` (other languages: "badge" in i18n/<lang>.json). */
export const BADGE_WORDS = {
  /** The shipped share of the applicable controls; `{n}` is how many are applicable. */
  summary: { one: '{shipped} of {n} control shipped', other: '{shipped} of {n} controls shipped' },
  /** The short form of the seal's signer, for the badge's one line: said only where the domain's own published key was checked. */
  signedByHost: 'signed by {host}',
};
