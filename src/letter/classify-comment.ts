/**
 * What a staff comment is about, classified from its own text and headings: its topics (topics.ts), the
 * authorities it cites (authorities.ts) and whether it reissues an earlier comment (reissue.ts). Used for the
 * comments of staff letters and for the comments a company letter quotes, so that a response can be matched to
 * its comment by topic as well as by number.
 */
import { findAuthorities } from './authorities.ts';
import { isReissued } from './reissue.ts';
import type { Topic } from './schema.ts';
import { classifyTopics } from './topics.ts';

export interface CommentInput {
  readonly comment: string | null;
  readonly headings: readonly string[];
  readonly priorComments: readonly number[];
}

export interface CommentClassification {
  /** 1-3 topics, the main one first; [] when there is no comment text to classify. */
  readonly topics: Topic[];
  readonly authorities: string[];
  readonly reissued: boolean;
}

export function classifyComment(input: CommentInput): CommentClassification {
  if (input.comment === null || input.comment.trim() === '') return { topics: [], authorities: [], reissued: false };
  const authorities = findAuthorities(input.comment);
  return {
    topics: classifyTopics({ comment: input.comment, headings: input.headings, authorities }),
    authorities,
    reissued: isReissued(input),
  };
}
