/**
 * The replica dataset of the chaos benchmark (loaded by test/replica/start.ts --dataset): the backfill
 * benchmark's dataset (21Vianet and the generated company of 600 letters, CIK 1800042) with four hostile
 * letters more in the generated company. Three are ordinary letters that the benchmark serves as a gzip bomb,
 * a deflate bomb and a dripping body (replica faults on their `.txt`); the fourth is served as it is and carries
 * the patterns that once made the letter parser backtrack without end (issue 9: a redaction of 40 asterisks
 * left open, 20 000 upper-case characters before a staff phone number).
 */
import type { ReplicaDataset, ReplicaFiling } from '../replica/dataset.ts';
import { buildBenchDataset, buildCorrespFiling, companyOf } from '../replica/data/index.ts';
import { profileFor } from '../replica/data/generated-company.ts';
import { sampleResponseLetter } from '../fixtures/render/sample-letters.ts';
import type { LetterSpec } from '../fixtures/render/letter-spec.ts';
import { BENCH_GENERATED_CIK, BENCH_LETTERS } from './_bench-dataset.ts';

export { BENCH_GENERATED_CIK, BENCH_LETTERS };

/** The hostile letters' accession numbers, by what the replica serves for them. */
export const HOSTILE = {
  gzipBomb: '0001800042-25-900001',
  deflateBomb: '0001800042-25-900002',
  drip: '0001800042-25-900003',
  redos: '0001800042-25-900004',
} as const;

function redosLetter(): LetterSpec {
  const letter = sampleResponseLetter();
  const [first, ...rest] = letter.items;
  return {
    ...letter,
    items: [
      {
        ...first!,
        response: [
          `The amounts are [${'*'.repeat(40)} x and will not be restated.`,
          `${'A'.repeat(20_000)} OF THE STAFF AT (202) 551-3${'0'.repeat(5_000)}`,
          ...(first!.response ?? []),
        ],
      },
      ...rest,
    ],
  };
}

/** The four hostile filings, after every generated letter (filed July 2025). */
async function hostileFilings(): Promise<ReplicaFiling[]> {
  // The seed the bench company is generated with (buildBenchDataset's default).
  const profile = profileFor(42, BENCH_GENERATED_CIK);
  const plain = sampleResponseLetter();
  const specs: [string, LetterSpec][] = [
    [HOSTILE.gzipBomb, plain],
    [HOSTILE.deflateBomb, plain],
    [HOSTILE.drip, plain],
    [HOSTILE.redos, redosLetter()],
  ];
  return Promise.all(
    specs.map(([accessionNumber, letter], i) =>
      buildCorrespFiling(profile, {
        accessionNumber,
        filingDate: `2025-07-0${i + 1}`,
        acceptanceTime: '10:15:00',
        disseminationDate: '2025-07-14',
        letter,
        format: i === 3 ? 'text' : 'html-modern',
      }),
    ),
  );
}

export async function dataset(): Promise<ReplicaDataset> {
  const bench = await buildBenchDataset({ letters: BENCH_LETTERS });
  const hostile = await hostileFilings();
  return {
    companies: bench.companies.map((company) =>
      company.cik === BENCH_GENERATED_CIK
        ? companyOf(profileFor(42, BENCH_GENERATED_CIK), [...company.filings, ...hostile])
        : company,
    ),
  };
}
