// Owns GDL135: GOFLAGS fields that are not flags, quotes in the wrong place, or flags missing their value.
import { defineRule } from '../rule';
import { valueSubRange } from './input';
import { bindingsFor, hasReference } from './go-values';

/** Boolean flags of go build/test/get/list/run/install/mod (and -w/-x known to cmd/go). */
const BOOL_FLAGS = new Set([
  'a',
  'n',
  'x',
  'v',
  'race',
  'msan',
  'asan',
  'cover',
  'trimpath',
  'linkshared',
  'modcacherw',
  'work',
  'json',
  'buildvcs',
  'i',
  'w',
  'u',
  't',
  'd',
  'e',
  'm',
  'f',
  'benchmem',
  'failfast',
  'short',
  'fullpath',
  'insecure',
  'fix',
  'retracted',
  'reuse',
  'deps',
  'export',
  'find',
  'compiled',
  'test',
  'c',
  'modfile-bool',
  'l',
  's',
]);
/** Flags that take a value and must be written `-flag=value` in GOFLAGS. */
const VALUE_FLAGS = new Set([
  'ldflags',
  'gcflags',
  'asmflags',
  'gccgoflags',
  'tags',
  'mod',
  'modfile',
  'o',
  'p',
  'pkgdir',
  'buildmode',
  'compiler',
  'installsuffix',
  'overlay',
  'pgo',
  'coverpkg',
  'covermode',
  'C',
  'toolexec',
  'exec',
  'count',
  'run',
  'skip',
  'timeout',
  'bench',
  'benchtime',
  'cpu',
  'parallel',
  'vet',
  'coverprofile',
  'cpuprofile',
  'memprofile',
  'blockprofile',
  'mutexprofile',
  'outputdir',
  'trace',
  'shuffle',
  'fuzz',
  'fuzztime',
  'fuzzminimizetime',
  'reuse',
  'debug-actiongraph',
  'debug-runtime-trace',
  'debug-trace',
  'fuzzworker',
]);

interface Field {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  readonly unterminated: boolean;
}

/** Splits like cmd/internal/quoted.Split: whitespace-separated, a quote only counts at the start of a field. */
export function splitGoflags(value: string): Field[] {
  const out: Field[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /\s/.test(value[i] ?? '')) i++;
    if (i >= value.length) break;
    const start = i;
    const q = value[i];
    if (q === '"' || q === "'") {
      const close = value.indexOf(q, i + 1);
      if (close === -1) {
        out.push({ text: value.slice(i + 1), start, end: value.length, quoted: true, unterminated: true });
        break;
      }
      out.push({ text: value.slice(i + 1, close), start, end: close + 1, quoted: true, unterminated: false });
      i = close + 1;
      continue;
    }
    while (i < value.length && !/\s/.test(value[i] ?? '')) i++;
    out.push({ text: value.slice(start, i), start, end: i, quoted: false, unterminated: false });
  }
  return out;
}

export const malformedGoflags = defineRule({
  id: 'GDL135',
  name: 'malformed-goflags',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  docs: {
    summary: 'GOFLAGS field is not a flag',
    what: 'Reports GOFLAGS fields that are not `-flag` or `-flag=value`, quotes that do not start a field (`-ldflags="-s -w"`), unterminated quotes, and value flags written without `=value`.',
    why: 'GOFLAGS is split on whitespace and only a leading quote groups words, so `-tags netgo` yields the bare word `netgo` and `-ldflags="-s -w"` yields the unknown flag `-w"`: every go command then fails with "parsing $GOFLAGS".',
    example: 'GOFLAGS=-tags netgo\n',
    useInstead: 'GOFLAGS=-tags=netgo\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GOFLAGS')) {
      const value = b.value ?? '';
      if (hasReference(value)) continue;
      const fields = splitGoflags(value);
      let consumedUpTo = -1;
      fields.forEach((f, i) => {
        if (i <= consumedUpTo) return;
        const range = valueSubRange(scope, b, f.start, f.end);
        if (f.unterminated) {
          report({ range, message: `Unterminated quote in GOFLAGS: every go command fails` });
          return;
        }
        const prev = fields[i - 1];
        if (!f.text.startsWith('-')) {
          const joined =
            prev !== undefined && /^--?[A-Za-z-]+$/.test(prev.text) && VALUE_FLAGS.has(prev.text.replace(/^--?/, ''))
              ? `${prev.text}=${f.text}`
              : undefined;
          report({
            range,
            message: `\`${f.text}\` is not a flag; every go command fails with "parsing $GOFLAGS: non-flag"`,
            fixes:
              joined === undefined || prev === undefined
                ? []
                : [
                    {
                      title: `Write \`${joined}\``,
                      edits: [b.replaceValue(b.literal.slice(0, prev.start) + joined + b.literal.slice(f.end))],
                    },
                  ],
          });
          return;
        }
        const m = /^--?([A-Za-z][A-Za-z0-9-]*)(=(.*))?$/s.exec(f.text);
        if (m === null || m[1] === undefined) {
          report({ range, message: `\`${f.text}\` is not a valid flag in GOFLAGS` });
          return;
        }
        const name = m[1];
        if (!f.quoted && m[3] !== undefined && /^["']/.test(m[3])) {
          const end = fields.findIndex((g, j) => j > i && /["']$/.test(g.text));
          const last = end === -1 ? f : (fields[end] ?? f);
          consumedUpTo = end;
          const inner = b.literal.slice(f.start, last.end).replace(/=["']/, '=').replace(/["']$/, '');
          report({
            range: valueSubRange(scope, b, f.start, last.end),
            message: `The quote in \`${f.text}\` does not start the field, so GOFLAGS splits inside it`,
            fixes: [
              {
                title: `Quote the whole field: \`'${inner}'\``,
                edits: [b.replaceValue(b.literal.slice(0, f.start) + `'${inner}'` + b.literal.slice(last.end))],
              },
            ],
          });
          return;
        }
        if (!BOOL_FLAGS.has(name) && !VALUE_FLAGS.has(name)) {
          report({
            range,
            message: `\`-${name}\` is not a go command flag; every go command fails with "unknown flag"`,
          });
          return;
        }
        if (VALUE_FLAGS.has(name) && !BOOL_FLAGS.has(name) && m[2] === undefined) {
          const next = fields[i + 1];
          if (next !== undefined && !next.text.startsWith('-') && !next.quoted) {
            consumedUpTo = i + 1;
            const joined = `${f.text}=${next.text}`;
            report({
              range: valueSubRange(scope, b, f.start, next.end),
              message: `\`${f.text} ${next.text}\` splits into the flag \`${f.text}\` without a value and the non-flag \`${next.text}\`; every go command fails`,
              fixes: [
                {
                  title: `Write \`${joined}\``,
                  edits: [b.replaceValue(b.literal.slice(0, f.start) + joined + b.literal.slice(next.end))],
                },
              ],
            });
            return;
          }
          report({ range, message: `\`-${name}\` needs \`=value\` in GOFLAGS ("flag needs an argument")` });
        }
      });
    }
  },
});
