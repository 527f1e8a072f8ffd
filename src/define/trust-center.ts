/** Registers `<trust-center>`, and `<subprocessor-list>` which it embeds. */
import './subprocessor-list.js';
import { define } from '../elements/define.js';
import { TrustCenterElement } from '../elements/trust-center/trust-center.js';

define('trust-center', TrustCenterElement);

declare global {
  interface HTMLElementTagNameMap {
    'trust-center': TrustCenterElement;
  }
}

export { TrustCenterElement };
