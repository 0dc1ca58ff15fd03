import type { ChannelInput, ChannelName, Contract } from './index';

/** The field names of a value at any depth: an object's keys, and those of the objects and arrays inside it. */
type FieldNames<T> = T extends readonly (infer Item)[]
  ? FieldNames<Item>
  : T extends object
    ? { [K in keyof T & string]-?: K | FieldNames<NonNullable<T[K]>> }[keyof T & string]
    : never;

/** What the contract lets a channel's audit rows name beyond its input: fields the write sets itself. */
type AlsoAudited<C extends ChannelName> = Contract[C] extends { readonly __alsoAudited?: infer Extra } ? Exclude<Extra, undefined> : never;

/**
 * The names an audit row may give for the fields a write of channel C touched: the contract's names,
 * those of the channel's input (as the caller sends it: `hours`, not the minutes it becomes), plus the
 * few the contract declares for what the write sets itself (the status a lifecycle step leads to).
 */
export type AuditedField<C extends ChannelName> = FieldNames<ChannelInput<C>> | AlsoAudited<C>;
