import type { ServiceContext } from '../context';
import { ServiceError } from '../errors/serviceError';

/**
 * «Velg mappe…» and «Velg fil…»: the system's own dialog, opened by electron/main through the desktop
 * port (the services never import Electron). Null when the user cancelled. Where there is no desktop
 * (the command line, a browser test) the user is told to type the path instead.
 */
export async function chooseFolder(ctx: ServiceContext): Promise<{ path: string | null }> {
  const desktop = ctx.desktop;
  if (!desktop?.chooseFolder) throw noDialog();
  return { path: await desktop.chooseFolder() };
}

export async function chooseFile(ctx: ServiceContext): Promise<{ path: string | null }> {
  const desktop = ctx.desktop;
  if (!desktop?.chooseFile) throw noDialog();
  return { path: await desktop.chooseFile() };
}

function noDialog(): ServiceError {
  return new ServiceError('not_found', 'Her kan ikke Ettervern åpne en mappe- eller filvelger. Skriv inn stien i feltet.');
}
