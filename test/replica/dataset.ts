/**
 * The data model of the EDGAR replica: companies and their filings, from which the replica server renders
 * every EDGAR format (submissions JSON with overflow pages, browse-edgar Atom, complete submission .txt,
 * index.json, -index.htm, daily index files, company_tickers.json). Datasets are built by code under
 * test/replica/data/ from fixtures the project writes itself; nothing is copied from ../shared.
 */

export interface ReplicaFormerName {
  readonly name: string;
  /** YYYY-MM-DD */
  readonly from: string;
  /** YYYY-MM-DD */
  readonly to: string;
}

export interface ReplicaDocument {
  readonly sequence: number;
  /** <TYPE>: CORRESP, LETTER, TEXT-EXTRACT, GRAPHIC, 10-K, ... */
  readonly type: string;
  readonly filename: string;
  readonly description: string | null;
  /** Decoded bytes as served on the document's own URL (index.json / -index.htm list their sizes). */
  readonly bytes: Uint8Array;
}

export interface ReplicaFiling {
  readonly accessionNumber: string;
  /** Form as EDGAR lists it: CORRESP, UPLOAD, 10-K, 20-F, SEC STAFF LETTER, ... */
  readonly form: string;
  /** YYYY-MM-DD */
  readonly filingDate: string;
  /** YYYY-MM-DD or "" */
  readonly reportDate: string;
  /** Acceptance time as ISO with offset, e.g. "2014-01-03T06:15:34-05:00" (the SGML header's clock). */
  readonly acceptanceDateTime: string;
  /** YYYY-MM-DD the filing became public (the <SEC-DOCUMENT> date, the daily index it appears in). */
  readonly disseminationDate: string;
  /** fileNumber column of the submissions JSON ("" for CORRESP, and for UPLOAD before mid-2023). */
  readonly listedFileNumber: string;
  readonly primaryDocument: string;
  readonly primaryDocDescription: string;
  /** Whether the filing is listed under other CIKs too (co-registrants): their CIKs. */
  readonly coRegistrantCiks: readonly string[];
  /** The complete submission text (<SEC-DOCUMENT> ... ), exact bytes served at {accession}.txt. */
  readonly submissionText: Uint8Array;
  /**
   * For submissions too large to hold (the oversize bad input): when present, {accession}.txt is streamed from
   * it with Content-Length `size`, never gzipped, and `submissionText` is ignored.
   */
  readonly submissionStream?: ReplicaStream;
  readonly documents: readonly ReplicaDocument[];
}

/** Bytes produced on demand, e.g. 200 MiB in 1 MiB chunks. */
export interface ReplicaStream {
  readonly size: number;
  chunks(): Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
}

export interface ReplicaCompany {
  /** No leading zeros. */
  readonly cik: string;
  readonly name: string;
  readonly tickers: readonly string[];
  readonly exchanges: readonly string[];
  readonly sic: string;
  readonly sicDescription: string;
  /** "business" or "other". */
  readonly entityType: string;
  readonly stateOfIncorporation: string;
  /** MMDD */
  readonly fiscalYearEnd: string;
  readonly formerNames: readonly ReplicaFormerName[];
  /** File numbers of the company's registrations (carried by its 10-K/20-F/S-1 rows). */
  readonly fileNumbers: readonly string[];
  readonly filings: readonly ReplicaFiling[];
}

export interface ReplicaDataset {
  readonly companies: readonly ReplicaCompany[];
}
