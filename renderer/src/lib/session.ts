import { useApiQuery } from './query';

/**
 * Who is signed in. Lives in lib, not in the session feature, because every feature needs the
 * member (default staff and participants) and features never import each other.
 */
export function useSession() {
  return useApiQuery('session:get-current', {});
}

export function useCurrentMember() {
  return useSession().data?.member ?? null;
}
