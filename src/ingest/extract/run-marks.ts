/**
 * What a DOCX run's properties do to its text: hidden (w:vanish, w:specVanish, w:webHidden)
 * and moved-away (w:moveFrom) text is not printed; superscript and subscript digits and
 * struck-through text (w:strike, w:dstrike) are printed but are not part of a number. Properties
 * come from the run itself, from its character style (w:rStyle) and from its paragraph's
 * style (w:pStyle), styles following w:basedOn. Tracked deletions are w:delText, never read.
 * Digits run on against digits of another size (w:sz) are unsure: a marker or the number.
 */
import { Parser } from 'htmlparser2';
import { runOn, strike, toScript } from '../marks.ts';

export interface Marks { hidden?: boolean; script?: 'sup' | 'sub' | null; struck?: boolean; size?: string }
export type StyleMap = Map<string, Marks & { basedOn?: string }>;

const OFF = new Set(['0', 'false', 'off']);
const on = (attrs: Record<string, string>) => !OFF.has((attrs['w:val'] ?? '').toLowerCase());

/** Sets what one property element inside a w:rPr says; other elements change nothing. */
function setProp(m: Marks, name: string, attrs: Record<string, string>): void {
  switch (name) {
    case 'w:vanish': case 'w:specVanish': case 'w:webHidden': m.hidden = on(attrs); break;
    case 'w:strike': case 'w:dstrike': m.struck = on(attrs); break;
    case 'w:sz': m.size = attrs['w:val'] ?? ''; break;
    // text raised or lowered by w:position (half-points) is a super- or subscript too
    case 'w:position': {
      const v = Number.parseFloat(attrs['w:val'] ?? '0');
      m.script = v > 0 ? 'sup' : v < 0 ? 'sub' : null;
      break;
    }
    case 'w:vertAlign': {
      const v = attrs['w:val'];
      m.script = v === 'superscript' ? 'sup' : v === 'subscript' ? 'sub' : null;
      break;
    }
  }
}

/** The run properties of each style in styles.xml, by w:styleId. */
export function readStyles(xml: string): StyleMap {
  const map: StyleMap = new Map();
  let style: (Marks & { basedOn?: string }) | null = null;
  let inRPr = false;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'w:style') { style = {}; map.set(attrs['w:styleId'] ?? '', style); }
      else if (style && name === 'w:basedOn') style.basedOn = attrs['w:val'];
      else if (style && name === 'w:rPr') inRPr = true;
      else if (style && inRPr) setProp(style, name, attrs);
    },
    onclosetag(name) {
      if (name === 'w:style') style = null;
      else if (name === 'w:rPr') inRPr = false;
    },
  }, { xmlMode: true });
  parser.write(xml);
  parser.end();
  return map;
}

/** A style's marks with those of the styles it is based on under them (cycles cut). */
function resolve(styles: StyleMap, id: string | undefined, seen = new Set<string>()): Marks {
  const s = id === undefined ? undefined : styles.get(id);
  if (!s || seen.has(id!)) return {};
  seen.add(id!);
  const base = resolve(styles, s.basedOn, seen);
  return { ...base, ...definedOf(s) };
}

function definedOf(m: Marks): Marks {
  const out: Marks = {};
  if (m.hidden !== undefined) out.hidden = m.hidden;
  if (m.script !== undefined) out.script = m.script;
  if (m.struck !== undefined) out.struck = m.struck;
  if (m.size !== undefined) out.size = m.size;
  return out;
}

/** Follows document.xml's elements and knows the marks of the run being read. */
export class RunProps {
  private para: Marks = {};
  private run: Marks = {};
  private where: 'pPr' | 'rPr' | null = null;
  private away = 0;
  private change = 0;
  constructor(private styles: StyleMap) {}

  open(name: string, attrs: Record<string, string>): void {
    switch (name) {
      case 'w:p': this.para = {}; return;
      case 'w:r': this.run = {}; return;
      case 'w:pPr': this.where = 'pPr'; return;
      // moved away or deleted: Word shows the document with changes accepted
      case 'w:moveFrom': case 'w:del': this.away++; return;
      // the run's properties before a tracked formatting change: not how it is printed now
      case 'w:rPrChange': this.change++; return;
      case 'w:rPr': if (this.where !== 'pPr') this.where = 'rPr'; return;
      case 'w:pStyle': if (this.where === 'pPr') this.para = resolve(this.styles, attrs['w:val']); return;
    }
    if (this.where !== 'rPr' || this.change) return;
    if (name === 'w:rStyle') this.run = { ...this.run, ...resolve(this.styles, attrs['w:val']) };
    else setProp(this.run, name, attrs);
  }

  close(name: string): void {
    if (name === 'w:pPr') this.where = null;
    else if (name === 'w:rPr' && this.where === 'rPr') this.where = null;
    else if (name === 'w:moveFrom' || name === 'w:del') this.away = Math.max(0, this.away - 1);
    else if (name === 'w:rPrChange') this.change = Math.max(0, this.change - 1);
  }

  current(): Marks {
    const m = { ...this.para, ...definedOf(this.run) };
    if (this.away) m.hidden = true;
    return m;
  }
}

export function markRun(text: string, m: Marks): string {
  if (m.hidden) return '';
  const t = m.script ? toScript(text, m.script) : text;
  return m.struck ? strike(t) : t;
}

/** The text a run adds to its paragraph: UNSURE first when its digits meet digits of another size. */
export function appendRun(para: string, text: string, m: Marks, paraSize: string): string {
  return para + runOn(para, markRun(text, m), (m.size ?? '') !== paraSize);
}
