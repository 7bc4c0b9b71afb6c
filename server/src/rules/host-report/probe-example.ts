// Owns writing doc examples of host rules: probe output built from readable records.
const hex = (s: string): string => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

/** `probe([['uname_m', 'x86_64'], ['os_release', '/etc/os-release', 'ID=alpine']])` → probe output text. */
export function probe(records: readonly (readonly string[])[]): string {
  return ['GDLPROBE 1', ...records.map(([k, ...v]) => `${k ?? ''} ${v.map(hex).join(' ')}`), 'GDLPROBE-END', ''].join(
    '\n',
  );
}
