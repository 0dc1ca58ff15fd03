import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The font files of each family in CHART_FONT_FAMILY, in its order, by the names the systems install them
 * under (lower case): regular first, then bold (axis names and titles are bold).
 */
const FAMILIES: readonly { family: string; files: readonly [string, string] }[] = [
  { family: 'Segoe UI', files: ['segoeui.ttf', 'segoeuib.ttf'] },
  { family: 'DejaVu Sans', files: ['dejavusans.ttf', 'dejavusans-bold.ttf'] },
  { family: 'Arial', files: ['arial.ttf', 'arialbd.ttf'] },
];

/** Font folders fonts are installed in, per system (user folders too); fontconfig's own list is not asked for. */
function fontFolders(): string[] {
  const home = homedir();
  if (process.platform === 'win32') {
    return [
      join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts'),
      ...(process.env.LOCALAPPDATA ? [join(process.env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : []),
    ];
  }
  if (process.platform === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts', join(home, 'Library', 'Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(home, '.local', 'share', 'fonts'), join(home, '.fonts')];
}

/** Every font file under the folders (a few levels down, as Linux sorts them by foundry), by lower-case name. */
function installedFontFiles(folders: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (folder: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // A folder that is not there, or not readable, holds no fonts for us.
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth < 4) walk(path, depth + 1);
      else if (!found.has(entry.name.toLowerCase())) found.set(entry.name.toLowerCase(), path);
    }
  };
  for (const folder of folders) walk(folder, 0);
  return found;
}

export interface ChartFont {
  family: string;
  files: string[];
}

/** The first of the chart's families that is installed, with its files; null when none is. */
export function findChartFont(folders: readonly string[] = fontFolders()): ChartFont | null {
  const installed = installedFontFiles(folders);
  for (const { family, files } of FAMILIES) {
    const regular = installed.get(files[0]);
    if (!regular) continue;
    const bold = installed.get(files[1]);
    return { family, files: bold ? [regular, bold] : [regular] };
  }
  return null;
}

let cached: ChartFont | null | undefined;

/**
 * The chart font, looked for once per process. resvg otherwise reads and parses every installed font for
 * every chart (hundreds on a Windows PC) to draw with one family.
 */
export function chartFont(): ChartFont | null {
  if (cached === undefined) cached = findChartFont();
  return cached;
}
