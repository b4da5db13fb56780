/**
 * A closed list of values shown with Dutch labels (education levels, regions, …): the labels
 * name each value once, in the order the screens show them; the list and its type guard follow.
 */

/** The values of a label table, in its order. */
export function valuesOf<K extends string>(labels: Readonly<Record<K, string>>): readonly K[] {
  return Object.keys(labels) as K[];
}

/** A type guard for one of `values`. */
export function isOneOf<K extends string>(values: readonly K[]): (value: string) => value is K {
  return (value: string): value is K => (values as readonly string[]).includes(value);
}
