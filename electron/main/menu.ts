import type { MenuItemConstructorOptions } from 'electron';

/**
 * A short Norwegian menu. Developer tools and reload exist only while developing: in the installed app
 * they would let anyone at the PC run code with the page's access to the database.
 */
export function applicationMenuTemplate(options: { isPackaged: boolean; platform: string }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Vanlig størrelse' },
    { role: 'zoomIn', label: 'Større tekst' },
    { role: 'zoomOut', label: 'Mindre tekst' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Fullskjerm' },
  ];
  if (!options.isPackaged)
    view.push({ type: 'separator' }, { role: 'reload', label: 'Last inn på nytt' }, { role: 'toggleDevTools', label: 'Utviklerverktøy' });
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'Fil', submenu: [{ role: options.platform === 'darwin' ? 'close' : 'quit', label: 'Avslutt' }] },
    {
      label: 'Rediger',
      submenu: [
        { role: 'undo', label: 'Angre' },
        { role: 'redo', label: 'Gjør om' },
        { type: 'separator' },
        { role: 'cut', label: 'Klipp ut' },
        { role: 'copy', label: 'Kopier' },
        { role: 'paste', label: 'Lim inn' },
        { role: 'selectAll', label: 'Merk alt' },
      ],
    },
    { label: 'Vis', submenu: view },
  ];
}
