import { fileURLToPath } from 'node:url';

/** The command line runs from the repository (tsx), so the shipped templates are in its resources/ folder. */
export const CLI_RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url));
