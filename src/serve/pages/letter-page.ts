/**
 * One letter: its facts, its numbered items (comment beside response), its whole text, links out; a long
 * letter in parts (page-parts.ts).
 */
import type { Letter, Item } from '../../letter/schema.ts';
import { html, paragraphs, type SafeHtml } from '../html.ts';
import { humanKind, layout, pageHref, secFilingHref, tagList } from './layout.ts';
import { pairPieces, renderPart, textPieces, type PairPiece, type PartBlock } from './page-parts.ts';

/** Escaped bytes of the whole text per block: the granularity at which a long text is split into parts. */
const TEXT_BLOCK_BYTES = 8 * 1024;

/** Part `part` of the letter's page, or null when it has fewer parts. */
export function letterPage(letter: Letter, part = 1): SafeHtml | null {
  const blocks: PartBlock[] = [
    ...letter.items.flatMap((item) => itemBlocks(item)),
    ...textPieces(letter.text, TEXT_BLOCK_BYTES).map((text) => ({
      group: 'text',
      anchors: [],
      render: () => html`${text}`,
    })),
  ];
  const rendered = renderPart(
    {
      lead: () => letterFacts(letter),
      leadAnchors: [],
      blocks,
      wrap: (group, inner, continued) =>
        group === 'items'
          ? html`<h2>Numbered items${continued ? ' (continued)' : ''}</h2>
              ${inner}`
          : html`<h2>Text${continued ? ' (continued)' : ''}</h2>
              <pre class="text">${inner}</pre>`,
    },
    part,
  );
  if (rendered === null) return null;
  const title = `${letter.form} ${letter.accessionNumber}`;
  return layout(
    { title: rendered.parts > 1 ? `${title} (part ${rendered.part} of ${rendered.parts})` : title },
    html`${rendered.part > 1 ? html`<h1>${title}: ${humanKind(letter.kind)} (part ${rendered.part})</h1>` : ''}
    ${rendered.body}`,
  );
}

function letterFacts(letter: Letter): SafeHtml {
  const who = letter.sender === 'sec' ? 'SEC staff' : letter.companyName;
  return html`<h1>${letter.form} ${letter.accessionNumber}: ${humanKind(letter.kind)}</h1>
    <dl class="facts">
      <dt>Company</dt>
      <dd><a href="${pageHref('companies', letter.cik)}">${letter.companyName}</a> (CIK ${letter.cik})</dd>
      <dt>From</dt>
      <dd>${who}</dd>
      <dt>Dated</dt>
      <dd>
        ${letter.letterDate ?? 'unknown'} (filed
        ${letter.filingDate}${letter.disseminationDate ? `, public ${letter.disseminationDate}` : ''})
      </dd>
      ${
        letter.inResponseTo
          ? html`<dt>Answers</dt>
              <dd>the letter of ${letter.inResponseTo}</dd>`
          : ''
      }
      <dt>File numbers</dt>
      <dd>
        ${letter.fileNumbers.map((n, i) => html`${i > 0 ? ', ' : ''}<a href="${pageHref('file-numbers', n)}">${n}</a>`)}
      </dd>
      ${
        letter.threadId
          ? html`<dt>Review</dt>
              <dd><a href="${pageHref('reviews', letter.threadId)}">${letter.threadId}</a></dd>`
          : ''
      }
      <dt>On EDGAR</dt>
      <dd><a href="${secFilingHref(letter.cik, letter.accessionNumber)}">filing index on sec.gov</a></dd>
    </dl>`;
}

/**
 * An item as one block, or, when its comment or response is longer than a piece (page-parts.ts), as one block
 * per piece: the first under the item's heading and anchor, the others "continued".
 */
function itemBlocks(item: Item): PartBlock[] {
  return pairPieces(item.comment, item.response).map((piece) => ({
    group: 'items',
    anchors: piece.index === 0 ? [`item-${item.number}`] : [],
    render: () => itemPair(item, piece),
  }));
}

function itemPair(item: Item, { index: piece, comment, response }: PairPiece): SafeHtml {
  const id = piece === 0 ? `item-${item.number}` : `item-${item.number}-${piece + 1}`;
  return html`<article class="pair" id="${id}" aria-labelledby="${id}-title">
    <header>
      <h3 id="${id}-title">
        ${item.number}.${piece > 0 ? ' (continued)' : ''}${item.pageRef ? html` <span class="muted">page ${item.pageRef}</span>` : ''}
      </h3>
      ${piece === 0 && item.headings.length > 0 ? html`<div class="muted">${item.headings.join(' › ')}</div>` : ''}
      ${piece === 0 ? tagList(item.topics, item.authorities) : ''}
    </header>
    <div class="side-by-side">
      <div class="comment">
        <h4>Staff comment</h4>
        ${comment ? paragraphs(comment) : html`<p class="muted">${piece > 0 ? '(earlier in this item)' : 'not quoted'}</p>`}
      </div>
      <div class="response">
        <h4>Response</h4>
        ${response ? paragraphs(response) : html`<p class="muted">${piece > 0 ? '(earlier in this item)' : 'none in this letter'}</p>`}
      </div>
    </div>
  </article>`;
}
