// Owns GDL131: GOOS/GOARCH names or pairs the go command does not support.
import { defineRule } from '../rule';
import { GO_PORTS, GOARCH_ALIASES, GOARCH_NAMES, GOOS_ALIASES } from '../../knowledge/go-env';
import { lastBindings } from './input';
import { bindingsFor, hasReference } from './go-values';

export const unsupportedGoosGoarch = defineRule({
  id: 'GDL131',
  name: 'unsupported-goos-goarch',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'GOOS or GOARCH is not a Go port',
    what: 'Reports a `GOOS` or `GOARCH` that is not a Go name (`x86_64`, `aarch64`, `armhf`, `Linux`…), and a pair that `go tool dist list` does not contain.',
    why: 'The build stops with "unsupported GOOS/GOARCH pair". uname and distro names differ from Go\'s: x86_64 is amd64, aarch64 is arm64.',
    example: 'GOOS=linux\nGOARCH=x86_64\n',
    useInstead: 'GOOS=linux\nGOARCH=amd64\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GOOS')) {
      const value = b.value ?? '';
      if (hasReference(value) || GO_PORTS[value] !== undefined) continue;
      const fixed =
        GOOS_ALIASES[value] ?? (GO_PORTS[value.toLowerCase()] !== undefined ? value.toLowerCase() : undefined);
      report({
        range: b.valueRange,
        message: `\`${value}\` is not a GOOS${fixed === undefined ? '' : `; Go calls it \`${fixed}\``}`,
        fixes: fixed === undefined ? [] : [{ title: `Change to \`${fixed}\``, edits: [b.replaceValue(fixed)] }],
      });
    }
    for (const b of bindingsFor(scope, 'GOARCH')) {
      const value = b.value ?? '';
      if (hasReference(value) || GOARCH_NAMES.includes(value)) continue;
      const fixed =
        GOARCH_ALIASES[value] ??
        GOARCH_ALIASES[value.toLowerCase()] ??
        (GOARCH_NAMES.includes(value.toLowerCase()) ? value.toLowerCase() : undefined);
      report({
        range: b.valueRange,
        message: `\`${value}\` is not a GOARCH${fixed === undefined ? '' : `; Go calls it \`${fixed}\``}`,
        fixes: fixed === undefined ? [] : [{ title: `Change to \`${fixed}\``, edits: [b.replaceValue(fixed)] }],
      });
    }
    const last = lastBindings(scope);
    const os = last.get('GOOS');
    const arch = last.get('GOARCH');
    if (os?.value === undefined || arch?.value === undefined || hasReference(os.value) || hasReference(arch.value))
      return;
    const arches = GO_PORTS[os.value];
    if (arches === undefined || !GOARCH_NAMES.includes(arch.value) || arches.includes(arch.value)) return;
    report({
      range: arch.valueRange,
      message: `${os.value}/${arch.value} is not a supported GOOS/GOARCH pair (${os.value} supports ${arches.join(', ')})`,
      related: [{ range: os.valueRange, message: `GOOS=${os.value}` }],
    });
  },
});
