// Owns memoized instruction accessors: dockerfile-ast recomputes arguments on every call, and rules ask often.
import type { Argument, Instruction } from 'dockerfile-ast';
import type { Range } from '../../text/line-index';

const argsCache = new WeakMap<Instruction, Argument[]>();
const rangeCache = new WeakMap<Instruction, Range | null>();
const rawCache = new WeakMap<Instruction, string | null>();

export function argsOf(inst: Instruction): Argument[] {
  let v = argsCache.get(inst);
  if (v === undefined) argsCache.set(inst, (v = inst.getArguments()));
  return v;
}

export function argsRangeOf(inst: Instruction): Range | null {
  if (!rangeCache.has(inst)) rangeCache.set(inst, inst.getArgumentsRange());
  return rangeCache.get(inst) ?? null;
}

export function rawArgsOf(inst: Instruction): string | null {
  if (!rawCache.has(inst)) rawCache.set(inst, inst.getRawArgumentsContent());
  return rawCache.get(inst) ?? null;
}
