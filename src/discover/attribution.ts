/**
 * Attribution of letters to file numbers. Correspondence is not indexed by file number, so after a letter is
 * fetched and parsed its numbers come from: the UPLOAD header (`SEC FILE NUMBER`), the filing named by the
 * header's `PUBLIC REFERENCE ACCESSION NUMBER` (its file number as the company's listing gives it) and the
 * letter's own Re: block ("File No. 001-35126", "File Nos. ...", "0-12345"). A letter may carry several.
 * A letter with none at all can still be tied to a file number through its review thread: a response
 * answering a letter of that number, or a letter that a response of that number answers. Pure.
 */
import { normalizeFileNumber } from '../identifiers.ts';

export interface AttributionSources {
  /** Every SEC FILE NUMBER of the SGML header. */
  readonly headerFileNumbers: readonly string[];
  /** File numbers of the filing under review (PUBLIC REFERENCE ACCESSION NUMBER), when it is listed. */
  readonly referenceFileNumbers: readonly string[];
  /** File numbers the letter's text names. */
  readonly letterFileNumbers: readonly string[];
}

/** Every file number of a letter, EDGAR spelling ("0-12345" -> "000-12345"), deduplicated, header first. */
export function attributeFileNumbers(sources: AttributionSources): string[] {
  const out: string[] = [];
  for (const raw of [...sources.headerFileNumbers, ...sources.referenceFileNumbers, ...sources.letterFileNumbers]) {
    const fileNumber = normalizeFileNumber(raw);
    if (fileNumber !== null && !out.includes(fileNumber)) out.push(fileNumber);
  }
  return out;
}

/** The few facts of a letter that tie it to others of its review. */
export interface ThreadFacts {
  readonly accessionNumber: string;
  /** Every filer CIK of the letter. */
  readonly ciks: readonly string[];
  readonly sender: 'company' | 'sec';
  readonly letterDate: string | null;
  readonly inResponseTo: string | null;
}

export interface ThreadLink {
  readonly accessionNumber: string;
  /** The attributed letter it answers or that answers it. */
  readonly via: string;
  readonly relation: 'answers' | 'answered-by';
}

const shareCik = (a: ThreadFacts, b: ThreadFacts) => a.ciks.some((cik) => b.ciks.includes(cik));

/**
 * Ties letters without any file number to attributed letters of the same company through the review dialogue:
 * a company letter whose `inResponseTo` is the date of an attributed SEC letter answers it; an SEC letter whose
 * date an attributed company letter answers is answered by it. Repeated until nothing new links, so a whole
 * unnumbered exchange hanging off one numbered letter is tied. Dates must match exactly; nothing is guessed.
 */
export function linkThroughThreads(
  unattributed: readonly ThreadFacts[],
  attributed: readonly ThreadFacts[],
): ThreadLink[] {
  const linked: ThreadLink[] = [];
  const anchors = [...attributed];
  const pending = [...unattributed];
  let progress = true;
  while (progress && pending.length > 0) {
    progress = false;
    for (let i = pending.length - 1; i >= 0; i -= 1) {
      const letter = pending[i]!;
      let link: ThreadLink | null = null;
      for (const anchor of anchors) {
        if (!shareCik(letter, anchor) || anchor.sender === letter.sender) continue;
        if (letter.inResponseTo !== null && letter.inResponseTo === anchor.letterDate) {
          link = { accessionNumber: letter.accessionNumber, via: anchor.accessionNumber, relation: 'answers' };
        } else if (letter.letterDate !== null && anchor.inResponseTo === letter.letterDate) {
          link = { accessionNumber: letter.accessionNumber, via: anchor.accessionNumber, relation: 'answered-by' };
        }
        if (link) break;
      }
      if (link) {
        linked.push(link);
        anchors.push(letter);
        pending.splice(i, 1);
        progress = true;
      }
    }
  }
  return linked;
}
