/**
 * What a StepDialog that edits a saved record takes from its form's submit and its version tracking: the
 * refusal to show, whether it was a colleague's newer save, and — as the dialog opens — the version the
 * edit starts from (then `load`, which fills the form with the record's current values, if it has one).
 */
export function stepDialogProps(
  step: { message: string | null; stale: boolean },
  edited: { begin: () => void },
  load?: () => void,
): { message: string | null; stale: boolean; onOpen: () => void } {
  return {
    message: step.message,
    stale: step.stale,
    onOpen: () => {
      edited.begin();
      load?.();
    },
  };
}
