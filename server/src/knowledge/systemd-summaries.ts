// Owns our one-line summaries of the directives Go services use most (our words; the man page is linked).
export const SYSTEMD_SUMMARIES: Readonly<Record<string, string>> = {
  Type: 'How systemd decides the service has started: `exec` once the binary runs (right for Go servers), `notify` when it sends READY=1, `forking` when the first process exits.',
  ExecStart: 'The command that runs the service; an absolute path, not a shell line (use `sh -c` for pipes).',
  ExecStartPre: 'Commands run before ExecStart=; a `-` prefix ignores their failure.',
  Restart: 'When to restart after the process exits: `on-failure` is the usual choice for servers.',
  RestartSec:
    'Delay before a restart (default 100ms); together with the start limits it decides when systemd gives up.',
  User: 'Runs the service as this user instead of root.',
  DynamicUser: 'Runs the service as a throwaway user allocated at start; implies several sandboxing options.',
  Environment:
    'Sets variables for the service: space-separated NAME=value words; `%` specifiers expand, `$VAR` does not.',
  EnvironmentFile:
    'Reads NAME=value lines from a file just before start (no inline comments, no `export`, no `$VAR`); `-` makes it optional.',
  MemoryMax:
    'Hard memory limit of the cgroup: above it the kernel OOM-kills. Go needs GOMEMLIMIT below it to collect in time.',
  MemoryHigh: 'Soft memory limit: the kernel throttles and reclaims above it.',
  CPUQuota: 'CPU time the service may use, as a percentage of one CPU (200% = two CPUs).',
  CPUWeight: 'Relative CPU share under contention (1–10000, default 100).',
  LimitNOFILE:
    'File descriptor limit (soft:hard). Go already raises its soft limit to the hard limit, which is 524288 by default.',
  NoNewPrivileges: 'Forbids gaining privileges through setuid or file capabilities (setcap), also for child processes.',
  AmbientCapabilities: 'Capabilities the non-root service keeps, e.g. CAP_NET_BIND_SERVICE to bind ports below 1024.',
  SystemCallFilter:
    'Allows (or with `~`, denies) syscalls; a denied one kills the process with SIGSYS unless SystemCallErrorNumber= is set.',
  StartLimitIntervalSec: 'Window for counting starts; with StartLimitBurst= it stops restart loops. Belongs in [Unit].',
  StartLimitBurst: 'Starts allowed within StartLimitIntervalSec=. Belongs in [Unit].',
  WantedBy: 'Targets whose .wants/ directory `systemctl enable` links this unit into (usually multi-user.target).',
  TimeoutStopSec: 'How long systemd waits after the stop signal before SIGKILL.',
  KillMode: 'Which processes the stop signal reaches: `mixed` signals the main process, then kills the rest.',
  WorkingDirectory: 'Directory the service starts in.',
  PrivateTmp: 'Gives the service its own /tmp and /var/tmp.',
  ProtectSystem: 'Mounts /usr, /boot (and /etc with `full`, everything with `strict`) read-only for the service.',
};
