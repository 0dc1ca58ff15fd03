import { useRef } from 'react';

/**
 * The version of a record as it was when the user began editing it (a dialog opened, a row went into
 * edit mode), which is what a save must send: the page's data may refresh while the user types (other
 * PCs' changes show up by themselves), and sending the refreshed version would overwrite a colleague's
 * save unseen. After a refusal for a newer save (`stale`), the form follows the stored version again, so
 * that saving once more, after «Last inn på nytt», is the user's informed choice.
 *
 * Inline forms (no dialog to open) hold the version of the page they were filled from; after their own
 * save (`saved`) they show what was stored, so they follow the stored version until the user changes a
 * field again (`touch`).
 */
export function useEditedVersion(current: number, stale: boolean): { begin: () => void; version: () => number; touch: () => void; saved: () => void } {
  const edited = useRef(current);
  const latest = useRef(current);
  const following = useRef(false);
  latest.current = current;
  if (stale || following.current) edited.current = current;
  return {
    begin: () => {
      edited.current = latest.current;
      following.current = false;
    },
    version: () => edited.current,
    touch: () => {
      following.current = false;
    },
    saved: () => {
      following.current = true;
    },
  };
}
