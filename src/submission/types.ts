/** A complete EDGAR submission (.txt), parsed: the SGML header and the decoded documents. */

export interface FormerName {
  readonly name: string;
  /** YYYY-MM-DD */
  readonly dateOfChange: string | null;
}

/** One FILER / FILED FOR / SUBJECT COMPANY block of the header. */
export interface SubmissionFiler {
  /** The block's heading, lower-cased: "filer", "filed for", "subject company", ... */
  readonly role: string;
  readonly cik: string;
  readonly name: string;
  readonly formerNames: readonly FormerName[];
  /** FILING VALUES / SEC FILE NUMBER of this block, in EDGAR's spelling, or null. */
  readonly fileNumber: string | null;
  readonly formType: string | null;
  readonly fiscalYearEnd: string | null;
  readonly stateOfIncorporation: string | null;
  readonly sic: string | null;
}

export interface SubmissionHeader {
  readonly accessionNumber: string;
  /** CONFORMED SUBMISSION TYPE: "CORRESP", "UPLOAD", ... */
  readonly submissionType: string;
  readonly documentCount: number | null;
  /** FILED AS OF DATE, YYYY-MM-DD. */
  readonly filedAsOfDate: string | null;
  /** <ACCEPTANCE-DATETIME> as ISO 8601 with the US Eastern offset of that date, e.g. 2014-01-03T06:15:34-05:00. */
  readonly acceptanceDateTime: string | null;
  /** The date after "<SEC-DOCUMENT>... :": when the filing became public. */
  readonly disseminationDate: string | null;
  readonly filers: readonly SubmissionFiler[];
  /** Every SEC FILE NUMBER in the header, EDGAR spelling, deduplicated, in order of appearance. */
  readonly fileNumbers: readonly string[];
  /** PUBLIC REFERENCE ACCESSION NUMBER (UPLOAD): the filing under review. */
  readonly publicReferenceAccession: string | null;
  /** Whether the header carries <PRIVATE-TO-PUBLIC>. */
  readonly privateToPublic: boolean;
}

export type DocumentFormat = 'html' | 'pdf' | 'text' | 'image' | 'other';

export interface SubmissionDocument {
  /** <TYPE>: "CORRESP", "LETTER", "TEXT-EXTRACT", "GRAPHIC", ... */
  readonly type: string;
  readonly sequence: number;
  readonly filename: string | null;
  readonly description: string | null;
  readonly format: DocumentFormat;
  /** The decoded bytes (uudecoded for PDFs and images, the text's own bytes otherwise). */
  readonly bytes: Uint8Array;
  /** Text of html/text documents, decoded from their charset; null for binary documents. */
  readonly text: string | null;
  /** sha256 hex of `bytes`. */
  readonly sha256: string;
}

export interface Submission {
  readonly header: SubmissionHeader;
  readonly documents: readonly SubmissionDocument[];
  /** Problems met that did not stop parsing, human-readable. */
  readonly warnings: readonly string[];
}
