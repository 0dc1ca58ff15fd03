export { TimeEntriesPage } from './TimeEntriesPage';
