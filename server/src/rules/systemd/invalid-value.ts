// Owns GDL211: values outside their directive's grammar (sizes, time spans, booleans, enums, ranges, limits).
import { defineRule } from '../rule';
import { directive, ENUM_VALUE_SINCE, type Directive } from '../../knowledge/systemd-directives';
import { inlineCommentStart, valueProblem, type ValueProblem } from '../../knowledge/systemd-values';
import { EMPTY_VALUE_FATAL, EMPTY_VALUE_REJECTED } from '../../knowledge/systemd-empty-values.generated';
import type { SplitResult } from '../../parsers/systemd/ast';

/** A problem, optionally at a part of the value (offsets into it). */
type Problem = ValueProblem & { readonly range?: readonly [number, number] };

/**
 * Exec lines keep an unknown escape with its backslash and a warning ("Ignoring unknown escape sequences"); a word
 * that is just `\\;` is the escaped command separator (a literal `;` argument, as for find -exec).
 */
function commandEscapeProblem(d: Directive, value: string, words: (end: number) => SplitResult): Problem | undefined {
  if (d.kind !== 'command') return undefined;
  const split = words(value.length);
  const esc = split.unknownEscapes.find(
    (e) => !split.words.some((w) => w.start === e.start && w.end === e.end && value.slice(e.start, e.end) === '\\;'),
  );
  return esc === undefined
    ? undefined
    : {
        message: `\`${value.slice(esc.start, esc.end)}\` is not an escape systemd knows: it keeps the backslash (write \`\\\\\`)`,
        warning: true,
        range: [esc.start, esc.end],
      };
}

export const invalidValue = defineRule({
  id: 'GDL211',
  name: 'invalid-value',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  docs: {
    summary: "Value outside the directive's grammar",
    what: 'Reports values systemd cannot parse for their directive: sizes (`K M G T`, base 1024; `512MiB` and `512MB` are rejected), time spans (`ns` is rejected, `m` is minutes, `M` months), booleans, enumerations (`Type=`, `Restart=`, `KillMode=`…), ranges (`CPUWeight` 1–10000, `Nice` −20–19, `OOMScoreAdjust` ±1000), `CPUQuota=` without `%`, `LimitNOFILE=` soft above hard, calendar times and ports.',
    why: 'systemd logs the error and ignores the line, so the service runs with no memory limit, the default restart policy or no timeout, and nothing fails visibly.',
    example: '[Service]\nExecStart=/usr/local/bin/api\nMemoryMax=512MiB\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\nMemoryMax=512M\n',
    exampleFile: 'api.service',
  },
  check({ file, systemdVersion, unitType }, report) {
    for (const a of file.assignments) {
      const section = a.section?.name.text;
      if (section === undefined) continue;
      const d = directive(section, a.key.text);
      if (d === undefined) continue;
      // An empty value resets lists and a few settings; most single-value parsers refuse it (asked of the real
      // parser: knowledge/systemd-empty-values.generated.ts), and an empty DynamicUser= stops the unit from loading.
      const id = `${section}.${a.key.text}`;
      if (a.value.text.trim() === '' && EMPTY_VALUE_REJECTED.has(id)) {
        report({
          range: a.key.range,
          message: EMPTY_VALUE_FATAL.has(id)
            ? `\`${a.key.text}=\` with no value makes the unit fail to load`
            : `\`${a.key.text}=\` with no value resets nothing: systemd ignores the line and keeps the earlier value`,
        });
        continue;
      }
      // One mistake, one finding: with an inline comment (GDL207) the value the author meant is judged.
      const comment = inlineCommentStart(d, a.key.text, a.value.text);
      const meant = comment === undefined ? a.value.text : a.value.text.slice(0, comment).trimEnd();
      const valueRange = comment === undefined ? a.value.range : a.value.rangeOf(0, meant.length);
      // Every other empty value is accepted (a reset): the table above is what the parser said.
      const problem: Problem | undefined =
        a.value.text.trim() === '' && d.key !== 'Delegate'
          ? undefined
          : (valueProblem(d, meant, unitType) ?? commandEscapeProblem(d, meant, (end) => a.value.words(end)));
      if (problem !== undefined) {
        report({
          range:
            problem.range !== undefined
              ? a.value.rangeOf(problem.range[0], problem.range[1])
              : problem.onKey === true || a.value.text === ''
                ? a.key.range
                : valueRange,
          ...(problem.warning === true ? { severity: 'warning' as const } : {}),
          message:
            problem.warning === true ? problem.message : `${problem.message}; systemd ignores this ${a.key.text}= line`,
          fixes:
            problem.suggestion === undefined
              ? []
              : [
                  {
                    title: `Change to \`${problem.suggestion}\``,
                    edits: [{ range: valueRange, newText: problem.suggestion }],
                  },
                ],
        });
        continue;
      }
      const since = ENUM_VALUE_SINCE[`${d.parser}:${meant.trim()}`];
      if (since !== undefined && since > systemdVersion) {
        report({
          range: valueRange,
          severity: 'warning',
          message: `\`${a.key.text}=${a.value.text.trim()}\` needs systemd ${since}; the target has ${systemdVersion} (goDeployLint.systemdVersion)`,
        });
      }
    }
  },
});
