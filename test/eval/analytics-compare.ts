/**
 * Field-by-field comparison of two labellings of the analytic tables' labelled set (the reference first): used
 * for the derived rows against final.json, and for b.json against a.json (the labellers' agreement). Pure.
 */

/**
 * One comment's labels. The development set (analytics-labels/dev/) labels only topics, priorComments and
 * reissued: a field a reference leaves out is not scored.
 */
export interface LabelledComment {
  readonly number: number;
  readonly topics: readonly string[];
  readonly authorities?: readonly string[];
  readonly priorComments: readonly number[];
  readonly reissued: boolean;
  readonly response?: string | null;
}

export interface LabelledReview {
  /** The review's key: its first staff letter with comments. */
  readonly review: string;
  readonly reviewedFiling?: {
    readonly form: string | null;
    readonly accessionNumber: string | null;
    readonly accessionStatus?: string;
  } | null;
  readonly staffLetters: readonly { readonly accession: string; readonly comments: readonly LabelledComment[] }[];
  readonly companyLetters?: readonly { readonly accession: string; readonly kind: string }[];
}

export interface Labelling {
  readonly labeller: string;
  readonly reviews: readonly LabelledReview[];
}

export interface Ratio {
  readonly hits: number;
  readonly of: number;
}

export interface Comparison {
  readonly comments: number;
  readonly missingComments: number;
  readonly authorities: { readonly precision: Ratio; readonly recall: Ratio };
  readonly firstTopic: Ratio;
  readonly anyTopic: Ratio;
  readonly reissue: { readonly precision: Ratio; readonly recall: Ratio };
  readonly priorComments: Ratio;
  readonly pairing: Ratio;
  readonly extension: { readonly precision: Ratio; readonly recall: Ratio };
  /** Reviews of periodic reports whose reviewed filing resolved to an accession / whose accession is right. */
  readonly periodicResolved: Ratio;
  readonly accessionRight: Ratio;
  /** Periodic reviews the reference marks not_in_listing (the corpus listing does not reach back to them). */
  readonly periodicNotInListing: number;
  readonly misses: readonly string[];
}

const PERIODIC = new Set(['10-K', '10-Q', '20-F', '40-F', '10-KT', '10-QT']);
export const isPeriodic = (form: string | null | undefined): boolean =>
  form !== null && form !== undefined && PERIODIC.has(form.trim().toUpperCase().replace(/\/A$/, ''));

/** Exact string after normalisation: spacing and case of the words "Rule", "Topic", ... kept as written. */
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

function commentsOf(l: Labelling): Map<string, LabelledComment> {
  const out = new Map<string, LabelledComment>();
  for (const r of l.reviews)
    for (const s of r.staffLetters) for (const c of s.comments) out.set(`${s.accession}#${c.number}`, c);
  return out;
}

const ratio = (hits: number, of: number): Ratio => ({ hits, of });

function compareComments(ref: Labelling, other: Labelling) {
  const mine = commentsOf(other);
  const misses: string[] = [];
  let tp = 0,
    predicted = 0,
    gold = 0,
    first = 0,
    any = 0,
    pairing = 0,
    paired = 0,
    prior = 0,
    missing = 0;
  let rTp = 0,
    rPred = 0,
    rGold = 0;
  const refComments = commentsOf(ref);
  for (const [key, g] of refComments) {
    const o = mine.get(key);
    if (!o) missing += 1;
    if (g.authorities !== undefined) {
      const goldAuth = new Set(g.authorities.map(norm));
      const otherAuth = new Set((o?.authorities ?? []).map(norm));
      gold += goldAuth.size;
      predicted += otherAuth.size;
      const hit = [...otherAuth].filter((a) => goldAuth.has(a)).length;
      tp += hit;
      if (hit !== goldAuth.size || hit !== otherAuth.size)
        misses.push(`authorities ${key}: want [${[...goldAuth].join(' | ')}] got [${[...otherAuth].join(' | ')}]`);
    }
    if (o && o.topics[0] === g.topics[0]) first += 1;
    else misses.push(`first topic ${key}: want ${g.topics.join(',')} got ${o?.topics.join(',') ?? 'no comment'}`);
    if (o && o.topics.some((t) => g.topics.includes(t))) any += 1;
    if (o?.reissued) rPred += 1;
    if (g.reissued) rGold += 1;
    if (o?.reissued && g.reissued) rTp += 1;
    if ((o?.reissued ?? false) !== g.reissued) misses.push(`reissued ${key}: want ${g.reissued}`);
    if (g.response !== undefined) {
      paired += 1;
      if (o && o.response === g.response) pairing += 1;
      else misses.push(`pairing ${key}: want ${g.response} got ${o ? o.response : 'no comment'}`);
    }
    if (o && [...o.priorComments].sort().join(',') === [...g.priorComments].sort().join(',')) prior += 1;
    else
      misses.push(
        `priorComments ${key}: want [${g.priorComments.join(',')}] got [${o?.priorComments.join(',') ?? ''}]`,
      );
  }
  const n = refComments.size;
  return {
    comments: n,
    missingComments: missing,
    authorities: { precision: ratio(tp, predicted), recall: ratio(tp, gold) },
    firstTopic: ratio(first, n),
    anyTopic: ratio(any, n),
    reissue: { precision: ratio(rTp, rPred), recall: ratio(rTp, rGold) },
    priorComments: ratio(prior, n),
    pairing: ratio(pairing, paired),
    misses,
  };
}

