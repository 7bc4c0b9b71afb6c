// Owns GDL108: quotes around a value in dialects that keep them.
import { isSecretName } from '../../knowledge/secrets';
import { defineRule } from '../rule';
import { DIALECT_LOADER, keepsQuotes } from '../../parsers/dotenv/dialects';

export const quotesKeptLiterally = defineRule({
  id: 'GDL108',
  name: 'quotes-kept-literally',
  language: 'dotenv',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Quotes become part of the value',
    what: 'In the `docker` and `go-env` dialects, reports a value wrapped in quotes.',
    why: 'These loaders do not strip quotes (GOFLAGS, CC and the CGO_*FLAGS are exempt: the go command splits them itself and honours quotes): `GOPROXY="https://proxy.example"` gives Go a URL starting with a quote, and `CGO_ENABLED="0"` is not `0`, so cgo stays on.',
    example: '# go-deploy-lint dialect=docker\nCGO_ENABLED="0"\n',
    useInstead: '# go-deploy-lint dialect=docker\nCGO_ENABLED=0\n',
  },
  check({ file, dialect }, report) {
    for (const e of file.entries) {
      if (e.kind !== 'assignment' || e.value === undefined || !keepsQuotes(e, dialect)) continue;
      const v = e.value;
      const fixable = !/\s/.test(v.body.text) && !v.body.text.includes(v.quote ?? '');
      report({
        range: v.raw.range,
        message: isSecretName(e.key.text)
          ? `${DIALECT_LOADER[dialect]} keeps the quotes: they are part of the value of \`${e.key.text}\``
          : `${DIALECT_LOADER[dialect]} keeps the quotes: \`${e.key.text}\` is \`${v.raw.text}\`, quotes included`,
        fixes: fixable ? [{ title: 'Remove the quotes', edits: [{ range: v.raw.range, newText: v.body.text }] }] : [],
      });
    }
  },
});
