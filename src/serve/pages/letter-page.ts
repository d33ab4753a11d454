/**
 * One letter: its facts, its numbered items (comment beside response), its whole text, links out; a long
 * letter in parts (page-parts.ts).
 */
import type { Letter, Item } from '../../letter/schema.ts';
import { html, paragraphs, type SafeHtml } from '../html.ts';
import { humanKind, layout, pageHref, secFilingHref, tagList } from './layout.ts';
import { renderPart, type PartBlock } from './page-parts.ts';

/** Characters of the whole text per block: the granularity at which a long text is split into parts. */
const TEXT_BLOCK_CHARS = 8 * 1024;

/** Part `part` of the letter's page, or null when it has fewer parts. */
export function letterPage(letter: Letter, part = 1): SafeHtml | null {
  const blocks: PartBlock[] = [
    ...letter.items.map((item) => ({
      group: 'items',
      anchors: [`item-${item.number}`],
      render: () => itemPair(item),
    })),
    ...textBlocks(letter.text).map((text) => ({ group: 'text', anchors: [], render: () => html`${text}` })),
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

/**
 * The text in blocks of about TEXT_BLOCK_CHARS, cut after a newline where there is one, so that the blocks
 * joined are the text again.
 */
export function textBlocks(text: string, size = TEXT_BLOCK_CHARS): string[] {
  const blocks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end - 1);
      if (newline >= start) end = newline + 1;
    }
    blocks.push(text.slice(start, end));
    start = end;
  }
  return blocks;
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

function itemPair(item: Item): SafeHtml {
  return html`<article class="pair" id="item-${item.number}" aria-labelledby="item-${item.number}-title">
    <header>
      <h3 id="item-${item.number}-title">
        ${item.number}.${item.pageRef ? html` <span class="muted">page ${item.pageRef}</span>` : ''}
      </h3>
      ${item.headings.length > 0 ? html`<div class="muted">${item.headings.join(' › ')}</div>` : ''}
      ${tagList(item.topics, item.authorities)}
    </header>
    <div class="side-by-side">
      <div class="comment">
        <h4>Staff comment</h4>
        ${item.comment ? paragraphs(item.comment) : html`<p class="muted">not quoted</p>`}
      </div>
      <div class="response">
        <h4>Response</h4>
        ${item.response ? paragraphs(item.response) : html`<p class="muted">none in this letter</p>`}
      </div>
    </div>
  </article>`;
}
