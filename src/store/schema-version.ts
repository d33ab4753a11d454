/**
 * What a read-only opening (serve) says about a store whose schema is not the one this code was built for:
 * it cannot migrate, so an older store must be upgraded by a writing command first, and a newer one needs a
 * newer edgar-corresp.
 */
import { ConfigError } from '../errors.ts';

/** A ConfigError when `current` (the store's schema version) differs from `needed`; undefined when equal. */
export function schemaMismatch(where: string, current: number, needed: number): ConfigError | undefined {
  if (current < needed) {
    return new ConfigError(
      `the store at ${where} has schema ${current}, this version of edgar-corresp needs ${needed}: run any writing command once (e.g. \`edgar-corresp status\` or \`edgar-corresp reparse\`) with the same STORE_URL to upgrade it, then start serve again`,
    );
  }
  if (current > needed) {
    return new ConfigError(
      `the store at ${where} has schema ${current}, newer than this version of edgar-corresp knows (${needed}): this edgar-corresp is older than the store; upgrade edgar-corresp`,
    );
  }
  return undefined;
}
