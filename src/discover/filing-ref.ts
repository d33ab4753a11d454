/** What discovery yields for each filing: enough to fetch it and to order it. */
export interface FilingRef {
  /** "0001193125-14-000946" */
  readonly accessionNumber: string;
  /** The CIK it is listed under (its Archives folder), no leading zeros. */
  readonly cik: string;
  /** Form as listed: "CORRESP", "UPLOAD" (other forms are skipped before they get here). */
  readonly form: string;
  /** YYYY-MM-DD, the listing's filing date. */
  readonly filingDate: string;
  /** As listed (submissions JSON, Atom or index), or null. The SGML header's time wins once fetched. */
  readonly acceptanceDateTime: string | null;
  /** File number when the listing carries one (UPLOAD rows from 2023), else null. */
  readonly fileNumber: string | null;
  /** Primary document name when listed, else null. */
  readonly primaryDocument: string | null;
}
