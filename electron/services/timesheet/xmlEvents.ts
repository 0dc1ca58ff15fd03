import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';

export interface XmlHandlers {
  /** An element's start; `name` without its namespace prefix, attributes by their names as written. */
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  /** Text inside an element, entities already resolved. */
  text?(text: string): void;
  close?(name: string): void;
}

/** Bytes decoded per write: the whole sheet is never held as one JavaScript string. */
const CHUNK_BYTES = 1024 * 1024;

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Runs one XML part through saxes (a maintained, streaming, well-formedness-checking parser). saxes
 * expands only the five predefined entities and character references: a DTD is skipped, so entity
 * expansion bombs and external entities cannot happen. Malformed XML throws. Attribute objects are
 * saxes's own prototype-less objects, so names from the file never reach an object prototype.
 */
export function parseXml(bytes: Buffer, handlers: XmlHandlers): void {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('error', (error) => {
    throw error;
  });
  const { open, text, close } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes));
  if (text) parser.on('text', text);
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  const decoder = new StringDecoder('utf8');
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) parser.write(decoder.write(bytes.subarray(at, at + CHUNK_BYTES)));
  parser.write(decoder.end());
  parser.close();
}
