import { TEMPLATE_PART_LIMITS, TemplateRefusedError, type TemplateRefusal } from './templateRefusals';
import type { TemplatePart } from './templateParts';

/**
 * Relationship types (the last segment of the Type URI) that pull in content from outside the text the team
 * wrote: a template Word fetches on opening (a UNC path leaks the user's Windows credentials to that host),
 * a document pasted in whole, embedded or linked programs, macros.
 */
const REFUSED_TYPES: Record<string, TemplateRefusal> = {
  attachedTemplate: 'attached_template',
  aFChunk: 'alt_chunk',
  oleObject: 'ole_object',
  package: 'ole_object',
  control: 'ole_object',
  activeXControlBinary: 'ole_object',
  vbaProject: 'macros',
  wordVbaData: 'macros',
  keyMapCustomizations: 'macros',
  subDocument: 'external_link',
  frame: 'external_link',
};

/** Elements that embed another document or a program object in the text. */
const REFUSED_ELEMENTS: [RegExp, TemplateRefusal][] = [
  [/<w:altChunk\b/, 'alt_chunk'],
  [/<(?:w:object|o:OLEObject|w:control)\b/, 'ole_object'],
];

/** Field codes that fetch a file, picture or program data when Word updates fields. */
const FETCHING_FIELD = /\b(?:INCLUDETEXT|INCLUDEPICTURE|LINK|DDE|DDEAUTO|IMPORT)\b/i;

/** A link the reader may click; anything else external is fetched by Word or points into the file system. */
const CLICKABLE = /^(?:https?:\/\/|mailto:)/i;

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(m[1]!, m[2] ?? m[3] ?? '');
  return found;
}

function checkRelationships(xml: string): void {
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = attributes(m[1]!);
    const type = (attrs.get('Type') ?? '').split('/').pop() ?? '';
    const refused = REFUSED_TYPES[type];
    if (refused) throw new TemplateRefusedError(refused);
    if (attrs.get('TargetMode')?.toLowerCase() !== 'external') continue;
    if (type === 'image') throw new TemplateRefusedError('external_image');
    if (type === 'hyperlink' && CLICKABLE.test((attrs.get('Target') ?? '').trim())) continue;
    throw new TemplateRefusedError('external_link');
  }
}

/** Field instructions of a part, in order: a code may be split over several runs. */
function fieldInstructions(xml: string): string {
  const pieces: string[] = [];
  for (const m of xml.matchAll(/<w:instrText\b[^>]*>([^<]*)/g)) pieces.push(m[1]!);
  for (const m of xml.matchAll(/\bw:instr\s*=\s*"([^"]*)"/g)) pieces.push(` ${m[1]!} `);
  return pieces.join('');
}

/**
 * Element nesting, counted in one pass over the text before any DOM parser builds a tree from it: deep
 * nesting makes tree-building parsers (and easy-template-x's recursion) slow and memory-hungry.
 */
export function xmlDepth(xml: string): number {
  let depth = 0;
  let deepest = 0;
  let at = xml.indexOf('<');
  while (at !== -1) {
    const next = xml[at + 1];
    const end = xml.indexOf('>', at);
    if (end === -1) break;
    if (next === '/') depth -= 1;
    else if (next !== '?' && next !== '!' && xml[end - 1] !== '/') {
      depth += 1;
      if (depth > deepest) deepest = depth;
    }
    at = xml.indexOf('<', end);
  }
  return deepest;
}

/**
 * Refuses a template that would make Word fetch or run anything from outside the document — or that is
 * built to exhaust the parser — before easy-template-x parses it.
 */
export function checkTemplateParts(parts: TemplatePart[]): void {
  for (const part of parts) {
    const lower = part.name.toLowerCase();
    if (lower.endsWith('vbaproject.bin') || lower.endsWith('vbadata.xml')) throw new TemplateRefusedError('macros');
    if (!/\.(xml|rels)$/.test(lower)) continue;
    const xml = part.data.toString('utf8');
    // Word never writes a DTD; one can declare entities that expand to gigabytes.
    if (/<!DOCTYPE/i.test(xml)) throw new TemplateRefusedError('unreadable');
    if (xmlDepth(xml) > TEMPLATE_PART_LIMITS.maxXmlDepth) throw new TemplateRefusedError('too_deep');
    if (lower === '[content_types].xml' && /macroEnabled/i.test(xml)) throw new TemplateRefusedError('macros');
    if (lower.endsWith('.rels')) {
      checkRelationships(xml);
      continue;
    }
    for (const [pattern, refusal] of REFUSED_ELEMENTS) if (pattern.test(xml)) throw new TemplateRefusedError(refusal);
    if (FETCHING_FIELD.test(fieldInstructions(xml))) throw new TemplateRefusedError('external_link');
  }
}
