// Owns what counts as secret in a message: names that hold credentials, and the password part of URLs.

/** Name parts that mark a credential (split at `_`, `-`, `.` and camel-case boundaries). */
const SECRET_PARTS = new Set([
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PWORD',
  'PRIVATEKEY',
  'PASSPHRASE',
  'PASS',
  'PWD',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'TOKENS',
  'KEY',
  'KEYS',
  'APIKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'CRED',
  'CREDS',
  'AUTH',
  'DSN',
  'COOKIE',
  'JWT',
  'SIGNATURE',
  'SALT',
]);

/** `PWD` alone is the shell's working directory, not a password. */
const NOT_SECRET = new Set(['PWD', 'OLDPWD']);

/** A name's parts, upper case: split at `_`, `-`, `.` and camel-case boundaries. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((p) => p !== '');
}

/** True when the part marks a credential (PASSWORD, TOKEN, KEY…). */
export function isSecretPart(part: string): boolean {
  return SECRET_PARTS.has(part.toUpperCase());
}

/** True for names like DB_PASSWORD, API_TOKEN, AWS_SECRET_ACCESS_KEY, apiKey: their values are never quoted. */
export function isSecretName(name: string): boolean {
  if (NOT_SECRET.has(name.toUpperCase())) return false;
  return nameParts(name).some(isSecretPart);
}

/** Replaces the password of every `scheme://user:password@` with `xxxxx`, as Go's url.URL.Redacted() does. */
export function redactUrls(text: string): string {
  // Most messages hold no URL with a password: skip the regular expression unless both markers are there.
  if (!text.includes('@') || !text.includes('://')) return text;
  return text.replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/@:`'"|,]*):[^\s/@`'"|,]*@/g, '$1:xxxxx@');
}

/** How a message shows a value: quoted, unless the name looks secret; URL passwords are always hidden. */
export function shownValue(name: string, value: string): string {
  return isSecretName(name) ? `the value of \`${name}\`` : `\`${redactUrls(value)}\``;
}
