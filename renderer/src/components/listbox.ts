/**
 * Name for the open list of a Fluent Dropdown/Combobox. Fluent would label the list with the field's own
 * label, so «Kommune» would name two elements (the box and its list) and finding the field by its label
 * would become ambiguous. Focus stays in the box while the list is open, so screen readers announce
 * the field's label anyway.
 */
export const LISTBOX_SLOT = { 'aria-label': 'Valg' } as const;
