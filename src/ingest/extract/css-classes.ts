/**
 * The declarations a page's <style> gives to class selectors (`.x`, `span.x`), so that text
 * hidden, struck through or raised by a class is treated as when the style is inline. Only
 * what applies on screen: @media and other at-rule blocks are left out; compound and
 * descendant selectors are not followed (the inline style and the tags still are).
 */
export type ClassStyles = Map<string, string>;

const AT_BLOCK = /@[^{}]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g;
const RULE = /([^{}]+)\{([^{}]*)\}/g;
const CLASS_SELECTOR = /^[a-z0-9]*\.([\w-]+)$/i;

export function addClassStyles(css: string, into: ClassStyles): void {
  const flat = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(AT_BLOCK, '');
  for (const [, selectors, decls] of flat.matchAll(RULE)) {
    for (const sel of selectors.split(',')) {
      const m = CLASS_SELECTOR.exec(sel.trim());
      if (m) into.set(m[1], `${into.get(m[1]) ?? ''};${decls}`);
    }
  }
}

/** The element's style: its classes' declarations, then its own (which win, coming last). */
export function styleOf(classes: ClassStyles, cls: string | undefined, inline: string | undefined): string | undefined {
  if (!classes.size || !cls) return inline;
  const fromClasses = cls.split(/\s+/).map((c) => classes.get(c) ?? '').filter(Boolean).join(';');
  return fromClasses ? `${fromClasses};${inline ?? ''}` : inline;
}
