import JSZip from 'jszip';

/**
 * The same .docx with its text changed the way a person editing in Word would change it (body, header and
 * footer alike), zipped again: what «Erstatt med redigert fil …» receives.
 */
export async function editDocx(docx: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  for (const name of Object.keys(zip.files).filter((n) => /^word\/[^/]+\.xml$/.test(n))) {
    zip.file(name, edit(await zip.file(name)!.async('string')));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
