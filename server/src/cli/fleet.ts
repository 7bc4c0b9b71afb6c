// Owns writing an inventory scan's fleet report as files: the Markdown, its SVG charts next to it
// (`<name>-<chart>.svg`, relative links that GitHub and editors render) and a section per host to drill into.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Rule } from '../rules/rule';
import { fleetHostSections, fleetMarkdown, headingAnchor, type FleetHost } from '../host/fleet';

export function writeFleetReport(file: string, hosts: readonly FleetHost[], ruleLink: (rule: Rule) => string): void {
  const dir = path.dirname(path.resolve(file));
  const stem = path.basename(file).replace(/\.md$/i, '');
  const links = {
    chart: (name: string, svg: string): string => {
      const svgFile = `${stem}-${name}.svg`;
      fs.writeFileSync(path.join(dir, svgFile), svg);
      return encodeURI(svgFile);
    },
    host: (name: string): string => headingAnchor(name),
    rule: ruleLink,
  };
  fs.writeFileSync(path.resolve(file), `${fleetMarkdown(hosts, links)}\n${fleetHostSections(hosts, links)}`);
}
