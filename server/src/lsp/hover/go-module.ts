// Owns the hover lines that say what a file's Go module requires (go and toolchain lines, sd_notify use).
import type { GoModule } from '../../parsers/gomod/module';

/** Markdown lines about the module: where it is, its go and toolchain lines, and its require count. */
export function moduleLines(module: GoModule | undefined): string[] {
  if (module === undefined) return ['', 'Go module: none found (no go.mod above this file).'];
  const { mod } = module;
  const direct = mod.requires.filter((r) => !r.indirect).length;
  return [
    '',
    `Go module \`${mod.module ?? '(no module line)'}\` (${module.link}):`,
    `- go line: ${mod.go === undefined ? 'none (the go command assumes go 1.16)' : `\`go ${mod.go.text}\``}`,
    `- toolchain: ${mod.toolchain === undefined ? 'none' : `\`${mod.toolchain.text}\``}`,
    `- requires: ${direct} direct, ${mod.requires.length - direct} indirect`,
  ];
}
