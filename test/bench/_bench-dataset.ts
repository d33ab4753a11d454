/**
 * The replica dataset of the backfill benchmark (loaded by test/replica/start.ts --dataset): 21Vianet
 * (001-35126) plus a generated company of BENCH_LETTERS letters (and as many other filings, so its listing
 * spills into an overflow page of the submissions JSON).
 */
import { BENCH_GENERATED_CIK, buildBenchDataset } from '../replica/data/index.ts';

export { BENCH_GENERATED_CIK };
export const BENCH_LETTERS = 600;

export const dataset = () => buildBenchDataset({ letters: BENCH_LETTERS });
