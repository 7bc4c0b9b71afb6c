// Owns GDL404: a final image without zoneinfo where the program needs time zones.
import { defineRule } from '../rule';
import { finalStage } from '../../parsers/dockerfile/linkage';

export const missingZoneinfo = defineRule({
  id: 'GDL404',
  name: 'missing-zoneinfo',
  language: 'dockerfile',
  defaultSeverity: 'information',
  fixSafety: 'safe',
  docs: {
    summary: 'No time zone database in the final image',
    what: 'Reports a final image without zoneinfo (scratch, alpine) when `TZ` or `ZONEINFO` is set in it, unless the go build uses `-tags timetzdata`.',
    why: '`time.LoadLocation` and `TZ` need the zone database: without it Go fails with "unknown time zone". `-trimpath` also removes the fallback to `$GOROOT/lib/time/zoneinfo.zip`. `-tags timetzdata` embeds the database in the binary (about 450 KB).',
    example:
      'FROM golang:1.27 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nENV TZ=Europe/Paris\nCOPY --from=build /out/app /app\n',
    useInstead:
      'FROM golang:1.27 AS build\nRUN CGO_ENABLED=0 go build -tags timetzdata -o /out/app .\nFROM scratch\nENV TZ=Europe/Paris\nCOPY --from=build /out/app /app\n',
    exampleFile: 'Dockerfile',
  },
  check({ model, index }, report) {
    const last = finalStage(model);
    if (last === undefined || last.facts?.zoneinfo !== false) return;
    const tz = last.env.get('TZ') ?? last.env.get('ZONEINFO');
    if (tz === undefined || tz.range === undefined || last.creates.some((c) => c.startsWith('/usr/share/zoneinfo')))
      return;
    const builds = model.stages.flatMap((s) => s.goBuilds);
    if (
      builds.length === 0 ||
      builds.some((b) => b.flags.some((f) => f.name === 'tags' && /timetzdata/.test(f.value ?? '')))
    )
      return;
    const build = builds.find((b) => !b.execForm);
    const goEnd =
      build === undefined ? undefined : build.words.find((w) => w.value === 'build' || w.value === 'install');
    report({
      range: tz.range,
      message: `${last.image} has no /usr/share/zoneinfo and the Go build does not embed it: time zones fail with "unknown time zone"`,
      fixes:
        goEnd === undefined
          ? []
          : [
              {
                title: 'Add -tags timetzdata to the go build',
                edits: [{ range: index.range(goEnd.end, goEnd.end), newText: ' -tags timetzdata' }],
              },
            ],
    });
  },
});
