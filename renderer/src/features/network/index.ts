export { NetworkPage } from './NetworkPage';
