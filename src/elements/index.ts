/**
 * The element classes, without registering any tag (import `trust-elements/define` or
 * `trust-elements/define/<tag>` for that), for subclassing or registering under other names.
 */
export { PostureElement } from './posture-element.js';
export { PostureBlockElement } from './posture-block-element.js';
export { safeHref } from './templates.js';
export { TrustCenterElement } from './trust-center/trust-center.js';
export { SubprocessorListElement } from './subprocessor-list/subprocessor-list.js';
export { ControlStatusElement } from './control-status/control-status.js';
export { TrustBadgeElement } from './trust-badge/trust-badge.js';
export { postureContext, type PostureProblem, type PostureSnapshot, type PostureState } from './context.js';
export type { TrustErrorDetail, TrustLoadDetail } from './events.js';
export { setLanguageBase, type Language } from './i18n.js';
