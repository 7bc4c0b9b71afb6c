// Owns turning a shell-form command into exec form, when that changes nothing but the missing shell.
/** `["/app", "--listen", ":8080"]` for `/app --listen :8080`; undefined when the text needs a shell to mean the same. */
export function execFormOf(command: string): string | undefined {
  if (/["'$`|&;<>()\\*?~{}#\n]/.test(command) || /(^|\s)[A-Za-z_][A-Za-z0-9_]*=/.test(command)) return undefined;
  const words = command.split(/\s+/).filter((w) => w !== '');
  return words.length === 0 ? undefined : `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}
