// Owns GDL211: values outside their directive's grammar (sizes, time spans, booleans, enums, ranges, limits).
import { defineRule } from '../rule';
import { directive, ENUM_VALUE_SINCE } from '../../knowledge/systemd-directives';
import { inlineCommentStart, valueProblem } from '../../knowledge/systemd-values';
import { EMPTY_VALUE_FATAL, EMPTY_VALUE_REJECTED } from '../../knowledge/systemd-empty-values.generated';
import { splitWords } from '../../parsers/systemd/words';

/** Flags values systemd ignores with "Failed to parse …"/"Invalid …", suggesting a conversion where clear. */
export const invalidValue = defineRule({
  id: 'GDL211',
  name: 'invalid-value',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  docs: {
    summary: 'Value outside the directive\'s grammar',
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
      // Delegate= is honoured only where systemd can hand over a cgroup subtree (services and scopes).
      if (a.key.text === 'Delegate' && unitType !== undefined && unitType !== 'service' && unitType !== 'scope') {
        report({ range: a.key.range, severity: 'warning', message: `Delegate= is not supported for ${unitType} units: systemd ignores it` });
        continue;
      }
      // An empty value resets lists and a few settings; most single-value parsers refuse it (asked of the real
      // parser: knowledge/systemd-empty-values.generated.ts), and an empty DynamicUser= stops the unit from loading.
      if (a.value.text.trim() === '' && EMPTY_VALUE_REJECTED.has(`${section}.${a.key.text}`)) {
        const fatal = EMPTY_VALUE_FATAL.has(`${section}.${a.key.text}`);
        report({
          range: a.key.range,
          message: fatal ? `\`${a.key.text}=\` with no value makes the unit fail to load` : `\`${a.key.text}=\` with no value resets nothing: systemd ignores the line and keeps the earlier value`,
        });
        continue;
      }
      // Every other empty value is accepted (a reset): the table above is what the parser said.
      if (a.value.text.trim() === '') continue;
      // One mistake, one finding: with an inline comment (GDL207) the value the author meant is judged.
      const comment = inlineCommentStart(d, a.key.text, a.value.text);
      const meant = comment === undefined ? a.value.text : a.value.text.slice(0, comment).trimEnd();
      const problem = valueProblem(d, meant);
      const valueRange = comment === undefined ? a.value.range : a.value.rangeOf(0, meant.length);
      const since = ENUM_VALUE_SINCE[`${d.parser}:${meant.trim()}`];
      if (problem === undefined && since !== undefined && since > systemdVersion) {
        report({ range: valueRange, severity: 'warning', message: `\`${a.key.text}=${a.value.text.trim()}\` needs systemd ${since}; the target has ${systemdVersion} (goDeployLint.systemdVersion)` });
        continue;
      }
      // Exec lines keep an unknown escape with its backslash and a warning ("Ignoring unknown escape sequences").
      if (problem === undefined && d.kind === 'command') {
        // A word that is just `\;` is the escaped command separator (a literal `;` argument, as for find -exec).
        const split = splitWords(meant);
        const esc = split.unknownEscapes.find((e) => !split.words.some((w) => w.start === e.start && w.end === e.end && meant.slice(e.start, e.end) === '\\;'));
        if (esc !== undefined) report({ range: a.value.rangeOf(esc.start, esc.end), severity: 'warning', message: `\`${meant.slice(esc.start, esc.end)}\` is not an escape systemd knows: it keeps the backslash (write \`\\\\\`)` });
        continue;
      }
      // config_parse_user_group_compat warns for the name only ("Special user nobody configured, this is not safe!").
      if (problem === undefined && a.key.text === 'User' && meant.trim() === 'nobody') {
        report({ range: valueRange, severity: 'warning', message: `\`${a.key.text}=${meant.trim()}\` shares the identity that owns unmapped files: systemd warns it is not safe` });
        continue;
      }
      if (problem === undefined) continue;
      report({
        range: a.value.text === '' ? a.key.range : valueRange,
        message: `${problem.message}; systemd ignores this ${a.key.text}= line`,
        fixes: problem.suggestion === undefined ? [] : [{ title: `Change to \`${problem.suggestion}\``, edits: [{ range: valueRange, newText: problem.suggestion }] }],
      });
    }
  },
});
