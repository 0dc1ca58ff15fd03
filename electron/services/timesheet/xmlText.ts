/**
 * The few pieces of XML reading the workbook parts need, over a string. The parts were inflated by the zip
 * guard (sizes counted, nothing read past its limit), and SpreadsheetML is flat and regular: no DTDs are
 * honoured (so no entity expansion), only the five named entities and numeric character references.
 */
const NAMED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, name: string) => {
    if (name[0] !== '#') return NAMED.get(name) ?? whole;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The value of attribute `name` in a start tag's text (`<c r="A1" t="s">`), unescaped; null when absent. */
export function attribute(tag: string, name: string): string | null {
  let at = tag.indexOf(` ${name}=`);
  if (at < 0) return null;
  at += name.length + 2;
  const quote = tag[at];
  if (quote !== '"' && quote !== "'") return null;
  const end = tag.indexOf(quote, at + 1);
  return end < 0 ? null : unescapeXml(tag.slice(at + 1, end));
}

/** Calls `visit` with each start tag named `name` (its text) and the element's inner text ('' when empty). */
export function forEachElement(xml: string, name: string, visit: (tag: string, inner: string) => void, from = 0, to = xml.length): void {
  const open = `<${name}`;
  const close = `</${name}>`;
  let at = xml.indexOf(open, from);
  while (at >= 0 && at < to) {
    const next = xml.charCodeAt(at + open.length);
    // `<si` must not match `<sheet`; only whitespace, `>` or `/` may follow the name.
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x09 && next !== 0x0a && next !== 0x0d) {
      at = xml.indexOf(open, at + 1);
      continue;
    }
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) return;
    const tag = xml.slice(at, tagEnd + 1);
    if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
      visit(tag, '');
      at = xml.indexOf(open, tagEnd);
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) return;
    visit(tag, xml.slice(tagEnd + 1, end));
    at = xml.indexOf(open, end + close.length);
  }
}

/** The text of every `<t>` in a shared string or inline string, run after run; phonetic runs (`<rPh>`) skipped. */
export function runText(inner: string): string {
  const plain = inner.includes('<rPh') ? inner.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, '') : inner;
  let text = '';
  forEachElement(plain, 't', (_tag, body) => (text += body));
  return unescapeXml(text);
}
