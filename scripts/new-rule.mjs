// `npm run new-rule -- GDLnnn rule-name <language>`: scaffolds a rule of any rule language (module, fixture, sorted
// registry entry, doc page) and prints the one command that tests it.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });

// The table of rule languages is compiled from server/src/rules/rule-languages.ts (one place for block and fixture).
run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
const { RULE_LANGUAGES } = await import(path.join(ROOT, 'out', 'server', 'src', 'rules', 'rule-languages.js'));
const LANGS = Object.keys(RULE_LANGUAGES);

const [id = '', name = '', language = ''] = process.argv.slice(2);
const usage = `usage: npm run new-rule -- GDLnnn rule-name <${LANGS.join('|')}>`;
if (!/^GDL\d{3}$/.test(id) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) || !LANGS.includes(language)) {
  console.error(usage);
  process.exit(2);
}
const info = RULE_LANGUAGES[language];
if (id[3] !== info.block) {
  console.error(`${id}: ${language} rules take codes GDL${info.block}xx`);
  process.exit(2);
}
const index = path.join(ROOT, 'server', 'src', 'rules', 'index.ts');
let registry = fs.readFileSync(index, 'utf8');
const modules = [...registry.matchAll(/^import \{ (\w+) \} from '\.\/([\w-]+\/[\w-]+)';$/gm)].map((m) => ({
  camel: m[1],
  file: m[2],
  line: m[0],
}));
const idOf = (m) =>
  /id: '(GDL\d{3})'/.exec(fs.readFileSync(path.join(ROOT, 'server', 'src', 'rules', `${m.file}.ts`), 'utf8'))?.[1] ??
  '';
const taken = modules.find((m) => idOf(m) === id);
if (taken !== undefined) {
  console.error(`${id} is taken by ${taken.file}.ts (codes are never reused)`);
  process.exit(2);
}
const camel = name.replace(/-([a-z0-9])/g, (_m, c) => c.toUpperCase());
const ruleFile = path.join(ROOT, 'server', 'src', 'rules', language, `${name}.ts`);
const fixture = path.join(ROOT, 'test', 'fixtures', 'rules', language, info.fixture(`${id}-${name}`));
for (const f of [ruleFile, fixture]) {
  if (fs.existsSync(f)) {
    console.error(`${path.relative(ROOT, f)} exists`);
    process.exit(2);
  }
}

/** Per language: a fixture with one line that should fire (marked) and one that should not, and a file name for docs. */
const SAMPLES = {
  engine: { fires: 'TODO=fires', clean: 'PORT=8080', exampleFile: '.env' },
  dotenv: { fires: 'TODO=fires', clean: 'PORT=8080', exampleFile: '.env' },
  'go-values': { fires: 'GOGC=TODO', clean: 'GOGC=100', exampleFile: '.env' },
  systemd: {
    before: '[Service]',
    fires: 'TODO=fires',
    clean: 'ExecStart=/usr/local/bin/api',
    exampleFile: 'etc/systemd/system/api.service',
  },
  binfmt: {
    fires: ':todo:E::todo::/usr/bin/todo:',
    clean:
      ':qemu-aarch64:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-aarch64-static:F',
    exampleFile: 'etc/binfmt.d/qemu.conf',
  },
  dockerfile: {
    before: 'FROM golang:1.23 AS build',
    fires: 'RUN TODO fires',
    clean: 'RUN go build -o /app .',
    exampleFile: 'Dockerfile',
  },
  'host-report': {
    before: 'GDLPROBE 1',
    fires: 'uname_s 4c696e7578',
    clean: 'uname_m 7838365f3634',
    after: 'GDLPROBE-END',
    exampleFile: 'host.gdlprobe',
  },
};
const s = SAMPLES[language];
const lines = (...xs) => xs.filter((x) => x !== undefined).join('\n') + '\n';
const example = lines(s.before, s.fires, s.after);
const clean = lines(s.before, s.clean, s.after);

fs.mkdirSync(path.dirname(ruleFile), { recursive: true });
fs.writeFileSync(
  ruleFile,
  `// Owns ${id}: TODO one sentence on what this rule owns.
import { defineRule } from '../rule';

export const ${camel} = defineRule({
  id: '${id}',
  name: '${name}',
  language: '${language}',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'TODO short noun phrase',
    what: 'TODO what it reports.',
    why: 'TODO what breaks, and how, when this ships.',
    example: ${JSON.stringify(example)},
    useInstead: ${JSON.stringify(clean)},${s.exampleFile === '.env' ? '' : `\n    exampleFile: '${s.exampleFile}',`}
  },
  check(input, report) {
    // TODO: find the mistake in \`input\` and report({ range, message }) on it.
    void input;
    void report;
  },
});
`,
);
fs.mkdirSync(path.dirname(fixture), { recursive: true });
const marker = `#<${'-'.repeat(s.fires.length)} ${id} TODO part of the message`;
fs.writeFileSync(
  fixture,
  lines(`# ${id} ${name}: marked lines must fire, the others must not.`, s.before, s.fires, marker, s.clean, s.after),
);

// The registry stays sorted by code: the new import and entry go before the first rule with a higher code.
const next = modules.find((m) => idOf(m) > id);
const importLine = `import { ${camel} } from './${language}/${name}';`;
registry =
  next === undefined
    ? registry.replace(/(\nexport const allRules)/, `\n${importLine}$1`)
    : registry.replace(`${next.line}\n`, `${importLine}\n${next.line}\n`);
registry =
  next === undefined
    ? registry.replace(/(\n\];\s*\n)(?![\s\S]*\n\];)/, `\n  ${camel},$1`)
    : registry.replace(new RegExp(`^(  )${next.camel},$`, 'm'), `$1${camel},\n$1${next.camel},`);
fs.writeFileSync(index, registry);

// The doc page and the rule tables are generated from the definition.
run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
run(process.execPath, ['--test', '--test-reporter=dot', 'out/test/unit/generated.test.js'], { BLESS: '1' });

const rel = (f) => path.relative(ROOT, f);
console.log(`
created    ${rel(ruleFile)}
created    ${rel(fixture)}
registered ${id} in server/src/rules/index.ts (sorted by code)
generated  docs/rules/${id}-${name}.md and the rule tables

Next: write check() and the docs, make the fixture real (one marked line that fires, one that must not), then:

  npm run test:rule -- ${id}
`);
