/**
 * The EDGAR client port. All EDGAR traffic goes through one EdgarClient per process: declared User-Agent,
 * gzip, timeouts, bounded retries with jitter, the rate-limit page turned into a limiter pause, and an
 * allow-list of hosts (only the configured EDGAR bases). Errors are the typed EdgarRequestError classes
 * of ../errors.ts.
 */

export interface EdgarResponse {
  readonly url: string;
  /** 200, or 304 when a conditional GET found the resource unchanged. */
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, decompressed; empty on 304. */
  readonly body: Buffer;
  readonly notModified: boolean;
}

export interface GetOptions {
  /** Conditional GET (Archives send ETag/Last-Modified): a 304 answer returns `notModified: true`. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly signal?: AbortSignal;
  /** Refuse bodies larger than this many bytes (EdgarBadResponseError). */
  readonly maxBytes?: number;
}

export interface EdgarClient {
  /** GET one EDGAR URL, paced by the fair-access limiter, retried on transient failures. */
  get(url: string, options?: GetOptions): Promise<EdgarResponse>;
  /** GET and parse JSON (EdgarBadResponseError when it is not JSON). */
  getJson(url: string, options?: GetOptions): Promise<unknown>;
  /** GET and decode as UTF-8 text. */
  getText(url: string, options?: GetOptions): Promise<string>;
  /** Closes the connection pool the client owns. */
  close(): Promise<void>;
}
