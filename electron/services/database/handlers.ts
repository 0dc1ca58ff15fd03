import type { HandlersFor } from '../context';
import { chooseFile, chooseFolder } from './choosePath';
import { databaseChanges, databaseInfo } from './info';
import { databasePresence } from './presence';
import { openSharedDatabase, shareDatabase } from './share';

/** Which file this PC uses, what others do in it, and moving the team onto one shared file. */
export const databaseHandlers: HandlersFor<'database'> = {
  'database:info': databaseInfo,
  'database:changes': databaseChanges,
  'database:presence': databasePresence,
  'database:share': shareDatabase,
  'database:open-shared': openSharedDatabase,
  'database:choose-folder': chooseFolder,
  'database:choose-file': chooseFile,
};
