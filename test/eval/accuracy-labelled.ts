/**
 * Parser accuracy on the labelled set (test/fixtures/labelled): every letter rendered in each EDGAR shape
 * (HTML in both styles, plain text, PDF, TEXT-EXTRACT) by the fixture renderers, normalised by the project's
 * normalisers, parsed by parseLetter, and compared field by field with what the letter states. Reports the
 * exact-match share per field, precision and recall of item boundaries, and every miss.
 */
import { parseLetter, type ParsedLetter } from '../../src/letter/parse-letter.ts';
import type { NormalizedText } from '../../src/normalize/types.ts';
import { normalizeHtml } from '../../src/normalize/html-normalize.ts';
import { normalizePdf } from '../../src/normalize/pdf-normalize.ts';
import { normalizePlainText } from '../../src/normalize/plain-text.ts';
import { normalizeTextExtract } from '../../src/normalize/text-extract.ts';
import { comparable, itemTexts, LABELLED_LETTERS, type LabelledLetter } from '../fixtures/labelled/index.ts';
import { renderHtml, renderPdf, renderPlainText, renderTextExtract } from '../fixtures/render/index.ts';

export const RENDER_FORMATS = ['html-modern', 'html-classic', 'text', 'pdf', 'text-extract'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export const FIELDS = [
  'kind',
  'letterDate',
  'inResponseTo',
  'fileNumbers',
  'references.form',
  'references',
  'addressees',
  'secStaff',
  'signatories',
  'cc',
  'itemNumbers',
  'headings',
  'pageRef',
  'priorComments',
  'comment',
  'response',
  'confidentialTreatment',
  'acknowledgement',
] as const;
export type Field = (typeof FIELDS)[number];

/** The targets: share of renderings with the field exactly right. */
export const LABELLED_TARGETS: Readonly<Partial<Record<Field, number>>> = {
  itemNumbers: 0.95,
  letterDate: 0.98,
  inResponseTo: 0.98,
  fileNumbers: 0.98,
  'references.form': 0.98,
  kind: 0.97,
};

export interface Miss {
  readonly letter: string;
  readonly format: RenderFormat;
  readonly field: Field;
  readonly expected: string;
  readonly actual: string;
}

export interface LabelledReport {
  readonly letters: number;
  readonly renderings: number;
  /** Share of renderings with each field exactly right. */
  readonly accuracy: Record<Field, number>;
  /** Share of letters with each field right in every rendering. */
  readonly letterAccuracy: Record<Field, number>;
  readonly byFormat: Record<RenderFormat, Record<Field, number>>;
  readonly boundaries: {
    readonly precision: number;
    readonly recall: number;
    readonly predicted: number;
    readonly expected: number;
  };
  readonly misses: readonly Miss[];
  /** Fields under their target, with the figure. */
  readonly belowTarget: ReadonlyArray<{ field: Field; value: number; target: number }>;
}

/** Quotes, dashes, spacing and Unicode forms do not make two names or headings differ. */
function same(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

export async function normalizeAs(letter: LabelledLetter, format: RenderFormat): Promise<NormalizedText> {
  switch (format) {
    case 'html-modern':
      return normalizeHtml(renderHtml(letter.spec, 'modern'));
    case 'html-classic':
      return normalizeHtml(renderHtml(letter.spec, 'classic'));
    case 'text':
      return normalizePlainText(renderPlainText(letter.spec));
    case 'pdf':
      return normalizePdf(await renderPdf(letter.spec));
    case 'text-extract':
      return normalizeTextExtract(renderTextExtract(letter.spec));
  }
}

export function parseLabelled(letter: LabelledLetter, normalized: NormalizedText): ParsedLetter {
  return parseLetter({
    form: letter.form,
    normalized,
    filingDate: letter.spec.date,
    companyName: letter.companyName,
    headerFileNumbers: letter.headerFileNumbers,
  });
}

/** Field by field: [expected, actual] in a comparable form. */
function fieldValues(letter: LabelledLetter, got: ParsedLetter): Record<Field, [unknown, unknown]> {
  const e = letter.expected;
  const itemsMatch = got.items.map((i) => i.number).join() === e.items.map((i) => i.number).join();
  const specItems = new Map(letter.spec.items.map((i) => [i.number, itemTexts(letter.spec, i)]));
  const persons = (list: ReadonlyArray<{ name: string; title: string | null }>) =>
    list.map((p) => `${same(p.name)} | ${same(p.title)}`);
  return {
    kind: [e.kind, got.kind],
    letterDate: [e.letterDate, got.letterDate],
    inResponseTo: [e.inResponseTo, got.inResponseTo],
    fileNumbers: [[...e.fileNumbers].sort(), [...got.fileNumbers].sort()],
    'references.form': [e.references.map((r) => r.form), got.references.map((r) => r.form)],
    references: [e.references, got.references],
    addressees: [persons(e.addressees), persons(got.addressees)],
    secStaff: [[...e.secStaff].map(same).sort(), [...got.secStaff].map(same).sort()],
    signatories: [persons(e.signatories), persons(got.signatories)],
    cc: [e.cc.map(same), got.cc.map(same)],
    itemNumbers: [e.items.map((i) => i.number), got.items.map((i) => i.number)],
    headings: [
      e.items.map((i) => i.headings.map(same)),
      itemsMatch ? got.items.map((i) => i.headings.map(same)) : 'item numbers differ',
    ],
    pageRef: [e.items.map((i) => i.pageRef), itemsMatch ? got.items.map((i) => i.pageRef) : 'item numbers differ'],
    priorComments: [
      e.items.map((i) => i.priorComments ?? []),
      itemsMatch ? got.items.map((i) => i.priorComments) : 'item numbers differ',
    ],
    comment: [
      e.items.map((i) => comparable(specItems.get(i.number)?.comment ?? null)),
      itemsMatch ? got.items.map((i) => comparable(i.comment)) : 'item numbers differ',
    ],
    response: [
      e.items.map((i) => comparable(specItems.get(i.number)?.response ?? null)),
      itemsMatch ? got.items.map((i) => comparable(i.response)) : 'item numbers differ',
    ],
    confidentialTreatment: [e.confidentialTreatment, got.confidentialTreatment.requested],
    acknowledgement: [e.acknowledgement, got.acknowledgement],
  };
}

/** Item starts found at the right place: right number, and the item's text begins as the comment does. */
function boundaryMatches(letter: LabelledLetter, got: ParsedLetter): number {
  const starts = new Map(
    letter.spec.items.map((i) => [i.number, comparable(itemTexts(letter.spec, i).comment).slice(0, 30)]),
  );
  return got.items.filter((i) => {
    const start = starts.get(i.number);
    return start !== undefined && comparable(`${i.comment ?? ''}${i.response ?? ''}`).startsWith(start);
  }).length;
}

function emptyCounts(): Record<Field, number> {
  return Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
}

export interface LabelledOptions {
  readonly letters?: readonly LabelledLetter[];
  readonly formats?: readonly RenderFormat[];
}

export async function evaluateLabelled(options: LabelledOptions = {}): Promise<LabelledReport> {
  const letters = options.letters ?? LABELLED_LETTERS;
  const formats = options.formats ?? RENDER_FORMATS;
  const right = emptyCounts();
  const rightEverywhere = emptyCounts();
  const byFormat = Object.fromEntries(formats.map((f) => [f, emptyCounts()])) as Record<
    RenderFormat,
    Record<Field, number>
  >;
  const misses: Miss[] = [];
  let predicted = 0;
  let expected = 0;
  let matched = 0;
  for (const letter of letters) {
    const everywhere = new Set<Field>(FIELDS);
    for (const format of formats) {
      const got = parseLabelled(letter, await normalizeAs(letter, format));
      const values = fieldValues(letter, got);
      for (const field of FIELDS) {
        const [want, have] = values[field];
        if (JSON.stringify(want) === JSON.stringify(have)) {
          right[field] += 1;
          byFormat[format][field] += 1;
        } else {
          everywhere.delete(field);
          misses.push({ letter: letter.id, format, field, expected: show(want), actual: show(have) });
        }
      }
      predicted += got.items.length;
      expected += letter.expected.items.length;
      matched += boundaryMatches(letter, got);
    }
    for (const field of everywhere) rightEverywhere[field] += 1;
  }
  const renderings = letters.length * formats.length;
  const share = (counts: Record<Field, number>, of: number) =>
    Object.fromEntries(FIELDS.map((f) => [f, of === 0 ? 0 : counts[f] / of])) as Record<Field, number>;
  const accuracy = share(right, renderings);
  const belowTarget = Object.entries(LABELLED_TARGETS)
    .filter(([field, target]) => accuracy[field as Field] < target!)
    .map(([field, target]) => ({ field: field as Field, value: accuracy[field as Field], target: target! }));
  return {
    letters: letters.length,
    renderings,
    accuracy,
    letterAccuracy: share(rightEverywhere, letters.length),
    byFormat: Object.fromEntries(formats.map((f) => [f, share(byFormat[f], letters.length)])) as Record<
      RenderFormat,
      Record<Field, number>
    >,
    boundaries: {
      precision: predicted === 0 ? 1 : matched / predicted,
      recall: expected === 0 ? 1 : matched / expected,
      predicted,
      expected,
    },
    misses,
    belowTarget,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

export function formatLabelledReport(report: LabelledReport, options: { misses?: boolean } = {}): string {
  const formats = Object.keys(report.byFormat) as RenderFormat[];
  const lines = [
    `Labelled set: ${report.letters} letters x ${formats.length} formats = ${report.renderings} renderings`,
    `${'field'.padEnd(22)}${'renderings'.padStart(11)}${'letters'.padStart(9)}${formats.map((f) => f.padStart(13)).join('')}  target`,
  ];
  for (const field of FIELDS) {
    const target = LABELLED_TARGETS[field];
    lines.push(
      `${field.padEnd(22)}${pct(report.accuracy[field]).padStart(11)}${pct(report.letterAccuracy[field]).padStart(9)}` +
        `${formats.map((f) => pct(report.byFormat[f][field]).padStart(13)).join('')}` +
        (target === undefined ? '' : `  >= ${pct(target)}${report.accuracy[field] < target ? '  BELOW' : ''}`),
    );
  }
  const b = report.boundaries;
  lines.push(
    `item boundaries: precision ${pct(b.precision)}, recall ${pct(b.recall)} (${b.predicted} found, ${b.expected} expected)`,
  );
  if (options.misses) {
    lines.push('', `Misses (${report.misses.length}):`);
    for (const m of report.misses)
      lines.push(`  ${m.letter} [${m.format}] ${m.field}: expected ${m.expected}, got ${m.actual}`);
  }
  return `${lines.join('\n')}\n`;
}
