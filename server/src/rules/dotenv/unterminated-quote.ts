// Owns GDL107: a quoted value that never closes.
import { defineRule } from '../rule';
import { DIALECT_LOADER, type EnvDialect } from '../../parsers/dotenv/dialects';

function effect(dialect: EnvDialect): string {
  switch (dialect) {
    case 'dotenv':
    case 'dotenv-expand':
      return 'dotenv keeps the quote character in the value';
    case 'compose':
      return 'Compose refuses the file';
    case 'godotenv':
      return 'godotenv refuses the file';
    case 'systemd':
      return 'systemd swallows the following lines into this value';
    case 'docker':
    case 'go-env':
      return 'the quote is kept literally';
  }
}

export const unterminatedQuote = defineRule({
  id: 'GDL107',
  name: 'unterminated-quote',
  language: 'dotenv',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Quoted value never closes',
    what: 'Reports a value that opens a quote and never closes it, from the quote to the end of the line. For docker --env-file and go env files, which read line by line (docker/cli opts/file.go), it reports a quote that closes only on a later line.',
    why: 'Each loader recovers differently: dotenv keeps the quote, Compose and godotenv fail, systemd eats the rest of the file into one value, so later variables vanish.',
    example: 'DATABASE_URL="postgres://db/app\n',
    useInstead: 'DATABASE_URL="postgres://db/app"\n',
  },
  check({ file, dialect, index, spanningQuotes }, report) {
    if (dialect === 'docker' || dialect === 'go-env') {
      // These loaders read line by line: a quote that closes on a later line does not span there.
      for (const e of spanningQuotes) {
        if (e.value === undefined) continue;
        const start = e.value.raw.offset;
        report({
          range: index.range(start, index.lineContentEnd(e.range.start.line)),
          severity: 'warning',
          message: `${DIALECT_LOADER[dialect]} reads line by line: the quote stays in \`${e.key.text}\` and ${e.range.end.line - e.range.start.line === 1 ? 'the next line is read as an entry of its own' : `the next ${e.range.end.line - e.range.start.line} lines are read as entries of their own`}`,
        });
      }
      return;
    }
    for (const e of file.entries) {
      if (e.kind !== 'assignment' || e.value === undefined || e.value.closed) continue;
      const start = e.value.raw.offset;
      const end =
        dialect === 'systemd' ? index.text.replace(/\s+$/, '').length : e.value.raw.offset + e.value.raw.text.length;
      report({
        range: index.range(start, Math.max(end, start + 1)),
        message: `The \`${e.value.quote ?? ''}\` opened for \`${e.key.text}\` is never closed; ${effect(dialect)}`,
      });
    }
  },
});
