import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findChartFont } from '../../electron/services/charts/chartFont';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A font folder with empty files of these names, in sub-folders as Linux sorts them. */
function fontFolder(files: Record<string, string[]>): string {
  const root = mkdtempSync(join(tmpdir(), 'ettervern-fonts-'));
  folders.push(root);
  for (const [sub, names] of Object.entries(files)) {
    mkdirSync(join(root, sub), { recursive: true });
    for (const name of names) writeFileSync(join(root, sub, name), '');
  }
  return root;
}

describe('the chart font, found once instead of every system font per chart', () => {
  it('takes the first family of the chart font list that is installed, regular and bold, in any letter case', () => {
    const root = fontFolder({ 'truetype/dejavu': ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf'], msttcore: ['arial.ttf', 'arialbd.ttf'] });
    expect(findChartFont([root])).toEqual({
      family: 'DejaVu Sans',
      files: [join(root, 'truetype/dejavu', 'DejaVuSans.ttf'), join(root, 'truetype/dejavu', 'DejaVuSans-Bold.ttf')],
    });
  });

  it('prefers Segoe UI, as Windows draws the charts, over the families after it', () => {
    const root = fontFolder({ '.': ['DejaVuSans.ttf', 'SEGOEUI.TTF', 'segoeuib.ttf'] });
    expect(findChartFont([root])?.family).toBe('Segoe UI');
  });

  it('uses the regular face alone when the bold one is missing', () => {
    const root = fontFolder({ '.': ['arial.ttf'] });
    expect(findChartFont([root])).toEqual({ family: 'Arial', files: [join(root, 'arial.ttf')] });
  });

  it('finds nothing, so every system font is loaded as before, when no family is installed or the folder is missing', () => {
    const root = fontFolder({ '.': ['LiberationSerif-Regular.ttf', 'DejaVuSans-Bold.ttf'] });
    expect(findChartFont([root, join(root, 'missing')])).toBeNull();
  });
});
