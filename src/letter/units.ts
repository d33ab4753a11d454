/**
 * The letter as the parser walks it: units (blocks of the normalised text, list markers kept apart) and lines
 * (a unit's text split at its line breaks, for the address, Re: and signature blocks that keep one fact per line).
 */
import type { BlockType, Emphasis, NormalizedText } from '../normalize/types.ts';

export interface Unit {
  /** Position in the unit list. */
  readonly index: number;
  readonly type: BlockType;
  /** Text without the list marker, whitespace tidied, line breaks kept. */
  readonly text: string;
  readonly marker: string | null;
  readonly emphasis: readonly Emphasis[];
  readonly page: number | null;
  readonly indent: number | null;
  readonly tableIndex: number | null;
}

export interface Line {
  /** Index of the unit the line belongs to. */
  readonly unit: number;
  readonly text: string;
}

function tidy(text: string): string {
  return text
    .replace(/\u00a0|\u2007|\u202f|\u2002|\u2003|\u2009/g, ' ')
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201f]/g, '"')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** Splits plain text into paragraph blocks, for NormalizedText values that carry text but no blocks. */
function blocksFromText(text: string): Unit[] {
  return text
    .split(/\n[ \t]*\n/)
    .map(tidy)
    .filter((t) => t !== '')
    .map((t, index) => ({
      index,
      type: 'paragraph' as const,
      text: t,
      marker: null,
      emphasis: [],
      page: null,
      indent: null,
      tableIndex: null,
    }));
}

/** The units of a normalised letter, in reading order; empty blocks dropped. */
export function toUnits(normalized: NormalizedText): Unit[] {
  if (normalized.blocks.length === 0) return blocksFromText(normalized.text);
  const out: Unit[] = [];
  for (const b of normalized.blocks) {
    const text = tidy(b.text);
    const marker = b.marker === null ? null : b.marker.trim();
    if (text === '' && (marker === null || marker === '')) continue;
    out.push({
      index: out.length,
      type: b.type,
      text,
      marker: marker === '' ? null : marker,
      emphasis: b.emphasis,
      page: b.page,
      indent: b.indent,
      tableIndex: b.tableIndex,
    });
  }
  return out;
}

/** Text of a unit with its marker in front, as a reader sees it. */
export function fullText(unit: Unit): string {
  return unit.marker === null ? unit.text : `${unit.marker} ${unit.text}`.trim();
}

/** Every line of the units in [from, to), markers restored. */
export function linesOf(units: readonly Unit[], from = 0, to = units.length): Line[] {
  const out: Line[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, units.length); i++) {
    const u = units[i]!;
    if (u.type === 'table') {
      for (const row of u.text.split('\n')) {
        const cells = row.split(' | ').map((c) => c.trim());
        for (const c of cells) for (const l of c.split(/\s{3,}/)) if (l !== '') out.push({ unit: i, text: l });
      }
      continue;
    }
    for (const l of fullText(u).split('\n')) if (l.trim() !== '') out.push({ unit: i, text: l.trim() });
  }
  return out;
}

/** Joins unit texts into one paragraph-separated string. */
export function joinUnits(units: readonly Unit[]): string {
  return units
    .map((u) => fullText(u))
    .join('\n\n')
    .trim();
}

/** Collapses a unit's line breaks to spaces: one paragraph of prose. */
export function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
