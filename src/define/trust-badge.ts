/** Registers `<trust-badge>`. */
import { define } from '../elements/define.js';
import { TrustBadgeElement } from '../elements/trust-badge/trust-badge.js';

define('trust-badge', TrustBadgeElement);

declare global {
  interface HTMLElementTagNameMap {
    'trust-badge': TrustBadgeElement;
  }
}

export { TrustBadgeElement };
