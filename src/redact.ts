/**
 * The one place that takes secrets out of URLs before they are printed or logged (STORE_URL, REDIS_URL, any URL
 * in an error message or a log line). Built for what people type, not for valid URLs only: a password holding
 * `/`, `@`, `:`, `?` or `#` unescaped breaks URL parsing (the WHATWG parser would take part of it for the host
 * or the path), so credentials are cut by hand: everything between `scheme://` and the LAST `@` is user info,
 * and everything after its first `:` is the password. When the last `@` sits in the query, more than the
 * password is hidden; hiding too much is the safe side. Query parameters that carry secrets (`password=`,
 * `token=`...) are hidden too.
 */

const MASK = '***';
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([\s\S]*)$/;
/** Query parameters libpq, ioredis and friends read credentials from. */
const SECRET_PARAM = /pass|pwd|secret|token|auth|key/i;
/** URLs inside free text: a scheme, `://`, then anything up to whitespace or a quote. */
const URL_IN_TEXT = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>`]+/g;

/** `value` with the password of its user info and its secret query parameters replaced by ***. */
export function redactUrl(value: string): string {
  const match = SCHEME.exec(value);
  if (!match) return value;
  const [, scheme, rest] = match as unknown as [string, string, string];
  const at = rest.lastIndexOf('@');
  let userInfo = '';
  let location = rest;
  if (at >= 0) {
    const user = rest.slice(0, at);
    const colon = user.indexOf(':');
    userInfo = `${colon >= 0 ? `${user.slice(0, colon)}:${MASK}` : user}@`;
    location = rest.slice(at + 1);
  }
  return `${scheme}${userInfo}${redactQuery(location)}`;
}

function redactQuery(location: string): string {
  const question = location.indexOf('?');
  if (question < 0) return location;
  const hash = location.indexOf('#', question);
  const query = location.slice(question + 1, hash < 0 ? undefined : hash);
  const redacted = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals > 0 && SECRET_PARAM.test(pair.slice(0, equals)) ? `${pair.slice(0, equals)}=${MASK}` : pair;
    })
    .join('&');
  return `${location.slice(0, question + 1)}${redacted}${hash < 0 ? '' : location.slice(hash)}`;
}

/**
 * Whether the user info of `value` holds `/`, `?`, `#` or `@` unescaped: URL parsers then read part of the
 * password as the host or the path (and print it in their errors). Such a URL is refused with a hint to
 * percent-encode them.
 */
export function hasUnescapedUserInfo(value: string): boolean {
  const match = SCHEME.exec(value);
  if (!match) return false;
  const rest = match[2]!;
  const at = rest.lastIndexOf('@');
  return at >= 0 && /[/?#@]/.test(rest.slice(0, at));
}

/** Free text (an error message, a stack, a log line) with every URL in it redacted. */
export function redactUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => redactUrl(url));
}
