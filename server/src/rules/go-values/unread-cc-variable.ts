// Owns GDL149: CC_<triple>-style compiler variables that go build never reads.
import { defineRule } from '../rule';

/** `CC_x86_64_unknown_linux_gnu`, `CC_aarch64`, `CXX_armv7`: conventions of other build tools (Rust's cc crate, autoconf). */
const TRIPLE = /^(CC|CXX)_[A-Za-z0-9_]+$/;

export const unreadCcVariable = defineRule({
  id: 'GDL149',
  name: 'unread-cc-variable',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  docs: {
    summary: 'Compiler variable that go build never reads',
    what: 'Reports `CC_<target>` and `CXX_<target>` variables (`CC_aarch64_unknown_linux_gnu`, `CC_arm64`). `CC_FOR_TARGET` and `CC_FOR_${GOOS}_${GOARCH}` are read only when building the Go toolchain itself (make.bash): information.',
    why: 'cgo takes the C compiler from `CC` (and `CXX`), never from per-target names: a cross build keeps using the host gcc and fails with "gcc: error: unrecognized command-line option \'-m64\'" or links the wrong architecture.',
    example: 'CGO_ENABLED=1\nGOARCH=arm64\nCC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc\n',
    useInstead: 'CGO_ENABLED=1\nGOARCH=arm64\nCC=aarch64-linux-gnu-gcc\n',
  },
  check(scope, report) {
    const names = new Set(scope.bindings.map((b) => b.name));
    for (const b of scope.bindings) {
      if (!TRIPLE.test(b.name)) continue;
      const base = b.name.startsWith('CXX') ? 'CXX' : 'CC';
      if (b.name.startsWith(`${base}_FOR_`)) {
        report({
          range: b.nameRange,
          severity: 'information',
          message: `\`${b.name}\` is read only when building the Go toolchain (make.bash); go build uses \`${base}\``,
        });
        continue;
      }
      report({
        range: b.nameRange,
        message: `go build never reads \`${b.name}\`: cgo uses \`${base}\`, so this compiler is not used`,
        // A suggestion: renaming changes the compiler for every cgo build that reads this environment.
        fixes: names.has(base)
          ? []
          : [{ title: `Rename to \`${base}\``, edits: [{ range: b.nameRange, newText: base }] }],
      });
    }
  },
});
