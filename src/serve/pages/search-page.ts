/** The search page: a GET form (query, topic, form, file number, dates) and hits with their matches marked. */
import { LETTER_FORMS, TOPICS } from '../../letter/schema.ts';
import type { SearchHit } from '../../store/document-store.ts';
import { html, type SafeHtml } from '../html.ts';
import type { ParsedQuery } from '../query-filters.ts';
import { layout, pageHref } from './layout.ts';

/** The store's snippet marks matches with [ and ]: escaped text, then the marks as <mark>. */
export function markedSnippet(snippet: string): SafeHtml {
  const parts = snippet.split(/(\[[^[\]\n]{1,200}\])/);
  return html`${parts.map((part) => (/^\[.*\]$/s.test(part) ? html`<mark>${part.slice(1, -1)}</mark>` : part))}`;
}

export function searchPage(
  query: ParsedQuery<'search'>,
  hits: readonly SearchHit[] | null,
  next: string | null,
): SafeHtml {
  const q = query.q ?? '';
  const nextHref = next === null ? null : `/search?${nextParams(query, next)}`;
  return layout(
    { title: q ? `Search: ${q}` : 'Search', query: q },
    html`<h1>Search letters</h1>
      <form class="filters" action="/search" method="get" role="search">
        <label for="q">Words or "phrases"<input id="q" type="search" name="q" value="${q}" /></label>
        <label for="topic"
          >Topic<select id="topic" name="topic">
            <option value="">any</option>
            ${TOPICS.map(
              (t) =>
                html`<option value="${t}" ${t === query.filter.topic ? ' selected' : ''}>
                  ${t.replace(/_/g, ' ')}
                </option>`,
            )}
          </select></label
        >
        <label for="form"
          >Form<select id="form" name="form">
            <option value="">any</option>
            ${LETTER_FORMS.map(
              (f) => html`<option value="${f}" ${query.filter.forms?.includes(f) ? ' selected' : ''}>${f}</option>`,
            )}
          </select></label
        >
        <label for="fileNumber"
          >File number<input id="fileNumber" name="fileNumber" value="${query.filter.fileNumber ?? ''}" size="12"
        /></label>
        <label for="since"
          >Since<input id="since" type="date" name="since" value="${query.filter.since ?? ''}"
        /></label>
        <label for="until"
          >Until<input id="until" type="date" name="until" value="${query.filter.until ?? ''}"
        /></label>
        <button type="submit">Search</button>
      </form>
      ${hits === null ? html`<p class="muted">Type words or "quoted phrases"; every word must match.</p>` : results(hits)}
      ${nextHref ? html`<p><a href="${nextHref}" rel="next">Next results</a></p>` : ''}`,
  );
}

function results(hits: readonly SearchHit[]): SafeHtml {
  if (hits.length === 0) return html`<p>No letter matches.</p>`;
  return html`<ol class="hits">
    ${hits.map(
      (hit) =>
        html`<li class="hit">
          <a href="${pageHref('letters', hit.accessionNumber)}"
            >${hit.companyName}: ${hit.form} ${hit.accessionNumber}</a
          >
          <span class="muted">· ${hit.letterDate ?? hit.filingDate}</span><br />${markedSnippet(hit.snippet)}
        </li>`,
    )}
  </ol>`;
}

function nextParams(query: ParsedQuery<'search'>, cursor: string): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string | undefined) => value && params.set(name, value);
  set('q', query.q);
  set('topic', query.filter.topic);
  set('form', query.filter.forms?.join(','));
  set('fileNumber', query.filter.fileNumber);
  set('since', query.filter.since);
  set('until', query.filter.until);
  params.set('cursor', cursor);
  return params.toString();
}
