import { useEffect, useId, useRef } from 'react';

/**
 * A picked file that was refused, said at the button that picks it: the button is described by the
 * message and gets the focus back (the file dialog took it), so a screen reader reads the refusal where
 * the member acts next. `refusal` is the message shown, or null.
 */
export function useFileRefusal(refusal: unknown) {
  const messageId = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refusal) button.current?.focus();
  }, [refusal]);
  return { messageId, buttonProps: { ref: button, 'aria-describedby': refusal ? messageId : undefined } };
}
