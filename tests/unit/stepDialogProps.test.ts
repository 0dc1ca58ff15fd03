import { describe, expect, it } from 'vitest';
import { stepDialogProps } from '../../renderer/src/components/stepDialogProps';

describe('stepDialogProps', () => {
  it("passes the form's refusal on and, as the dialog opens, takes the version before loading the record's values", () => {
    const calls: string[] = [];
    const props = stepDialogProps({ message: 'Noen andre har endret saken.', stale: true }, { begin: () => calls.push('begin') }, () => calls.push('load'));
    expect(props).toMatchObject({ message: 'Noen andre har endret saken.', stale: true });
    props.onOpen();
    expect(calls).toEqual(['begin', 'load']);
  });

  it('only takes the version when there is nothing to load', () => {
    const calls: string[] = [];
    stepDialogProps({ message: null, stale: false }, { begin: () => calls.push('begin') }).onOpen();
    expect(calls).toEqual(['begin']);
  });
});
