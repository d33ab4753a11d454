/**
 * The normalised form of a letter: clean text plus the structure the letter parser needs (blocks with
 * emphasis and list markers, tables as rows). Every normaliser (HTML, PDF, TEXT-EXTRACT, plain text) yields it.
 */
/** Where a letter's text came from (Letter.textSource). */
export const TEXT_SOURCES = ['html', 'text', 'pdf', 'text-extract', 'ocr'] as const;
export type TextSource = (typeof TEXT_SOURCES)[number];

export type BlockType = 'heading' | 'paragraph' | 'list-item' | 'table';
export type Emphasis = 'bold' | 'italic' | 'underline';

export interface TextBlock {
  readonly type: BlockType;
  /** Clean text of the block, without its list marker; tables as " | "-joined cells, one row per line. */
  readonly text: string;
  /** Leading enumerator split off the block: "1.", "(a)", "•", "Comment 3:"; null when none. */
  readonly marker: string | null;
  /** Emphasis covering (nearly) the whole block. */
  readonly emphasis: readonly Emphasis[];
  /** 1-based page the block starts on, when the source has pages. */
  readonly page: number | null;
  /** Left indent in points (PDF) or nesting level (HTML), when known; lets list nesting be rebuilt. */
  readonly indent: number | null;
  /** Index into NormalizedText.tables for type "table". */
  readonly tableIndex: number | null;
}

export interface NormalizedText {
  /** The whole letter as clean text: blocks separated by blank lines, markers restored in front. */
  readonly text: string;
  readonly blocks: readonly TextBlock[];
  /** Tables kept as rows of cell texts. */
  readonly tables: readonly (readonly (readonly string[])[])[];
  readonly textSource: TextSource;
  readonly warnings: readonly string[];
}
