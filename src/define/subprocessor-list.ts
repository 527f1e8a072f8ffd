/** Registers `<subprocessor-list>`. */
import { define } from '../elements/define.js';
import { SubprocessorListElement } from '../elements/subprocessor-list/subprocessor-list.js';

define('subprocessor-list', SubprocessorListElement);

declare global {
  interface HTMLElementTagNameMap {
    'subprocessor-list': SubprocessorListElement;
  }
}

export { SubprocessorListElement };
