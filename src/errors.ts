/**
 * Typed errors. The class decides the policy (retry, pause, fail the filing, exit 2) and every class carries a
 * stable `code` that survives serialisation (BullMQ keeps only `failedReason`, so messages start with the code).
 */

export const ERROR_CODES = {
  /** EDGAR answered with its rate-limit page (403/429): pause every worker, spend no attempt. */
  EDGAR_THROTTLED: 'EDGAR_THROTTLED',
  /** EDGAR refused an undeclared tool (403 "Undeclared Automated Tool"): configuration problem, never retry. */
  EDGAR_UNDECLARED_TOOL: 'EDGAR_UNDECLARED_TOOL',
  /** 404 from EDGAR. */
  EDGAR_NOT_FOUND: 'EDGAR_NOT_FOUND',
  /** 5xx, connection reset, timeout: retry with backoff. */
  EDGAR_UNAVAILABLE: 'EDGAR_UNAVAILABLE',
  /** A response EDGAR should not send (other 4xx, wrong shape, truncated body). */
  EDGAR_BAD_RESPONSE: 'EDGAR_BAD_RESPONSE',
  /** A URL outside the configured EDGAR bases. */
  EDGAR_FOREIGN_HOST: 'EDGAR_FOREIGN_HOST',
  /** The filing's bytes cannot be turned into a letter (truncated SGML, corrupt PDF, ...). */
  BAD_INPUT: 'BAD_INPUT',
  /** Usage or configuration error: exit 2. */
  CONFIG: 'CONFIG',
  /** An error that is not ours (a bug, a dropped store connection): the filing fails, the run goes on. */
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export abstract class EdgarCorrespError extends Error {
  abstract readonly code: ErrorCode;
  /** Whether running the same operation again may succeed. */
  abstract readonly retryable: boolean;
  override get name(): string {
    return this.constructor.name;
  }
  /** `CODE: message`, the form stored as a failure reason. */
  describe(): string {
    return `${this.code}: ${this.message}`;
  }
}

export class ConfigError extends EdgarCorrespError {
  readonly code = ERROR_CODES.CONFIG;
  readonly retryable = false;
}

/** The causes for which a filing's bytes cannot become a letter (BadInputError.reason). */
export const BAD_INPUT_REASONS = {
  /** Zero bytes, or only whitespace. */
  EMPTY_SUBMISSION: 'empty-submission',
  /** The submission or one of its documents is larger than the configured limit (or its parse ran out of heap). */
  OVERSIZE: 'oversize',
  /** No <SEC-HEADER>, or a header without ACCESSION NUMBER / CONFORMED SUBMISSION TYPE / filer / date. */
  MISSING_HEADER: 'missing-header',
  /** The submission stops before </SEC-DOCUMENT> (or inside a header or document). */
  TRUNCATED: 'truncated-submission',
  /** A uuencoded document that cannot be decoded. */
  BROKEN_UUENCODE: 'broken-uuencode',
  /** The letter document holds no bytes. */
  EMPTY_DOCUMENT: 'empty-document',
  /** No document of the submission can carry the letter's text. */
  NO_LETTER: 'no-letter-document',
  /** pdf.js cannot read the PDF. */
  CORRUPT_PDF: 'corrupt-pdf',
  /** The PDF needs a password. */
  ENCRYPTED_PDF: 'encrypted-pdf',
  /** The submission is of another form than CORRESP or UPLOAD. */
  NOT_A_LETTER: 'not-a-letter',
  /** The submission fetched for an accession says it is another one. */
  WRONG_ACCESSION: 'wrong-accession',
  /** The archived bytes no longer match their sha256: the filing is fetched again. */
  ARCHIVE_DAMAGED: 'archive-damaged',
  /** The assembled letter does not match the export schema. */
  INVALID_LETTER: 'invalid-letter',
  /** Normalising and parsing the filing took longer than its deadline. */
  TIMEOUT: 'timeout',
} as const;
export type BadInputReason = (typeof BAD_INPUT_REASONS)[keyof typeof BAD_INPUT_REASONS];

/**
 * Bad input in one filing: the filing fails with this reason, the run goes on. Built only by `badInput()`
 * (src/submission/bad-input.ts; lint refuses `new BadInputError` elsewhere), so every one names its filing.
 */
export class BadInputError extends EdgarCorrespError {
  readonly code = ERROR_CODES.BAD_INPUT;
  readonly retryable = false;
  /** The cause, one of BAD_INPUT_REASONS. */
  readonly reason: BadInputReason;
  /** The filing, when known. */
  readonly accessionNumber: string | null;
  /** What is wrong, in words, without the accession (the message is "<accession>: <detail>"). */
  readonly detail: string;
  constructor(reason: BadInputReason, accessionNumber: string | null, detail: string, options?: ErrorOptions) {
    super(`${accessionNumber ?? 'submission with unknown accession'}: ${detail}`, options);
    this.reason = reason;
    this.accessionNumber = accessionNumber;
    this.detail = detail;
  }
}

/** Base of every error the EDGAR client raises; `url` and `status` say which request failed and how. */
export abstract class EdgarRequestError extends EdgarCorrespError {
  readonly url: string;
  readonly status: number | null;
  constructor(url: string, status: number | null, message: string, options?: ErrorOptions) {
    super(message, options);
    this.url = url;
    this.status = status;
  }
}

export class EdgarThrottledError extends EdgarRequestError {
  readonly code = ERROR_CODES.EDGAR_THROTTLED;
  readonly retryable = true;
}

export class EdgarUndeclaredToolError extends EdgarRequestError {
  readonly code = ERROR_CODES.EDGAR_UNDECLARED_TOOL;
  readonly retryable = false;
}

export class EdgarNotFoundError extends EdgarRequestError {
  readonly code = ERROR_CODES.EDGAR_NOT_FOUND;
  readonly retryable = false;
}

export class EdgarUnavailableError extends EdgarRequestError {
  readonly code = ERROR_CODES.EDGAR_UNAVAILABLE;
  readonly retryable = true;
}

export class EdgarBadResponseError extends EdgarRequestError {
  readonly code = ERROR_CODES.EDGAR_BAD_RESPONSE;
  readonly retryable = false;
}

export class EdgarForeignHostError extends EdgarRequestError {
  readonly code = ERROR_CODES.EDGAR_FOREIGN_HOST;
  readonly retryable = false;
}

/** The stable code of any error, or null for errors that are not ours (bugs). */
export function errorCode(error: unknown): ErrorCode | null {
  return error instanceof EdgarCorrespError ? error.code : null;
}

/** One line naming the cause, for failure reasons and summaries. */
export function describeError(error: unknown): string {
  if (error instanceof EdgarCorrespError) return error.describe();
  if (error instanceof Error) return `${ERROR_CODES.INTERNAL}: ${error.message}`;
  return `${ERROR_CODES.INTERNAL}: ${String(error)}`;
}
