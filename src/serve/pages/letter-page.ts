/** One letter: its facts, its numbered items (comment beside response), its whole text, links out. */
import type { Letter } from '../../letter/schema.ts';
import { html, paragraphs, type SafeHtml } from '../html.ts';
import { humanKind, layout, pageHref, secFilingHref, tagList } from './layout.ts';

export function letterPage(letter: Letter): SafeHtml {
  const who = letter.sender === 'sec' ? 'SEC staff' : letter.companyName;
  return layout(
    { title: `${letter.form} ${letter.accessionNumber}` },
    html`<h1>${letter.form} ${letter.accessionNumber}: ${humanKind(letter.kind)}</h1>
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
      </dl>
      ${
        letter.items.length > 0
          ? html`<h2>Numbered items</h2>
              ${letter.items.map(
                (item) =>
                  html`<article class="pair" id="item-${item.number}" aria-labelledby="item-${item.number}-title">
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
                  </article>`,
              )}`
          : ''
      }
      <h2>Text</h2>
      <pre class="text">${letter.text}</pre>`,
  );
}
