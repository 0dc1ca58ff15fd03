/**
 * A process of its own that remembers a check of one database file, as a command-line run does:
 * `good-and-open` marks a good check and an open, then ends without closing (a killed command);
 * `open-and-wait` marks an open and keeps running until it is killed (a colleague command at work).
 * Usage: node --import tsx checkHistoryChild.ts <folder> <database path> <mode> <good check ISO time>
 */
import { createCheckHistory } from '../../electron/db/checkPlan';

const [folder, databasePath, mode, goodAt] = process.argv.slice(2);
const history = createCheckHistory(folder!, databasePath!);
if (mode === 'good-and-open') history.checkedGood(new Date(goodAt!));
history.opened();
if (mode === 'open-and-wait') {
  process.stdout.write('opened\n');
  setInterval(() => {}, 60_000);
}
