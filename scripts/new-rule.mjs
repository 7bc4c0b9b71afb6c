// `npm run new-rule -- GDL1NN rule-name <engine|dotenv|env-values>`: scaffolds the rule module, fixture and registry entry.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const [id, name, language = 'go-values'] = process.argv.slice(2);
const DIRS = { engine: 'engine', dotenv: 'dotenv', 'go-values': 'go' };
if (!/^GDL\d{3}$/.test(id ?? '') || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name ?? '') || !(language in DIRS)) {
  console.error('usage: npm run new-rule -- GDL1NN rule-name <engine|dotenv|env-values>');
  process.exit(2);
}
const dir = DIRS[language];
const camel = name.replace(/-([a-z0-9])/g, (_m, c) => c.toUpperCase());
const ruleFile = path.join(ROOT, 'server', 'src', 'rules', dir, `${name}.ts`);
const fixture = path.join(ROOT, 'test', 'fixtures', 'rules', dir, `${id}-${name}.env`);
if (fs.existsSync(ruleFile)) {
  console.error(`${path.relative(ROOT, ruleFile)} exists`);
  process.exit(2);
}
fs.writeFileSync(ruleFile, `// Owns ${id}: TODO one sentence on what this rule owns.
import { defineRule } from '../rule';

/** TODO: what the rule flags. */
export const ${camel} = defineRule({
  id: '${id}',
  name: '${name}',
  language: '${language}',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'TODO short noun phrase',
    what: 'TODO what it reports.',
    why: 'TODO what breaks and how.',
    example: 'TODO=fires\\n',
    useInstead: 'TODO=clean\\n',
  },
  check(input, report) {
    void input;
    void report;
  },
});
`);
fs.writeFileSync(fixture, `# ${id} ${name}: lines with markers fire, the others must not.\nTODO=fires\n#<---- ${id} TODO message part\nTODO=clean\n`);
const index = path.join(ROOT, 'server', 'src', 'rules', 'index.ts');
let text = fs.readFileSync(index, 'utf8');
text = text.replace(/(import type \{ Rule \} from '\.\/rule';\n)/, `$1import { ${camel} } from './${dir}/${name}';\n`);
text = text.replace(/(export const allRules: readonly Rule\[\] = \[\n)/, `$1  ${camel},\n`);
fs.writeFileSync(index, text);
console.log(`created ${path.relative(ROOT, ruleFile)}\ncreated ${path.relative(ROOT, fixture)}\nregistered in server/src/rules/index.ts (move the entry to its sorted place)\nnext: write the check and the fixture, then BLESS=1 npm test`);
