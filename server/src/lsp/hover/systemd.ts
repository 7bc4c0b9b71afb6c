// Owns hover in unit files: what a directive is, what its value means, and the merged value across drop-ins.
import type { Position } from 'vscode-languageserver-types';
import type { SystemdInput } from '../../parsers/systemd/input';
import { comparePositions, type Range } from '../../text/line-index';
import {
  addedInText,
  DEPRECATIONS,
  directive,
  MAN_PAGE,
  unknownTo,
  type Directive,
} from '../../knowledge/systemd-directives';
import { describeValue } from '../../knowledge/systemd-values';
import { SYSTEMD_SUMMARIES } from '../../knowledge/systemd-summaries';
import { moduleLines } from './go-module';

const KIND_TEXT: Record<Directive['kind'], string> = {
  boolean: 'boolean (yes/no)',
  timespan: 'time span (s, min, h…; bare numbers are seconds)',
  memory: 'memory limit (K M G T base 1024, N%, infinity)',
  size: 'size (K M G T, base 1024)',
  percent: 'percentage',
  'cpu-weight': 'weight 1–10000 or idle',
  'io-weight': 'weight 1–10000',
  'cpu-shares': 'shares 2–262144',
  'blockio-weight': 'weight 10–1000',
  tasks: 'number, N% or infinity',
  'oom-score': 'integer −1000–1000',
  nice: 'integer −20–19',
  rlimit: 'limit or soft:hard',
  enum: 'one of a fixed set of values',
  command: 'command line',
  environment: 'NAME=value words',
  'environment-file': 'absolute path, `-` to make it optional',
  calendar: 'calendar expression',
  socket: 'address, port or path',
  'unit-list': 'unit names',
  path: 'path',
  string: 'text',
  'install-list': 'unit names',
  'syscall-filter': 'syscall groups and names (~ denies)',
};

export function systemdHover(input: SystemdInput, position: Position): { value: string; range: Range } | undefined {
  const a = input.file.assignments.find(
    (x) => comparePositions(x.range.start, position) <= 0 && comparePositions(position, x.range.end) <= 0,
  );
  if (a === undefined) return undefined;
  const section = a.section?.name.text ?? '';
  const key = a.key.text;
  const d = directive(section, key);
  const lines: string[] = [`**${key}=** in [${section}]`];
  if (d === undefined) {
    lines.push('', `Not a [${section}] directive that systemd knows: it is ignored.`);
    return { value: lines.join('\n'), range: a.key.range };
  }
  const summary = SYSTEMD_SUMMARIES[key];
  if (summary !== undefined) lines.push('', summary);
  lines.push(
    '',
    `Value: ${KIND_TEXT[d.kind]}${d.list ? '; a list: repeated lines add, an empty assignment resets' : '; the last assignment wins'}.`,
  );
  const meaning = describeValue(d, a.value.text);
  if (meaning !== undefined) lines.push('', `Here: ${meaning}.`);
  const added = addedInText(d);
  if (added !== undefined)
    lines.push(
      '',
      `${added}${unknownTo(d, input.systemdVersion) ? `: systemd ${input.systemdVersion} (the target) ignores it` : ''}.`,
    );
  const dep = DEPRECATIONS[key];
  if (dep !== undefined) lines.push('', `Deprecated: ${dep.why}; use ${dep.replacement}.`);
  const merged = input.merged.filter((m) => m.section === section && m.key === key);
  if (merged.some((m) => m.uri !== undefined)) {
    lines.push(
      '',
      'Across the unit and its drop-ins:',
      ...merged.map((m) => `- \`${m.value.trim() === '' ? '(reset)' : m.value.trim()}\` in ${m.fileName}`),
    );
  }
  if (key === 'Type' && section === 'Service') {
    const notify = input.goModule?.sdNotify();
    lines.push(
      ...moduleLines(input.goModule),
      ...(input.goModule === undefined
        ? []
        : [`- sd_notify: ${notify === undefined ? 'not used (READY=1 is never sent)' : notify}`]),
    );
  }
  const page = MAN_PAGE[section] ?? 'systemd.directives';
  const manPage =
    d.kind === 'memory' || d.kind === 'cpu-weight' || d.kind === 'percent'
      ? 'systemd.resource-control'
      : /^(ExecSearchPath|ExecPaths|NoExecPaths|Environment|User|Group|Limit|Protect|Private|Restrict|SystemCall|NoNewPrivileges|Capability|Ambient|WorkingDirectory|Standard|Dynamic|ReadWrite|ReadOnly|Inaccessible)/.test(
            key,
          ) && section !== 'Unit'
        ? 'systemd.exec'
        : page;
  lines.push('', `[${manPage}(5)](https://www.freedesktop.org/software/systemd/man/latest/${manPage}.html#${key}=)`);
  return { value: lines.join('\n'), range: a.key.range };
}
