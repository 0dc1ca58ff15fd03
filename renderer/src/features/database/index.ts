export { DatabaseBanner } from './DatabaseBanner';
export { DatabasePage } from './DatabasePage';
export { OpenSharedDatabaseLink } from './OpenSharedDatabaseLink';
export { PresenceIndicator } from './PresenceIndicator';
export { useDatabaseWatch } from './useDatabaseWatch';
