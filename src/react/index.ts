/**
 * React components for the trust elements, made with `@lit/react`'s `createComponent`:
 * `TrustCenter`, `SubprocessorList`, `ControlStatus` and `TrustBadge`.
 *
 * ```ts
 * import { ControlStatus } from 'trust-elements/react';
 *
 * <ControlStatus src="https://vendor.example/.well-known/trust-elements/posture.json" control="mfa"
 *   onTrustLoad={(e) => console.log('signed by', e.detail.signer)}
 *   onTrustError={(e) => console.warn(e.detail.code, e.detail.message)} />
 * ```
 *
 * Importing this module registers the four tags (through `trust-elements/define/<tag>`, which
 * never redefines a tag already registered). Every element property (`src`, `control`, `pin`, …)
 * is a prop, set on the element as a property; the `trust-load` and `trust-error` events are the
 * `onTrustLoad` and `onTrustError` props, typed with their `CustomEvent` details. A `ref` gives
 * the element itself. The events bubble like any DOM event, so a handler also hears those of
 * trust elements nested inside (compare `event.target` with `event.currentTarget`).
 *
 * `react` (>= 18) and `@lit/react` are optional peer dependencies: install them to use this
 * module. It is not part of the CDN files.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import type { TrustErrorDetail, TrustLoadDetail } from '../elements/events.js';
import { ControlStatusElement } from '../define/control-status.js';
import { SubprocessorListElement } from '../define/subprocessor-list.js';
import { TrustBadgeElement } from '../define/trust-badge.js';
import { TrustCenterElement } from '../define/trust-center.js';

export type { TrustErrorDetail, TrustLoadDetail };
export { ControlStatusElement, SubprocessorListElement, TrustBadgeElement, TrustCenterElement };

/** `trust-load`: the document verified (or verified but expired). */
export type TrustLoadEvent = CustomEvent<TrustLoadDetail>;
/** `trust-error`: the element could not show the document. */
export type TrustErrorEvent = CustomEvent<TrustErrorDetail>;

/** The event props every trust component takes. */
const events = {
  onTrustLoad: 'trust-load' as EventName<TrustLoadEvent>,
  onTrustError: 'trust-error' as EventName<TrustErrorEvent>,
};

/** The full trust page for a vendor's `<trust-center>`: `<TrustCenter src=… />`. */
export const TrustCenter = createComponent({
  react: React,
  tagName: 'trust-center',
  elementClass: TrustCenterElement,
  events,
  displayName: 'TrustCenter',
});

/** The verified list of sub-processors, `<subprocessor-list>`: `<SubprocessorList src=… />`. */
export const SubprocessorList = createComponent({
  react: React,
  tagName: 'subprocessor-list',
  elementClass: SubprocessorListElement,
  events,
  displayName: 'SubprocessorList',
});

/** One control's (or a category's) verified status, `<control-status>`: `<ControlStatus src=… control="mfa" />`. */
export const ControlStatus = createComponent({
  react: React,
  tagName: 'control-status',
  elementClass: ControlStatusElement,
  events,
  displayName: 'ControlStatus',
});

/** The small verified seal, `<trust-badge>`: `<TrustBadge src=… href="https://vendor.example/trust" />`. */
export const TrustBadge = createComponent({
  react: React,
  tagName: 'trust-badge',
  elementClass: TrustBadgeElement,
  events,
  displayName: 'TrustBadge',
});
