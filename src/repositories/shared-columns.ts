// What the repositories' queries share across aggregates (ADR 0014: one row mapper per aggregate):
// the child's name as lists show it, the mapping of the child a row is about, the type of a base
// query's row, and the one reading of a versioned change's result. Nothing here runs a query.
import { sql } from 'kysely';

/** The child's name as lists show it ("first last"), in a query that joins the child as `c`. */
export const childName = sql<string>`c.first_name || ' ' || c.last_name`;

/** The child a row is about, from its child id and `childName.as('child_name')`. */
export function aboutChild(row: { child_id: string; child_name: string }): { childId: string; childName: string } {
  return { childId: row.child_id, childName: row.child_name };
}

/** One row of what a base query (a function returning a select) gives. */
export type RowOf<Query extends (...args: never[]) => { executeTakeFirstOrThrow(): Promise<unknown> }> = Awaited<
  ReturnType<ReturnType<Query>['executeTakeFirstOrThrow']>
>;

/** Whether a change touched exactly one row: false when the version was stale or the state had moved on. */
export function changedOne(result: { numUpdatedRows: bigint }): boolean {
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A row as a JSON subquery (`jsonArrayFrom`, `jsonObjectFrom`) gives it: its timestamps are ISO strings; its dates are
 * 'YYYY-MM-DD' strings and its numbers numbers, as when read directly.
 */
export type JsonRow<Row> = {
  [Key in keyof Row]: Row[Key] extends Date ? string : Row[Key] extends Date | null ? string | null : Row[Key];
};

/** A timestamp as the types say, a Date, whether it was read directly or through JSON (an ISO string). */
export function timestamp(value: Date | string): Date;
export function timestamp(value: Date | string | null): Date | null;
export function timestamp(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) return value;
  return new Date(value);
}
