/**
 * Words for synthetic letters, drawn by a Zipf law like the words of real text: a head of common English and
 * accounting words written here (no text of any real letter), then a long tail of made-up words (names,
 * product terms) so the full-text index sees a realistic number of distinct terms.
 */
import type { Random } from './random.ts';

const COMMON = `the of and to in a that for is be on we as with your this by or are please you our
it not an at from which have will its has may such other any these were was all their been also more
company disclose discuss provide revise future filings response comment note tell us how related whether
amount amounts period periods year years fiscal ended quarter results operations financial statements
revenue revenues recognition customer customers contract contracts performance obligations obligation
price transaction goods services control transfer point time over basis net gross principal agent
segment segments reportable operating chief decision maker measure measures non gaap adjusted ebitda
income loss losses expense expenses cost costs margin gross operating cash flows flow liquidity capital
resources debt credit facility covenant covenants compliance interest rate rates lease leases right use
asset assets liability liabilities equity goodwill impairment intangible indefinite lived fair value
level inputs valuation assumptions discount growth terminal reporting unit units test testing estimate
estimates critical accounting policies policy judgments significant material materially weakness
internal controls over disclosure procedures effectiveness management conclusion conclusions
tax taxes deferred valuation allowance uncertain positions effective rate jurisdiction jurisdictions
business combination acquisition acquisitions purchase consideration contingent earnout goodwill
allocation identifiable acquired intangibles pro forma information legal proceedings contingencies
litigation accrual accruals reasonably possible range risk factors risks uncertainties climate
cybersecurity incidents governance executive compensation board directors proxy statement
registration offering shares common stock preferred warrants underwriters underwriting selling
shareholders dilution use proceeds prospectus amendment amended draft staff division corporation
finance office review reviewed completed comments letter letters respectfully submit acknowledge
accordingly understand believe considered consider consideration analysis analyses explain explained
basis clarify clarification quantify quantified expand expanded describe described identify identified
each both between during including included include includes following under within without through
respect respectively regarding related applicable appropriate additional further certain specific
page pages form report annual quarterly current item items part note notes table tables schedule
exhibit exhibits filed filing file number sincerely contact questions telephone staff accountant
attorney advisor branch chief legal counsel president officer chief financial principal accounting
investors investor holders market markets price prices volatility inventory inventories receivable
receivables payable allowance doubtful accounts bad debt warranty reserves restructuring charges
severance stock based compensation awards options vesting grant grants employees employee pension
benefit plans plan obligations derivative derivatives hedge hedging foreign currency translation
exchange subsidiaries subsidiary variable entity entities consolidation consolidated noncontrolling
investment investments equity method joint venture ventures partnership partnerships trust trusts
oil gas reserves proved mining properties property plant equipment depreciation amortization useful
lives bank loans deposits insurance premiums claims reinsurance real estate tenants rent rental
software subscription license licenses platform users active metrics key indicators growth decline
increase increases decreased decrease primarily due driven offset partially compared prior versus`;

const STEPS = 65_536;
const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'tin',
  'vo',
  'ra',
  'sen',
  'dor',
  'pli',
  'qua',
  'zen',
  'tor',
  'ex',
  'bri',
  'cal',
  'nu',
];

export interface Vocabulary {
  /** A word drawn by the Zipf law (rank 1 most frequent). */
  word(random: Random): string;
  readonly size: number;
}

/** A made-up word for tail rank `n`: two to four syllables, the same word for the same rank. */
function tailWord(n: number): string {
  let word = '';
  let rest = n;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0 || word.length < 5);
  return word;
}

/** `size` distinct words with Zipf exponent `s`: probability of rank r proportional to 1 / r^s. */
export function zipfVocabulary(size = 60_000, s = 1.05): Vocabulary {
  const head = [...new Set(COMMON.split(/\s+/).filter(Boolean))];
  const words = Array.from({ length: size }, (_, r) => head[r] ?? tailWord(r - head.length));
  // Inverse CDF quantized to 2^16 steps, a word drawn in constant time: a step spanning several tail ranks
  // (each rarer than 1 / 2^16) picks among them uniformly.
  const weights = Array.from({ length: size }, (_, r) => 1 / (r + 1) ** s);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const steps = new Int32Array(STEPS + 1);
  let cumulative = 0;
  let rank = 0;
  for (let i = 0; i <= STEPS; i += 1) {
    while (rank < size - 1 && cumulative + weights[rank]! < (i / STEPS) * total) cumulative += weights[rank++]!;
    steps[i] = rank;
  }
  return {
    size,
    word(random) {
      const i = Math.floor(random.next() * STEPS);
      const lo = steps[i]!;
      const hi = Math.max(lo, steps[i + 1]! - 1);
      return words[lo + Math.floor(random.next() * (hi - lo + 1))]!;
    },
  };
}
