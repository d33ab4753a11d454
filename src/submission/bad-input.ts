/**
 * The one way to raise bad input: a BadInputError whose reason is one of BAD_INPUT_REASONS (errors.ts) and
 * whose message names the accession (when known) and the cause.
 */
import { BadInputError, type BadInputReason } from '../errors.ts';

export { BAD_INPUT_REASONS, type BadInputReason } from '../errors.ts';

/** A BadInputError whose message reads "<accession>: <cause>". */
export function badInput(
  reason: BadInputReason,
  accession: string | null,
  cause: string,
  options?: ErrorOptions,
): BadInputError {
  // eslint-disable-next-line no-restricted-syntax -- the one constructor site
  return new BadInputError(reason, accession, cause, options);
}
