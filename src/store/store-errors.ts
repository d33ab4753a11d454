/**
 * Errors of the store that are not about EDGAR or a filing's bytes: a state change for a filing the store has
 * never seen is a caller's bug (the pipeline records every filing as discovered first), so it is reported
 * loudly with the accession instead of being silently ignored.
 */
export class UnknownFilingError extends Error {
  readonly accessionNumber: string;
  constructor(accessionNumber: string, action: string) {
    super(`cannot ${action} filing ${accessionNumber}: the store has no such filing (record it as discovered first)`);
    this.accessionNumber = accessionNumber;
  }
  override get name(): string {
    return 'UnknownFilingError';
  }
}

/** A list cursor the store did not issue (or issued for another table): the caller's usage error. */
export class InvalidCursorError extends Error {
  readonly cursor: string;
  constructor(cursor: string) {
    super(`cursor ${JSON.stringify(cursor.slice(0, 80))} is not one this store issued: start again without a cursor`);
    this.cursor = cursor;
  }
  override get name(): string {
    return 'InvalidCursorError';
  }
}
