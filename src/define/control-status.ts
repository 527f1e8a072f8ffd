/** Registers `<control-status>`. */
import { ControlStatusElement } from '../elements/control-status/control-status.js';
import { define } from '../elements/define.js';

define('control-status', ControlStatusElement);

declare global {
  interface HTMLElementTagNameMap {
    'control-status': ControlStatusElement;
  }
}

export { ControlStatusElement };
