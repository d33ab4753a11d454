/** The page frame every viewer page shares: skip link, site header with search, main, no script anywhere. */
import { html, safeHref, type HtmlValue, type SafeHtml } from '../html.ts';
import { accessionFolder } from '../../identifiers.ts';

export interface LayoutOptions {
  readonly title: string;
  readonly query?: string;
}

export function layout(options: LayoutOptions, body: HtmlValue): SafeHtml {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · edgar-corresp</title>
        <link rel="stylesheet" href="/assets/style.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <a class="brand" href="/">edgar-corresp</a>
          <nav aria-label="Site">
            <a href="/">Overview</a> · <a href="/search">Search</a> · <a href="/api/openapi.json">API</a>
          </nav>
          <form action="/search" method="get" role="search">
            <label for="site-q" class="skip">Search letters</label>
            <input id="site-q" type="search" name="q" value="${options.query ?? ''}" placeholder="Search letters" />
            <button type="submit">Search</button>
          </form>
        </header>
        <main id="main">${body}</main>
      </body>
    </html>`;
}

/** A link to a page of ours; parts are URL-encoded (thread ids may hold "/"). */
export function pageHref(kind: 'reviews' | 'letters' | 'companies' | 'file-numbers', id: string): string {
  return `/${kind}/${encodeURIComponent(id)}`;
}

/** The filing's index page on sec.gov. */
export function secFilingHref(cik: string, accession: string): string {
  return safeHref(
    `https://www.sec.gov/Archives/edgar/data/${cik}/${accessionFolder(accession)}/${accession}-index.htm`,
  );
}

export function tagList(topics: readonly string[], authorities: readonly string[]): SafeHtml {
  if (topics.length === 0 && authorities.length === 0) return html``;
  return html`<ul class="tags" aria-label="Topics and authorities">
    ${topics.map(
      (t) => html`<li class="tag topic">${t}</li>`,
    )}${authorities.map((a) => html`<li class="tag authority">${a}</li>`)}
  </ul>`;
}

export function humanKind(kind: string): string {
  return kind.replace(/_/g, ' ');
}
