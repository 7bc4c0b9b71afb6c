// Owns GDL145: GOBIN (or $GOPATH/bin) set while the PATH set in the same file does not include it.
import { defineRule } from '../rule';
import { isGoBinEntry, lastLiteral, normalizeDir, pathParts } from './go-paths';
import { splitList } from './go-values';

export const gobinNotOnPath = defineRule({
  id: 'GDL145',
  name: 'gobin-not-on-path',
  language: 'go-values',
  defaultSeverity: 'information',
  fixSafety: 'safe',
  docs: {
    summary: 'Installed Go tools are not on PATH',
    what: 'When a file sets both PATH and GOBIN (or GOPATH), reports that the install directory (`GOBIN`, else `$GOPATH/bin`) is not on that PATH.',
    why: '`go install` puts tools there; without it on PATH the next step fails with "command not found" although the install succeeded.',
    example: 'GOPATH=/go\nPATH=/usr/local/go/bin:/usr/bin:/bin\n',
    useInstead: 'GOPATH=/go\nPATH=/usr/local/go/bin:/usr/bin:/bin:/go/bin\n',
  },
  check(scope, report) {
    const path = lastLiteral(scope, 'PATH');
    if (path === undefined) return;
    const gobin = lastLiteral(scope, 'GOBIN');
    const gopath = lastLiteral(scope, 'GOPATH');
    const source = gobin ?? gopath;
    if (source === undefined) return;
    const first = splitList(gopath?.literal ?? '', ':')[0]?.text ?? '';
    const dir = gobin !== undefined ? normalizeDir(gobin.literal) : first === '' ? '' : normalizeDir(`${first}/bin`);
    if (!dir.startsWith('/')) return;
    const aliases = gobin !== undefined ? [dir, '$GOBIN', '${GOBIN}'] : [dir, '$GOPATH/bin', '${GOPATH}/bin'];
    const entries = pathParts(path).map((p) => normalizeDir(p.text));
    if (entries.some((e) => aliases.includes(e)) || entries.some((e) => isGoBinEntry(e, undefined) && e === dir))
      return;
    const appended = `${path.literal}:${dir}`;
    report({
      range: path.valueRange,
      message: `PATH does not include \`${dir}\`, where \`go install\` puts tools (${gobin !== undefined ? 'GOBIN' : '$GOPATH/bin'})`,
      related: [{ range: source.valueRange, message: `${source.name} is set here` }],
      fixes: [{ title: `Append \`${dir}\` to PATH`, edits: [path.replaceValue(appended)] }],
    });
  },
});
