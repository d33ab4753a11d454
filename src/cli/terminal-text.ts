/**
 * Text from letters on its way to a terminal. Letters are outside input: an ESC in a company name or a letter
 * could recolour, retitle or rewrite the terminal (and some terminals answer escape sequences with input), a
 * BEL rings, a NUL or CR hides what precedes it. Every C0 control but newline and tab, DEL and every C1 control
 * is shown as a visible `\xNN` instead. For human-readable output only: JSONL export is data, exact and already
 * escaped by JSON.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
