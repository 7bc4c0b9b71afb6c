// Owns hover in env files: the value each loader sees and what the Go variable means.
import type { Position } from 'vscode-languageserver-types';
import { comparePositions } from '../../text/line-index';
import { goVariable } from '../../knowledge/go-env';
import { DIALECT_LOADER, ENV_DIALECTS, rawEffect, type Effect } from '../../parsers/dotenv/dialects';
import type { DotenvInput } from '../../parsers/dotenv/input';
import type { Range } from '../../text/line-index';

function describe(effect: Effect): string {
  switch (effect.kind) {
    case 'set':
      return effect.value === ''
        ? 'an empty value'
        : `\`${effect.value.replace(/`/g, '\u02cb').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}\``;
    case 'inherit':
      return "the host's value (passed through)";
    case 'dropped':
      return `nothing: ${effect.reason}`;
    case 'error':
      return `an error: ${effect.reason}`;
  }
}

export function dotenvHover(input: DotenvInput, position: Position): { value: string; range: Range } | undefined {
  const binding = input.bindings.find(
    (b) => comparePositions(b.entry.range.start, position) <= 0 && comparePositions(position, b.entry.range.end) <= 0,
  );
  if (binding === undefined) return undefined;
  const key = binding.entry.key.text;
  const lines: string[] = [];
  lines.push(`**${key}**: ${DIALECT_LOADER[input.dialect]} sees ${describe(binding.effect)}`);
  lines.push('', `Dialect \`${input.dialect}\`, from ${input.dialectSource}.`);
  const differing: string[] = [];
  const mine = JSON.stringify(binding.effect);
  for (const d of ENV_DIALECTS) {
    if (d === input.dialect) continue;
    const other = rawEffect(binding.entry, d);
    if (JSON.stringify(other) !== mine) differing.push(`- ${DIALECT_LOADER[d]}: ${describe(other)}`);
  }
  if (differing.length > 0) lines.push('', 'Other loaders differ:', ...differing);
  const v = goVariable(key);
  if (v !== undefined) {
    lines.push('', '---', '', v.summary);
    const facts = [
      v.default !== undefined ? `Default: \`${v.default}\`.` : '',
      v.since !== undefined ? `Since Go ${v.since}.` : '',
    ].filter((x) => x !== '');
    if (facts.length > 0) lines.push('', facts.join(' '));
    lines.push('', `[Go documentation](${v.docs})`);
  }
  return { value: lines.join('\n'), range: binding.entry.key.range };
}
