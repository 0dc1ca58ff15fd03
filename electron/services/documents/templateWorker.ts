import { parentPort, workerData } from 'node:worker_threads';
import JSZip from 'jszip';
import { templateTags } from './templateFill';
import { readTemplateParts } from './templateParts';
import { TemplateRefusedError } from './templateRefusals';
import { checkTemplateParts } from './templateSafety';
import type { TemplateCheckMessage, TemplateCheckRequest } from './templateCheckMessages';
import { WORKER_READY } from '../workers/runWorker';

/**
 * Checks one uploaded template off the main thread, with a capped heap and a time limit set by its owner:
 * unpack with counted bytes, refuse what reaches outside the document, rebuild the .docx from the checked
 * parts only, and read its placeholders from that rebuilt file. Posts codes and placeholder names, never
 * the file's text.
 */
const port = parentPort;
if (!port) throw new Error('Kjøres som worker');

async function check(request: TemplateCheckRequest): Promise<TemplateCheckMessage> {
  try {
    const parts = await readTemplateParts(Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength));
    checkTemplateParts(parts);
    const rebuilt = new JSZip();
    // No folder entries of its own: the rebuilt file holds exactly the checked parts.
    for (const part of parts) rebuilt.file(part.name, part.data, { createFolders: false });
    const content = await rebuilt.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    let names: string[];
    try {
      names = (await templateTags(content)).map((tag) => tag.name.trim());
    } catch (error) {
      return { type: 'unparsable', errorName: error instanceof Error ? error.constructor.name : '' };
    }
    return { type: 'checked', names, content: new Uint8Array(content.buffer, content.byteOffset, content.byteLength) };
  } catch (error) {
    return { type: 'refused', refusal: error instanceof TemplateRefusedError ? error.refusal : 'unreadable' };
  }
}

// The request comes as workerData: it is there before this module runs, however long loading takes.
port.postMessage(WORKER_READY);
void check(workerData as TemplateCheckRequest).then((message) => port.postMessage(message));
