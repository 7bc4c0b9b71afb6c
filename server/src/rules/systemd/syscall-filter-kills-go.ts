// Owns GDL234: SystemCallFilter= deny-lists that kill Go binaries with SIGSYS at startup.
import { defineRule } from '../rule';

const KILLERS = ['@resources', '@process', 'setrlimit', 'prlimit64', 'clone', 'clone3', 'execve', 'rt_sigaction', 'sched_getaffinity', 'mmap', 'futex'];

/** Flags `SystemCallFilter=~@resources` and friends; the fix is the allow-list `@system-service`. */
export const syscallFilterKillsGo = defineRule({
  id: 'GDL234',
  name: 'syscall-filter-kills-go',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'Syscall filter kills Go programs',
    what: 'On a Go service, reports a `SystemCallFilter=~…` deny-list that contains `@resources`, `@process`, or syscalls the Go runtime needs (`setrlimit`, `clone`, `execve`…).',
    why: 'Go calls setrlimit at init (to raise the file limit) and clone for threads: a denied syscall kills the process with SIGSYS before main. `systemd-analyze security` itself suggests `~@resources`.',
    example: '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nSystemCallFilter=~@resources @privileged\n',
    useInstead: '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nSystemCallFilter=@system-service\n',
    exampleFile: 'api.service',
  },
  check(input, report) {
    if (input.goSignal === undefined) return;
    for (const a of input.file.assignments) {
      if (a.section?.name.text !== 'Service' || a.key.text !== 'SystemCallFilter') continue;
      const v = a.value.text.trim();
      if (!v.startsWith('~')) continue;
      const denied = v.slice(1).split(/\s+/).map((x) => x.replace(/:.*$/, ''));
      const hit = denied.find((d) => KILLERS.includes(d));
      if (hit === undefined) continue;
      const at = a.value.text.indexOf(hit);
      report({
        range: a.value.rangeOf(at, at + hit.length),
        message: `Denying \`${hit}\` kills Go programs with SIGSYS at startup (the runtime calls setrlimit and clone)`,
        fixes: [{ title: 'Use the allow-list SystemCallFilter=@system-service', edits: [{ range: a.value.range, newText: '@system-service' }] }],
      });
    }
  },
});
