/** Registers every trust element: the one import a page needs for all four tags. */
import './trust-badge.js';
import './control-status.js';
import './subprocessor-list.js';
import './trust-center.js';

export { TrustBadgeElement } from './trust-badge.js';
export { ControlStatusElement } from './control-status.js';
export { SubprocessorListElement } from './subprocessor-list.js';
export { TrustCenterElement } from './trust-center.js';
export { setLanguageBase } from '../elements/i18n.js';
