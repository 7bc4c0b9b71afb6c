// Owns the generated artifacts that tests keep in sync: rule doc pages, the rules index and the settings manifest.
import { z } from 'zod';
import { allRules } from '../../server/src/rules/index';
import type { Rule } from '../../server/src/rules/rule';
import { RULE_LANGUAGES } from '../../server/src/rules/rule-languages';
import { docFileName } from '../../server/src/analysis/rule-docs';
import { ENUM_DESCRIPTIONS, settingsSchema } from '../../server/src/settings';

const FIX_LABEL = { safe: 'safe fix', unsafe: 'suggestion', none: '—' } as const;

function fence(text: string, file: string): string {
  const lang = file.endsWith('.env') || file.startsWith('.env') ? 'sh' : file.includes('binfmt') ? 'text' : '';
  const shown = text.replace(/\u0000/g, '\\0').replace(/\r/g, '');
  return `\`\`\`${lang}\n${shown}${shown.endsWith('\n') ? '' : '\n'}\`\`\``;
}

export function renderRuleDoc(rule: Rule): string {
  const d = rule.docs;
  const file = d.exampleFile ?? '.env';
  const safety =
    rule.fixSafety === 'safe'
      ? 'The fix is **safe**: it is offered as the preferred quick fix and applied by "Fix all" and `--fix`.'
      : rule.fixSafety === 'unsafe'
        ? 'The fix is a **suggestion**: review it before applying; "Fix all" and `--fix` skip it unless `--unsafe-fixes` is given.'
        : 'This rule has no automatic fix.';
  const parts = [
    `# ${rule.id} ${rule.name}`,
    '',
    `${d.summary}.`,
    '',
    `| Language | Default severity | Fix |`,
    `|---|---|---|`,
    `| ${RULE_LANGUAGES[rule.language].label} | ${rule.defaultSeverity} | ${FIX_LABEL[rule.fixSafety]} |`,
    '',
    '## What it does',
    '',
    d.what,
    '',
    '## Why is this bad?',
    '',
    d.why,
    '',
    '## Example',
    '',
    fence(d.example, file),
    '',
    '## Use instead',
    '',
    ...(d.useInsteadFile !== undefined ? [`Name the file \`${d.useInsteadFile}\`:`, ''] : []),
    fence(d.useInstead, file),
    '',
    '## Fix safety',
    '',
    safety,
    '',
    '## Settings',
    '',
    `Change the severity or turn the rule off with \`"goDeployLint.rules": { "${rule.id}": "off" }\` (CLI: the same \`rules\` key in \`.go-deploy-lint.json\`). Suppress one line with \`# go-deploy-lint ignore=${rule.id}\` on the line above, or a whole file with \`# go-deploy-lint ignore-file=${rule.id}\`.`,
    ...(d.exampleSettings !== undefined ? ['', `The example needs: \`${JSON.stringify(d.exampleSettings)}\`.`] : []),
    '',
    '## References',
    '',
    ...(d.references ?? []).map((r) => `- <${r}>`),
    `- [Rule catalog](README.md)`,
    '',
    '## View source',
    '',
    `[server/src/rules/${rule.language}/${rule.name}.ts](../../server/src/rules/${rule.language}/${rule.name}.ts)`,
    '',
  ];
  return parts.join('\n');
}

export function renderRulesIndex(): string {
  const rows = allRules.map(
    (r) =>
      `| [${r.id}](${docFileName(r)}) | ${r.name} | ${RULE_LANGUAGES[r.language].label} | ${r.defaultSeverity} | ${FIX_LABEL[r.fixSafety]} | ${r.docs.summary} |`,
  );
  return [
    '# Rules',
    '',
    'Generated from the rule registry; do not edit by hand (`BLESS=1 npm test` regenerates it).',
    '',
    '| Code | Name | Language | Severity | Fix | Summary |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** The README's rules table: same rows as the index, links into docs/rules. */
export function renderReadmeRules(): string {
  const rows = allRules.map(
    (r) =>
      `| [${r.id}](docs/rules/${docFileName(r)}) | ${r.name} | ${RULE_LANGUAGES[r.language].label} | ${r.defaultSeverity} | ${FIX_LABEL[r.fixSafety]} | ${r.docs.summary} |`,
  );
  return ['| Code | Name | Language | Severity | Fix | Summary |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: unknown;
  default?: unknown;
  description?: string;
  [k: string]: unknown;
};

/** The `contributes.configuration.properties` the zod schema implies, flattened to `goDeployLint.a.b` keys. */
export function expectedConfiguration(): Record<string, JsonSchema> {
  const root = z.toJSONSchema(settingsSchema, { io: 'input' }) as JsonSchema;
  const out: Record<string, JsonSchema> = {};
  const visit = (prefix: string, s: JsonSchema): void => {
    if (s.type === 'object' && s.properties !== undefined && s.additionalProperties === undefined) {
      for (const [k, v] of Object.entries(s.properties)) visit(`${prefix}.${k}`, v);
      return;
    }
    const rest = { ...s };
    delete rest.$schema;
    // Text with Markdown (backticks) goes to markdownDescription, which VS Code renders; plain text stays as is.
    if (typeof rest.description === 'string' && rest.description.includes('`')) {
      rest.markdownDescription = rest.description;
      delete rest.description;
    }
    const key = prefix.slice('goDeployLint.'.length);
    const enumDescriptions = ENUM_DESCRIPTIONS[key];
    if (enumDescriptions !== undefined) {
      // An enum of values, or of a record's values (rules, envDialects): the descriptions go where the enum is.
      const target = rest.enum !== undefined ? rest : (rest.additionalProperties as JsonSchema | undefined);
      if (target !== undefined) target.markdownEnumDescriptions = [...enumDescriptions];
    }
    out[prefix] = {
      ...rest,
      scope: prefix.endsWith('trace.server') || prefix.includes('.hostChecks.') ? 'window' : 'resource',
    };
  };
  for (const [k, v] of Object.entries(root.properties ?? {})) visit(`goDeployLint.${k}`, v);
  return out;
}
