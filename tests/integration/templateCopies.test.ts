import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTemplateCopy, removeTemplateCopies, removeWhenClosed } from '../../electron/services/documents/templateCopies';

/** The temp folders «Åpne i Word» leaves, in a private stand-in for the system temp folder. */
let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'ettervern-kopier-test-'));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const anHourAgo = () => new Date(Date.now() - 60 * 60_000);

function leftCopy(name: string, files: string[] = ['Avslutningsrapport (versjon 2).docx']): string {
  const folder = join(temp, name);
  mkdirSync(folder);
  for (const file of files) writeFileSync(join(folder, file), 'mal');
  utimesSync(folder, anHourAgo(), anHourAgo());
  return folder;
}

describe('copies left by earlier sessions', () => {
  it('are removed at start, except one Word still has open, one just made, and anything that is not ours', () => {
    const old = leftCopy('ettervern-mal-gammel');
    const open = leftCopy('ettervern-mal-apen', ['Avslutningsrapport (versjon 2).docx', '~$slutningsrapport (versjon 2).docx']);
    const fresh = dirname(createTemplateCopy('Evalueringsskjema (versjon 1).docx', Buffer.from('mal'), temp));
    const other = leftCopy('annet-program-mal');
    const target = leftCopy('utenfor');
    symlinkSync(target, join(temp, 'ettervern-mal-lenke'));

    expect(removeTemplateCopies(temp)).toEqual({ removed: 1, kept: 2 });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(open)).toBe(true);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(readFileSync(join(target, 'Avslutningsrapport (versjon 2).docx'), 'utf8')).toBe('mal');
  });
});

describe('a copy opened in Word', () => {
  it('is written into a new folder of its own, readable only by the user', () => {
    const path = createTemplateCopy('Mal.docx', Buffer.from('innhold'), temp);
    expect(dirname(path)).toMatch(/[\\/]ettervern-mal-[^\\/]+$/);
    expect(readFileSync(path, 'utf8')).toBe('innhold');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('is removed when Word closes it: the owner file appears and goes', async () => {
    const path = createTemplateCopy('Mal.docx', Buffer.from('innhold'), temp);
    const owner = join(dirname(path), '~$Mal.docx');
    const watch = removeWhenClosed(path, { intervalMs: 20, giveUpMs: 60_000 });
    try {
      await wait(60);
      expect(existsSync(path)).toBe(true);
      writeFileSync(owner, 'word');
      await wait(100);
      expect(existsSync(path)).toBe(true);
      unlinkSync(owner);
      await wait(150);
      expect(existsSync(dirname(path))).toBe(false);
    } finally {
      watch.stop();
    }
  });

  it('is left for the next start when no program ever takes a lock on it', async () => {
    const path = createTemplateCopy('Mal.docx', Buffer.from('innhold'), temp);
    removeWhenClosed(path, { intervalMs: 20, giveUpMs: 50 });
    await wait(200);
    expect(existsSync(path)).toBe(true);
    utimesSync(dirname(path), anHourAgo(), anHourAgo());
    expect(removeTemplateCopies(temp)).toEqual({ removed: 1, kept: 0 });
  });
});
