import { useRef } from 'react';

/**
 * The version of a record as it was when the user began editing it (a dialog opened, a row went into
 * edit mode), which is what a save must send: the page's data may refresh while the user types (other
 * PCs' changes show up by themselves), and sending the refreshed version would overwrite a colleague's
 * save unseen. After a refusal for a newer save (`stale`), the form follows the stored version again, so
 * that saving once more, after «Last inn på nytt», is the user's informed choice.
 */
export function useEditedVersion(current: number, stale: boolean): { begin: () => void; version: () => number } {
  const edited = useRef(current);
  const latest = useRef(current);
  latest.current = current;
  if (stale) edited.current = current;
  return {
    begin: () => {
      edited.current = latest.current;
    },
    version: () => edited.current,
  };
}
