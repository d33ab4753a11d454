/**
 * The causes for which a filing's bytes cannot become a letter, and the one way to raise them: a BadInputError
 * whose reason is one of these codes and whose message names the accession (when known) and the cause.
 */
import { BadInputError } from '../errors.ts';

export const BAD_INPUT_REASONS = {
  /** Zero bytes, or only whitespace. */
  EMPTY_SUBMISSION: 'empty-submission',
  /** The submission or one of its documents is larger than the configured limit. */
  OVERSIZE: 'oversize',
  /** No <SEC-HEADER>, or a header without ACCESSION NUMBER / CONFORMED SUBMISSION TYPE. */
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
  /** Normalise + parse did not finish within PARSE_TIMEOUT_MS (its worker thread was stopped). */
  TIMEOUT: 'timeout',
} as const;
export type BadInputReason = (typeof BAD_INPUT_REASONS)[keyof typeof BAD_INPUT_REASONS];

/** A BadInputError whose message reads "<accession>: <cause>". */
export function badInput(
  reason: BadInputReason,
  accession: string | null,
  cause: string,
  options?: ErrorOptions,
): BadInputError {
  return new BadInputError(reason, `${accession ?? 'submission with unknown accession'}: ${cause}`, options);
}
