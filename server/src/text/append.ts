// Owns appending one array to another without spreading it into arguments (a spread of 10⁵ items overflows the stack).

/** Appends every item of `items` to `target` and returns `target`. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
