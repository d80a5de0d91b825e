// A closed vocabulary written once: each value with the words a person reads for it, in the order
// lists show them. The values, their type and the check that a stored or posted string is one of
// them all derive from it, so no value can be listed without its words or worded without being listed.

export interface Vocabulary<Value extends string> {
  /** The values, in order. */
  readonly values: readonly [Value, ...Value[]];
  /** What each value reads as. */
  readonly labels: Readonly<Record<Value, string>>;
  /** Whether a string (a stored row, a posted field) is one of the values. */
  readonly is: (value: string) => value is Value;
}

export function vocabulary<Value extends string>(labels: Readonly<Record<Value, string>>): Vocabulary<Value> {
  const values = Object.keys(labels) as [Value, ...Value[]];
  return { values, labels, is: (value: string): value is Value => (values as readonly string[]).includes(value) };
}
