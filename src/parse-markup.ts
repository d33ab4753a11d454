/**
 * HTML and XML -> a domhandler Document, exactly as cheerio's `load` builds it with htmlparser2 (HTML letters,
 * Atom feeds), but in linear time on deeply nested input. htmlparser2 keeps its open elements with the
 * innermost first and adds each with `Array.prototype.unshift`, which moves the whole stack: 500,000 unclosed
 * `<b>` tags (2 MB) never finish, and each closing tag that matches nothing scans the stack. The parser's two
 * stacks are replaced by one that keeps the innermost last and counts the names it holds, behind the same
 * array operations (`unshift`, `shift`, `indexOf`, `[i]` from the innermost, `length`). Pure.
 */
import { DomHandler, type Document } from 'domhandler';
import { Parser } from 'htmlparser2';

/** The array operations htmlparser2's Parser performs on its stacks, innermost element at index 0. */
class InnermostFirst<T> {
  /** Outermost first, so that entering and leaving an element touch the end only. */
  readonly items: T[] = [];
  private readonly counts = new Map<T, number>();

  unshift(item: T): number {
    this.items.push(item);
    this.counts.set(item, (this.counts.get(item) ?? 0) + 1);
    return this.items.length;
  }

  shift(): T | undefined {
    if (this.items.length === 0) return undefined;
    const item = this.items.pop()!;
    const count = this.counts.get(item)! - 1;
    if (count === 0) this.counts.delete(item);
    else this.counts.set(item, count);
    return item;
  }

  indexOf(item: T): number {
    // Absent names are answered at once; a present one is found from the innermost end, and the parser then
    // closes every element down to it, so the scan is paid for by the elements it closes.
    if (!this.counts.has(item)) return -1;
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i] === item) return this.items.length - 1 - i;
    return -1;
  }

  clear(): void {
    this.items.length = 0;
    this.counts.clear();
  }
}

/** An array-like view of an InnermostFirst stack: what the Parser reads and writes, nothing more. */
function innermostFirstArray<T>(initial: readonly T[]): unknown {
  const stack = new InnermostFirst<T>();
  for (let i = initial.length - 1; i >= 0; i--) stack.unshift(initial[i]!);
  return new Proxy(stack, {
    get(target, property) {
      if (property === 'length') return target.items.length;
      if (property === 'unshift') return (item: T) => target.unshift(item);
      if (property === 'shift') return () => target.shift();
      if (property === 'indexOf') return (item: T) => target.indexOf(item);
      if (typeof property === 'string' && /^\d+$/.test(property)) {
        return target.items[target.items.length - 1 - Number(property)];
      }
      throw new Error(`parse-markup: htmlparser2 used its stack in an unexpected way (${String(property)})`);
    },
    set(target, property, value) {
      if (property === 'length' && value === 0) {
        target.clear();
        return true;
      }
      throw new Error(`parse-markup: htmlparser2 set its stack in an unexpected way (${String(property)})`);
    },
  });
}

/** Parses HTML (default) or XML into a Document, with cheerio's defaults (entities decoded, tag names lower-cased in HTML). */
export function parseMarkup(text: string, options: { xml?: boolean } = {}): Document {
  const parserOptions = options.xml ? { xmlMode: true } : {};
  const handler = new DomHandler(undefined, parserOptions);
  const parser = new Parser(handler, parserOptions);
  const internals = parser as unknown as { stack: unknown; foreignContext: unknown };
  internals.stack = innermostFirstArray(internals.stack as string[]);
  internals.foreignContext = innermostFirstArray(internals.foreignContext as boolean[]);
  parser.end(text);
  return handler.root;
}
