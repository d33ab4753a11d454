/**
 * The export schema of one Letter (../DESIGN.md "Export schema"): the stable contract that `export`, the
 * stores and downstream users rely on. The zod schema validates what leaves the pipeline; `Letter` is its type.
 */
import { z } from 'zod';
import { TEXT_SOURCES } from '../normalize/types.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO date YYYY-MM-DD');

export const LETTER_FORMS = ['CORRESP', 'UPLOAD'] as const;
export type LetterForm = (typeof LETTER_FORMS)[number];

export const LETTER_KINDS = [
  'comment',
  'response',
  'review_complete',
  'no_review',
  'acceleration_request',
  'extension_request',
  'other',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The topics of a staff comment (../DESIGN.md "Topics"). */
export const TOPICS = [
  'revenue',
  'non_gaap',
  'mda_results',
  'liquidity_capital',
  'segments',
  'impairment_fair_value',
  'business_combinations',
  'tax',
  'legal_risk',
  'offering_transaction',
  'governance_compensation',
  'accounting_other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const PersonSchema = z.object({ name: z.string(), title: z.string().nullable() });
export type Person = z.infer<typeof PersonSchema>;

export const FilerSchema = z.object({ cik: z.string(), name: z.string() });
export type Filer = z.infer<typeof FilerSchema>;

export const ReferenceSchema = z.object({
  form: z.string().nullable(),
  fiscalYearEnd: isoDate.nullable(),
  filedDate: isoDate.nullable(),
  fileNumber: z.string().nullable(),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const ItemSchema = z.object({
  number: z.number().int(),
  headings: z.array(z.string()),
  pageRef: z.string().nullable(),
  comment: z.string().nullable(),
  response: z.string().nullable(),
  priorComments: z.array(z.number().int()),
  /** 1-3 topics of the comment (quoted, in a company letter), main first; [] without comment text. */
  topics: z.array(z.enum(TOPICS)).default([]),
  /** Authorities the comment cites, normalised ("ASC 606-10-25-19", "S-K 303", ...). */
  authorities: z.array(z.string()).default([]),
});
export type Item = z.infer<typeof ItemSchema>;

export const TableSchema = z.object({ item: z.number().int().nullable(), rows: z.array(z.array(z.string())) });
export type LetterTable = z.infer<typeof TableSchema>;

export const DocumentRefSchema = z.object({
  sequence: z.number().int(),
  type: z.string(),
  filename: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});

export const LetterSchema = z.object({
  accessionNumber: z.string().regex(/^\d{10}-\d{2}-\d{6}$/),
  form: z.enum(LETTER_FORMS),
  cik: z.string().regex(/^[1-9]\d*$/),
  companyName: z.string(),
  filers: z.array(FilerSchema),
  filingDate: isoDate,
  acceptanceDateTime: z.string().nullable(),
  disseminationDate: isoDate.nullable(),
  fileNumbers: z.array(z.string()),
  sender: z.enum(['company', 'sec']),
  kind: z.enum(LETTER_KINDS),
  letterDate: isoDate.nullable(),
  inResponseTo: isoDate.nullable(),
  references: z.array(ReferenceSchema),
  referenceAccession: z.string().nullable(),
  addressees: z.array(PersonSchema),
  secStaff: z.array(z.string()),
  /** The Division office the letter names ("Office of Technology"), or null. */
  office: z.string().nullable().default(null),
  signatories: z.array(PersonSchema),
  cc: z.array(z.string()),
  items: z.array(ItemSchema),
  tables: z.array(TableSchema),
  text: z.string(),
  textSource: z.enum(TEXT_SOURCES).nullable(),
  documents: z.array(DocumentRefSchema),
  threadId: z.string().nullable(),
  warnings: z.array(z.string()),
  parserVersion: z.string(),
});
export type Letter = z.infer<typeof LetterSchema>;
