/**
 * parseLetter: a normalised CORRESP or UPLOAD -> the letter-level fields of the export schema (dates,
 * addressees, references, items with headings and responses, signatories, kind). Pure: no I/O, no clock.
 * `pipeline` assembles the Letter around it (header facts, documents, threadId).
 */
import type { NormalizedText } from '../normalize/types.ts';
import type { Item, LetterForm, LetterKind, LetterTable, Person, Reference } from './schema.ts';
import { classifyComment } from './classify-comment.ts';
import { classifyLetter } from './classify.ts';
import { COMPLIMENTARY, findBodyEnd, parseClosing } from './closing.ts';
import { findLabelledFileNumbers, findReBlockFileNumbers, mergeFileNumbers } from './file-numbers.ts';
import { findInResponseTo } from './in-response-to.ts';
import { findOffice } from './office.ts';
import { commentEmphasis, findPriorComments, splitResponseItem } from './item-split.ts';
import { findItemStarts, findLabelledItemStarts, spanItems, type ItemSpan } from './items.ts';
import { findConfidentialTreatment, hasAcknowledgement, type ConfidentialTreatment } from './markers.ts';
import { parsePreamble } from './preamble.ts';
import { parseReferences } from './references.ts';
import { findSecStaff } from './staff.ts';
import { joinContinuations, splitMergedUnits } from './unit-split.ts';
import { LETTER_PARSER_VERSION } from './parser-version.ts';
import { flat, fullText, joinUnits, toUnits, type Unit } from './units.ts';

export interface ParseLetterInput {
  readonly form: LetterForm;
  readonly normalized: NormalizedText;
  /** FILED AS OF DATE, YYYY-MM-DD: context only, never taken for the letter's own date. */
  readonly filingDate: string;
  readonly companyName: string;
  /** SEC FILE NUMBERs of the submission header, EDGAR spelling. */
  readonly headerFileNumbers: readonly string[];
}

/** The letter-level fields of a Letter (schema.ts), plus flags the schema has no field for. */
export interface ParsedLetter {
  readonly kind: LetterKind;
  readonly letterDate: string | null;
  readonly inResponseTo: string | null;
  readonly references: Reference[];
  /** Header file numbers first, then those of the Re: block and the text; EDGAR spelling, deduplicated. */
  readonly fileNumbers: string[];
  readonly addressees: Person[];
  readonly secStaff: string[];
  /** The Division office the letter names, normalised (office.ts). */
  readonly office: string | null;
  readonly signatories: Person[];
  readonly cc: string[];
  readonly items: Item[];
  readonly tables: LetterTable[];
  /** Rule 83 confidential treatment requested, and how many "[***]" redactions the text holds. */
  readonly confidentialTreatment: ConfidentialTreatment;
  /** Whether the letter carries the acknowledgement boilerplate ("responsible for the adequacy and accuracy ..."). */
  readonly acknowledgement: boolean;
  readonly warnings: string[];
  readonly parserVersion: string;
}

function firstCloseUnit(units: readonly Unit[], from: number): number {
  for (let i = from; i < units.length; i++) {
    const u = units[i]!;
    if (u.type === 'table') continue;
    if (u.text.split('\n').some((l) => COMPLIMENTARY.test(l.trim())) || /^\/s\//i.test(u.text)) return i;
  }
  return units.length;
}

function itemOf(
  span: ItemSpan,
  units: readonly Unit[],
  form: LetterForm,
  style: ReturnType<typeof commentEmphasis>,
): Item {
  const own = units.slice(span.start, span.end).filter((u) => u.type !== 'table' || u.text !== '');
  let comment: string | null;
  let response: string | null;
  if (form === 'UPLOAD') {
    const parts = [span.rest, ...own.slice(1).map(fullText)].map((t) => t.trim()).filter((t) => t !== '');
    comment = parts.length === 0 ? null : parts.join('\n\n');
    response = null;
  } else {
    ({ comment, response } = splitResponseItem(own, span.rest, style));
  }
  const priorComments = findPriorComments(comment);
  // A company letter's quoted comment is classified too, so a response can be matched to its comment by topic.
  const { topics, authorities } = classifyComment({ comment, headings: span.headings, priorComments });
  return {
    number: span.number,
    headings: span.headings,
    pageRef: span.pageRef,
    comment,
    response,
    priorComments,
    topics,
    authorities,
  };
}

/** The span holding unit `index`: spans are disjoint and in order, so the first one ending after it. */
function spanAt(spans: readonly ItemSpan[], index: number): ItemSpan | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.end <= index) lo = mid + 1;
    else hi = mid;
  }
  const span = spans[lo];
  return span && index >= span.start && index < span.end ? span : undefined;
}

interface ItemLayout {
  readonly starts: ReturnType<typeof findItemStarts>;
  readonly spans: ItemSpan[];
  readonly items: Item[];
  /** Where the body (the items and the text between them) ends. */
  readonly bodyEnd: number;
}

