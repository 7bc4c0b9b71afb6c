// Owns GDL234: SystemCallFilter= deny-lists that kill Go binaries with SIGSYS at startup.
import { defineRule } from '../rule';
import { deleteLines } from '../../text/edits';

const KILLERS = [
  '@resources',
  '@process',
  'setrlimit',
  'prlimit64',
  'clone',
  'clone3',
  'execve',
  'rt_sigaction',
  'sched_getaffinity',
  'mmap',
  'futex',
];

export const syscallFilterKillsGo = defineRule({
  id: 'GDL234',
  name: 'syscall-filter-kills-go',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  crossLineKeys: ['SystemCallFilter'],
  docs: {
    summary: 'Syscall filter kills Go programs',
    what: 'On a Go service, reports a `SystemCallFilter=~…` deny-list that contains `@resources`, `@process`, or syscalls the Go runtime needs (`setrlimit`, `clone`, `execve`…).',
    why: 'Go calls setrlimit at init (to raise the file limit) and clone for threads: a denied syscall kills the process with SIGSYS before main. `systemd-analyze security` itself suggests `~@resources`. The safe fix removes only those entries from the deny-list; switching to the allow-list `@system-service` is a different policy and only offered as a suggestion.',
    example:
      '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nSystemCallFilter=~@resources @privileged\n',
    useInstead: '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nSystemCallFilter=~@privileged\n',
    exampleFile: 'api.service',
  },
  check(input, report) {
    if (input.goSignal === undefined) return;
    const filters = input.file.assignments.filter(
      (a) => a.section?.name.text === 'Service' && a.key.text === 'SystemCallFilter',
    );
    for (const a of filters) {
      const text = a.value.text;
      if (!text.trimStart().startsWith('~')) continue;
      const items = [...text.matchAll(/\S+/g)].map((m, i) => {
        const start = (m.index ?? 0) + (i === 0 ? m[0].indexOf('~') + 1 : 0);
        const item = text.slice(start, (m.index ?? 0) + m[0].length);
        return { item, start, end: start + item.length, name: item.replace(/:.*$/, '') };
      });
      const hits = items.filter((x) => KILLERS.includes(x.name));
      const first = hits[0];
      if (first === undefined) continue;
      const kept = items.filter((x) => !KILLERS.includes(x.name)).map((x) => x.item);
      // The safe fix only shortens the deny-list: the rest of the policy stays as written. Where nothing would be
      // left, the line goes, but only when it is the unit's only filter (an earlier line sets allow or deny mode).
      const shorten =
        kept.length > 0
          ? {
              title: `Remove ${hits.map((h) => `\`${h.item}\``).join(', ')} from the deny-list`,
              edits: [{ range: a.value.range, newText: `~${kept.join(' ')}` }],
            }
          : filters.length === 1
            ? { title: 'Remove the SystemCallFilter= line', edits: [deleteLines(input.index, a.range)] }
            : undefined;
      report({
        range: a.value.rangeOf(first.start, first.end),
        message: `Denying ${hits.map((h) => `\`${h.name}\``).join(', ')} kills Go programs with SIGSYS at startup`,
        fixes: [
          shorten,
          {
            title: 'Use the allow-list SystemCallFilter=@system-service',
            edits: [{ range: a.value.range, newText: '@system-service' }],
            safe: false,
          },
        ].filter((f) => f !== undefined),
      });
    }
  },
});
