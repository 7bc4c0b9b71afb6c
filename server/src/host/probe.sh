# Go Deploy Lint host probe. POSIX sh (dash, busybox ash, bash, macOS /bin/sh). Strictly read-only: it writes no
# file (only /dev/null redirections) and never uses sudo. The only file contents it sends are binfmt_misc entries,
# binfmt.d files and os-release, which hold no secrets; of the go env file it sends key names only, of units only
# non-secret properties (no Environment=). Every value is hex-encoded, so no value can forge a record.
# Arguments: [-t SECONDS] -b BINARY (repeatable) -u UNIT (repeatable). With -t the probe bounds itself: when the
# time is up it stops its whole process group, so nothing keeps running on the host after the client gave up
# (ssh being killed does not stop a remote `tr` that never writes). Only regular files are read, each bounded.
# GDL_PROBE_ROOT prefixes every path read (tests use it to
# point at prepared roots); it is empty on real hosts.
R="${GDL_PROBE_ROOT:-}"
LC_ALL=C
export LC_ALL
hex() { od -An -v -tx1 | tr -d ' \n'; }
# The same for a short value without the tr process: od's bytes split into words and joined by the shell (IFS kept).
hexw() {
  _gdl_ifs="$IFS"; IFS=' 
'
  set -- $(od -An -v -tx1)
  IFS=''; _gdl_hex="$*"; IFS="$_gdl_ifs"
  printf '%s' "$_gdl_hex"
}
emit() { printf '%s %s\n' "$1" "$(printf '%s' "$2" | hexw)"; }
emitfile() { if [ -f "$R$2" ] && [ -r "$R$2" ]; then printf '%s %s %s\n' "$1" "$(printf '%s' "$2" | hex)" "$(head -c 65536 "$R$2" 2>/dev/null | hex)"; fi; }
have() { command -v "$1" >/dev/null 2>&1; }
T=""
if have timeout; then T="timeout 10"; fi

# The watchdog: a subshell that sleeps, then signals the probe's process group (kill 0). The probe runs in a group
# of its own (sshd starts a session per command; the local runner spawns it detached). Stopped at the end.
wd=""
if [ "${1:-}" = -t ]; then
  case "${2:-}" in
    ''|*[!0-9]*) ;;
    *)
      ( s=""; trap 'if [ -n "$s" ]; then kill "$s" 2>/dev/null; fi; exit 0' TERM
        sleep "$2" & s=$!; wait "$s"; trap - TERM; kill -TERM 0 ) </dev/null >/dev/null 2>&1 &
      wd=$!
      ;;
  esac
  shift 2
fi

printf 'GDLPROBE 1\n'
emit uname_s "$(uname -s 2>/dev/null)"
emit uname_m "$(uname -m 2>/dev/null)"
emit uname_r "$(uname -r 2>/dev/null)"
emitfile os_release /etc/os-release
emitfile os_release /usr/lib/os-release
if [ -r "$R/proc/1/comm" ]; then emit pid1 "$(head -n 1 "$R/proc/1/comm" 2>/dev/null)"; fi
if [ -z "$R" ] && have systemctl; then emit systemd_version "$($T systemctl --version 2>/dev/null | head -n 1)"; fi
if [ -e "$R/sys/fs/cgroup/cgroup.controllers" ]; then emit cgroup v2; elif [ -d "$R/sys/fs/cgroup/memory" ]; then emit cgroup v1; else emit cgroup none; fi
emit path "$PATH"
emit goroot_env "${GOROOT:-}"
emit home "${HOME:-}"

# Every go on PATH, in order; for the first one, go env with the config dirs pointed where nothing can be written.
first=""
oldifs="$IFS"; IFS=:
for d in $PATH; do
  IFS="$oldifs"
  if [ -n "$d" ] && [ -x "$R$d/go" ] && [ ! -d "$R$d/go" ]; then
    emit go_bin "$d/go"
    root="$(cd "$R$d/.." 2>/dev/null && pwd -P)"
    if [ -n "$root" ] && [ -f "$root/VERSION" ] && [ -r "$root/VERSION" ]; then emit go_version "$d/go $(head -n 1 "$root/VERSION")"; fi
    if [ -z "$first" ]; then first="$d/go"; fi
  fi
  IFS=:
done
IFS="$oldifs"
for d in /usr/local/go/bin /usr/lib/go/bin /snap/bin "${HOME:-/nonexistent}/go/bin" "${HOME:-/nonexistent}/sdk/go/bin"; do
  if [ -x "$R$d/go" ]; then emit go_elsewhere "$d/go"; fi
done
if [ -n "$first" ] && [ -z "$R" ]; then
  # XDG_CONFIG_HOME under /proc: the go command cannot create its telemetry or config directories there.
  # GOTOOLCHAIN=local: a go.mod or go env file asking for a newer Go must not make the scan download a toolchain.
  out="$(XDG_CONFIG_HOME=/proc/nonexistent GOTELEMETRY=off GOTOOLCHAIN=local GOPATH="${GOPATH:-${HOME:-/nonexistent}/go}" $T "$first" env GOROOT GOPATH GOBIN GOOS GOARCH CGO_ENABLED GOVERSION 2>/dev/null)"
  emit go_env "$out"
fi
# The go env file may hold proxy credentials: only the names of the keys it sets are reported.
gef="${XDG_CONFIG_HOME:-${HOME:-/nonexistent}/.config}/go/env"
if [ -f "$R$gef" ] && [ -r "$R$gef" ]; then emit go_env_file_keys "$(sed -n 's/^\([A-Z][A-Z0-9_]*\)=.*/\1/p' "$R$gef" 2>/dev/null | tr '\n' ' ')"; fi

