/**
 * The DocumentStore contract: one suite, run unchanged against every adapter (BullMQ's adapter-conformance
 * idea). An adapter's test file supplies a harness that creates isolated locations and calls this.
 */
import { describe } from 'node:test';
import { analyticsContract } from './analytics-contract.ts';
import { filingStateContract } from './filing-state-contract.ts';
import type { DocumentStoreHarness } from './harness.ts';
import { lettersContract } from './letters-contract.ts';
import { listedFilingsContract } from './listed-filings-contract.ts';
import { overviewContract } from './overview-contract.ts';
import { schemaUpgradeContract } from './schema-upgrade-contract.ts';
import { searchContract } from './search-contract.ts';

export type { DocumentStoreHarness, LegacyLocation, StoreLocation } from './harness.ts';

export function documentStoreContract(harness: DocumentStoreHarness): void {
  describe(`DocumentStore contract (${harness.name})`, () => {
    filingStateContract(harness);
    lettersContract(harness);
    listedFilingsContract(harness);
    searchContract(harness);
    schemaUpgradeContract(harness);
    analyticsContract(harness);
    overviewContract(harness);
  });
}