/** The numbered items of the body (or, in a response, its quoted comments numbered in order). */
function layoutItems(
  input: ParseLetterInput,
  units: readonly Unit[],
  bodyStart: number,
  closeUnit: number,
  warnings: string[],
): ItemLayout {
  const { form, normalized } = input;
  // Items end where the closing part starts ("* * *", the acknowledgement, "If you have any questions").
  const itemsEnd = Math.min(findBodyEnd(units, bodyStart + 1, true), closeUnit);
  let starts = findItemStarts(units, bodyStart, itemsEnd, {
    emphasisMatters: form === 'CORRESP',
    indentStep: normalized.textSource === 'pdf' ? 20 : normalized.textSource === 'html' ? 1 : 4,
    staffLetter: form === 'UPLOAD',
  });
  if (starts.length === 0 && form === 'CORRESP') {
    starts = findLabelledItemStarts(units, bodyStart, Math.min(itemsEnd, closeUnit));
    if (starts.length > 0) warnings.push('comments quoted without numbers: numbered in order of appearance');
  }
  const lastStart = starts.at(-1);
  const bodyEnd = Math.min(findBodyEnd(units, lastStart ? lastStart.unit + 1 : bodyStart), closeUnit);
  const spans = spanItems(units, starts, bodyStart, bodyEnd);
  // Looked up in sets and maps, not by scanning the spans for each unit (quadratic in long letters).
  const spanStarts = new Set(spans.map((s) => s.start));
  const style =
    form === 'CORRESP'
      ? commentEmphasis(
          spans.map((s) => (s.rest.trim() === '' ? (units[s.start + 1] ?? units[s.start]!) : units[s.start]!)),
          units.slice(bodyStart, bodyEnd).filter((u) => !spanStarts.has(u.index)),
        )
      : null;
  return { starts, spans, items: spans.map((s) => itemOf(s, units, form, style)), bodyEnd };
}

/** The letter's tables, each tied to the item it sits in. */
function letterTables(normalized: NormalizedText, units: readonly Unit[], spans: readonly ItemSpan[]): LetterTable[] {
  // Looked up in a map and by bisection, not by scanning units and spans per table (quadratic in long letters).
  const tableUnits = new Map<number, Unit>();
  for (const u of units) if (u.tableIndex !== null && !tableUnits.has(u.tableIndex)) tableUnits.set(u.tableIndex, u);
  return normalized.tables.map((rows, index) => {
    const at = tableUnits.get(index);
    const span = at ? spanAt(spans, at.index) : undefined;
    return { item: span ? span.number : null, rows: rows.map((r) => [...r]) };
  });
}

/** Header numbers first, then those of the references, the Re: block and the text's "File No." labels. */
function letterFileNumbers(
  input: ParseLetterInput,
  reBlock: string | null,
  references: readonly Reference[],
  text: string,
): string[] {
  return mergeFileNumbers(
    input.headerFileNumbers,
    references.map((r) => r.fileNumber).filter((n): n is string => n !== null),
    reBlock === null ? [] : findReBlockFileNumbers(reBlock).map((m) => m.number),
    findLabelledFileNumbers(text.replace(/\s+/g, ' ')),
  );
}

/** What the reader of the parsed letter should know: missing date, odd numbering, redactions. */
function letterWarnings(
  form: LetterForm,
  letterDate: string | null,
  kind: LetterKind,
  items: readonly Item[],
  confidentialTreatment: ConfidentialTreatment,
): string[] {
  const warnings: string[] = [];
  if (letterDate === null) warnings.push('letter date not found');
  if (kind === 'comment' && items.length === 0) warnings.push('comment letter without numbered comments');
  if (form === 'UPLOAD' && items.length > 1) {
    const gaps = items.some((it, i) => i > 0 && it.number !== items[i - 1]!.number + 1);
    if (gaps || items[0]!.number !== 1)
      warnings.push(`comment numbers not consecutive: ${items.map((i) => i.number).join(', ')}`);
  }
  if (confidentialTreatment.redactions > 0)
    warnings.push(`text redacted under confidential treatment (${confidentialTreatment.redactions} redactions)`);
  return warnings;
}

export function parseLetter(input: ParseLetterInput): ParsedLetter {
  const { form, normalized } = input;
  const units = joinContinuations(splitMergedUnits(toUnits(normalized)));
  const layoutWarnings: string[] = [];
  const preamble = parsePreamble(units, input.companyName);
  const bodyStart = Math.min(preamble.bodyStart, units.length);
  const closeUnit = firstCloseUnit(units, bodyStart);
  const { starts, spans, items, bodyEnd } = layoutItems(input, units, bodyStart, closeUnit, layoutWarnings);

  const closing = parseClosing(units, bodyEnd);
  const references = preamble.reBlock === null ? [] : parseReferences(preamble.reBlock);
  const text = normalized.text !== '' ? normalized.text : joinUnits(units);

  const openingEnd = starts[0]?.unit ?? Math.min(bodyEnd, bodyStart + 4);
  const openingUnits = units.slice(bodyStart, Math.min(openingEnd, bodyStart + 6));
  const opening = openingUnits.map((u) => flat(fullText(u))).join('\n');
  const inResponseTo = findInResponseTo(form, [preamble.reBlock ?? '', opening].join('\n'), preamble.letterDate);
  const kind = classifyLetter({
    form,
    itemCount: items.length,
    quotesComments: items.some((i) => i.comment !== null),
    opening: flat(opening).slice(0, 2500),
  });
  const secStaff = findSecStaff({
    form,
    text,
    addressees: preamble.addressees,
    addressedToSec: preamble.addressedToSec,
    signatories: closing.signatories,
    cc: closing.cc,
  });
  const confidentialTreatment = findConfidentialTreatment(text);

  return {
    kind,
    letterDate: preamble.letterDate,
    inResponseTo,
    references,
    fileNumbers: letterFileNumbers(input, preamble.reBlock, references, text),
    addressees: preamble.addressees,
    secStaff,
    office: findOffice(text),
    signatories: closing.signatories,
    cc: closing.cc,
    items,
    tables: letterTables(normalized, units, spans),
    confidentialTreatment,
    acknowledgement: hasAcknowledgement(text),
    warnings: [...layoutWarnings, ...letterWarnings(form, preamble.letterDate, kind, items, confidentialTreatment)],
    parserVersion: LETTER_PARSER_VERSION,
  };
}