# C library.
for f in "$R"/lib/ld-musl-*.so.1 "$R"/lib64/ld-linux-*.so.2 "$R"/lib/ld-linux*.so.* "$R"/lib/x86_64-linux-gnu/libc.so.6 "$R"/lib/aarch64-linux-gnu/libc.so.6 "$R"/lib64/libc.so.6; do
  if [ -e "$f" ]; then emit loader "${f#"$R"}"; fi
done
if [ -z "$R" ] && have ldd; then emit ldd_version "$(ldd --version 2>&1 | head -n 2)"; fi
if have getconf; then emit glibc_version "$(getconf GNU_LIBC_VERSION 2>/dev/null)"; fi

if [ -e "$R/bin/sh" ]; then emit bin_sh present; else emit bin_sh missing; fi
if [ -s "$R/etc/resolv.conf" ]; then emit resolv_conf present; elif [ -e "$R/etc/resolv.conf" ]; then emit resolv_conf empty; else emit resolv_conf missing; fi
for f in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt /etc/ssl/ca-bundle.pem /etc/pki/tls/cacert.pem /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem /etc/ssl/cert.pem; do
  if [ -s "$R$f" ]; then emit ca_bundle "$f"; fi
done
if [ -n "${SSL_CERT_FILE:-}" ]; then emit ssl_cert_file "$SSL_CERT_FILE"; fi

# binfmt_misc: mount, status, every entry; systemd-binfmt and binfmt.d files.
if grep -q ' binfmt_misc ' "$R/proc/mounts" 2>/dev/null || [ -e "$R/proc/sys/fs/binfmt_misc/status" ]; then emit binfmt_mounted yes; else emit binfmt_mounted no; fi
emitfile binfmt_status /proc/sys/fs/binfmt_misc/status
for e in "$R"/proc/sys/fs/binfmt_misc/*; do
  n="${e##*/}"
  case "$n" in register|status|'*') ;; *) if [ -f "$e" ]; then emitfile binfmt_entry "/proc/sys/fs/binfmt_misc/$n"; fi ;; esac
done
for d in /etc/binfmt.d /run/binfmt.d /usr/local/lib/binfmt.d /usr/lib/binfmt.d; do
  for f in "$R$d"/*.conf; do if [ -f "$f" ]; then emitfile binfmt_d "${f#"$R"}"; fi; done
done
if [ -z "$R" ] && have systemctl; then emit systemd_binfmt "$($T systemctl is-active systemd-binfmt 2>/dev/null)"; fi

if [ -f "$R/sys/fs/selinux/enforce" ] && [ -r "$R/sys/fs/selinux/enforce" ]; then emit selinux "$(head -c 1 "$R/sys/fs/selinux/enforce")"; fi
if [ -z "$R" ] && have journalctl; then emit avc_denials "$($T journalctl -q -k --since -1h 2>/dev/null | grep 'avc: *denied' | sed -n 's/.*comm=\"\([^\"]*\)\".*/\1/p' | sort -u | tr '\n' ' ')"; fi
if [ -z "$R" ] && have systemctl; then emit firewalld "$($T systemctl is-active firewalld 2>/dev/null)"; fi
if [ -z "$R" ] && have firewall-cmd; then emit firewall_ports "$($T firewall-cmd --list-ports 2>/dev/null)"; fi
if [ -r "$R/proc/sys/net/core/somaxconn" ]; then emit somaxconn "$(head -n 1 "$R/proc/sys/net/core/somaxconn")"; fi
emit nofile_soft "$(ulimit -n 2>/dev/null)"
emit nofile_hard "$(ulimit -Hn 2>/dev/null)"

if [ "$(uname -s 2>/dev/null)" = Darwin ]; then
  emit rosetta "$(sysctl -n sysctl.proc_translated 2>/dev/null)"
  emit arm64_hw "$(sysctl -n hw.optional.arm64 2>/dev/null)"
  if [ -n "$first" ] && [ -f "$R$first" ]; then printf 'go_header %s\n' "$(head -c 16 "$R$first" 2>/dev/null | hex)"; fi
fi

# Binaries and units named by the user.
while [ $# -gt 0 ]; do
  case "$1" in
    -b)
      shift
      emit binary "$1"
      # A regular file only (a FIFO or device would never end), and at most 256 MiB of it.
      if [ -f "$R$1" ] && [ -r "$R$1" ]; then
        printf 'binary_head %s %s\n' "$(printf '%s' "$1" | hex)" "$(head -c 4096 "$R$1" 2>/dev/null | hex)"
        emit binary_glibc "$1 $(head -c 268435456 "$R$1" 2>/dev/null | tr -c 'A-Z0-9_.' '\n' | grep '^GLIBC_2\.[0-9.]*$' | sort -u | tr '\n' ' ')"
      else
        emit binary_missing "$1"
      fi
      ;;
    -u)
      shift
      if [ -z "$R" ] && have systemctl; then
        # ExecStart= arguments can carry passwords: only the executable paths are sent (`path=` of each command).
        exe="$($T systemctl show -p ExecStart -- "$1" 2>/dev/null | sed -n 's/^ExecStart=.*path=\([^ ;]*\).*/ExecStart=\1/p' | tr '\n' '\036')"
        emit unit "$1 $($T systemctl show -p LoadState,ActiveState,MemoryMax,CPUQuotaPerSecUSec,LimitNOFILE,User -- "$1" 2>/dev/null | tr '\n' '\036')$exe"
      fi
      ;;
  esac
  shift
done
printf 'GDLPROBE-END\n'
if [ -n "$wd" ]; then kill "$wd" 2>/dev/null; fi
