/** Guarded registration: a second copy (or version) of the library on a page never throws. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
