// Owns the single-character C escapes (`\n`, `\t`, …) that Go's strconv, systemd's cunescape and bash's $'…' share.

/** `\a \b \f \n \r \t \v \\`: each consumer adds its own (quotes, `\s`, `\e`, `\$`). */
export const C_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};
