import { useRef } from 'react';

/**
 * The version of a record as it was when the user began editing it (a dialog opened, a row went into
 * edit mode), which is what a save must send: the page's data may refresh while the user types (other
 * PCs' changes show up by themselves), and sending the refreshed version would overwrite a colleague's
 * save unseen. After a refusal for a newer save (`stale`), the form follows the stored version again, so
 * that saving once more, after «Last inn på nytt», is the user's informed choice.
 *
 * Inline forms (no dialog to open) follow the stored version until the user changes a field (`touch`
 * takes it then), and again after their own save (`saved`): other sections of the same page raise the
 * record's version too, and an untouched form must not be refused for them.
 */
export function useEditedVersion(current: number, stale: boolean): { begin: () => void; version: () => number; touch: () => void; saved: () => void } {
  const edited = useRef(current);
  const latest = useRef(current);
  const following = useRef(true);
  latest.current = current;
  if (stale || following.current) edited.current = current;
  return {
    begin: () => {
      edited.current = latest.current;
      following.current = false;
    },
    version: () => edited.current,
    touch: () => {
      if (!following.current) return;
      edited.current = latest.current;
      following.current = false;
    },
    saved: () => {
      following.current = true;
    },
  };
}