function compareReviews(ref: Labelling, other: Labelling) {
  const kinds = new Map(
    other.reviews.flatMap((r) => (r.companyLetters ?? []).map((c) => [c.accession, c.kind] as const)),
  );
  let eTp = 0,
    ePred = 0,
    eGold = 0;
  const misses: string[] = [];
  for (const c of ref.reviews.flatMap((r) => r.companyLetters ?? [])) {
    const got = kinds.get(c.accession) === 'extension_request';
    const want = c.kind === 'extension_request';
    if (got) ePred += 1;
    if (want) eGold += 1;
    if (got && want) eTp += 1;
    if (got !== want)
      misses.push(`extension ${c.accession}: want ${c.kind} got ${kinds.get(c.accession) ?? 'no letter'}`);
  }
  const filings = new Map(other.reviews.map((r) => [r.review, r.reviewedFiling]));
  let periodic = 0,
    resolved = 0,
    notInListing = 0,
    found = 0,
    right = 0;
  for (const r of ref.reviews) {
    if (r.reviewedFiling === undefined) continue;
    const got = filings.get(r.review) ?? null;
    if (r.reviewedFiling?.accessionStatus === 'found') {
      found += 1;
      if (got?.accessionNumber === r.reviewedFiling.accessionNumber) right += 1;
      else
        misses.push(
          `reviewed filing ${r.review}: want ${r.reviewedFiling.accessionNumber} got ${got?.accessionNumber ?? null} (${got?.form ?? 'no filing named'})`,
        );
    }
    if (!isPeriodic(r.reviewedFiling?.form)) continue;
    periodic += 1;
    if (got?.accessionNumber) resolved += 1;
    if (r.reviewedFiling?.accessionStatus === 'not_in_listing') notInListing += 1;
  }
  return {
    extension: { precision: ratio(eTp, ePred), recall: ratio(eTp, eGold) },
    periodicResolved: ratio(resolved, periodic),
    accessionRight: ratio(right, found),
    periodicNotInListing: notInListing,
    misses,
  };
}

export function compareLabellings(ref: Labelling, other: Labelling): Comparison {
  const c = compareComments(ref, other);
  const r = compareReviews(ref, other);
  return { ...c, ...r, misses: [...c.misses, ...r.misses] };
}

const share = (r: Ratio): number => (r.of === 0 ? NaN : r.hits / r.of);
const fmt = (r: Ratio): string => (r.of === 0 ? 'n/a' : `${share(r).toFixed(3)} (${r.hits}/${r.of})`);

/** The report: per field, measured, target, met, and the labellers' agreement (B against A). */
export function formatAnalyticsReport(
  m: Comparison,
  ab: Comparison,
  options: { misses?: boolean; reference?: string } = {},
): string {
  const rows: [string, Ratio, number | null, Ratio][] = [
    ['authorities precision', m.authorities.precision, 0.97, ab.authorities.precision],
    ['authorities recall', m.authorities.recall, 0.95, ab.authorities.recall],
    ['first topic', m.firstTopic, 0.85, ab.firstTopic],
    ['any topic', m.anyTopic, 0.93, ab.anyTopic],
    ['reissue precision', m.reissue.precision, null, ab.reissue.precision],
    ['reissue recall', m.reissue.recall, 0.9, ab.reissue.recall],
    ['priorComments exact', m.priorComments, null, ab.priorComments],
    ['pairing', m.pairing, 0.98, ab.pairing],
    ['extension request precision', m.extension.precision, null, ab.extension.precision],
    ['extension request recall', m.extension.recall, null, ab.extension.recall],
    ['reviewed filing resolved (periodic)', m.periodicResolved, 0.9, ab.periodicResolved],
    ['reviewed filing accession right', m.accessionRight, null, ab.accessionRight],
  ];
  const lines = [
    `analytic tables vs ${options.reference ?? 'test/eval/analytics-labels/final.json'}: ${m.comments} comments (${m.missingComments} not derived)`,
    `${'field'.padEnd(38)}${'measured'.padEnd(20)}${'target'.padEnd(10)}${'met'.padEnd(6)}A-B agreement`,
  ];
  let unmet = 0;
  for (const [name, r, target, agreement] of rows) {
    const met = target === null || r.of === 0 ? '' : share(r) >= target ? 'yes' : 'NO';
    if (met === 'NO') unmet += 1;
    lines.push(
      `${name.padEnd(38)}${fmt(r).padEnd(20)}${(target === null ? '-' : `>= ${target}`).padEnd(10)}${met.padEnd(6)}${fmt(agreement)}`,
    );
  }
  if (m.periodicResolved.of > 0)
    lines.push(
      `periodic reviews whose reviewed filing predates the corpus listing (labelled not_in_listing): ${m.periodicNotInListing} of ${m.periodicResolved.of}`,
    );
  lines.push(unmet === 0 ? 'All analytic targets met.' : `${unmet} analytic target(s) not met.`);
  if (options.misses) lines.push('', 'misses:', ...m.misses.map((s) => `  ${s}`));
  return `${lines.join('\n')}\n`;
}
