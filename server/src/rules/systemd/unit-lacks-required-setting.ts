// Owns GDL220: timers, paths, sockets and mounts that systemd refuses to load for lack of their defining setting.
import { defineRule } from '../rule';
import { mergedValues } from '../../parsers/systemd/input';
import type { UnitType } from '../../knowledge/systemd-directives';

/** What each unit type needs (src/core/{timer,path,socket,mount}.c *_verify), and systemd's words when it is missing. */
const REQUIRED: Partial<
  Record<UnitType, { readonly section: string; readonly keys: readonly string[]; readonly refusal: string }>
> = {
  timer: {
    section: 'Timer',
    keys: [
      'OnActiveSec',
      'OnBootSec',
      'OnStartupSec',
      'OnUnitActiveSec',
      'OnUnitInactiveSec',
      'OnCalendar',
      'OnClockChange',
      'OnTimezoneChange',
    ],
    refusal: 'Timer unit lacks value setting',
  },
  path: {
    section: 'Path',
    keys: ['PathExists', 'PathExistsGlob', 'PathChanged', 'PathModified', 'DirectoryNotEmpty'],
    refusal: 'Path unit lacks path setting',
  },
  socket: {
    section: 'Socket',
    keys: [
      'ListenStream',
      'ListenDatagram',
      'ListenSequentialPacket',
      'ListenFIFO',
      'ListenSpecial',
      'ListenNetlink',
      'ListenMessageQueue',
      'ListenUSBFunction',
    ],
    refusal: 'Unit has no Listen setting',
  },
  mount: { section: 'Mount', keys: ['What'], refusal: 'What= setting is missing' },
};

export const unitLacksRequiredSetting = defineRule({
  id: 'GDL220',
  name: 'unit-lacks-required-setting',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'none',
  crossLineKeys: Object.values(REQUIRED).flatMap((r) => r.keys),
  docs: {
    summary: 'Unit lacks the setting its type requires',
    what: 'Reports a timer with no `On*=` trigger, a path unit with no `Path*=`/`DirectoryNotEmpty=`, a socket with no `Listen*=` and a mount with no `What=`, counting the drop-ins in the workspace.',
    why: 'systemd refuses to load such a unit ("Timer unit lacks value setting. Refusing."): the timer never fires, the socket never listens, and `systemctl enable` fails.',
    example: '[Timer]\nAccuracySec=1s\n',
    useInstead: '[Timer]\nOnCalendar=daily\nAccuracySec=1s\n',
    exampleFile: 'backup.timer',
  },
  check(input, report) {
    const need = input.unitType === undefined ? undefined : REQUIRED[input.unitType];
    if (need === undefined || input.isDropIn) return;
    if (need.keys.some((k) => mergedValues(input, need.section, k).some((m) => m.value.trim() !== ''))) return;
    const section = input.file.sections.find((s) => s.name.text === need.section);
    const range = section?.name.range ?? input.file.sections[0]?.name.range ?? input.index.lineRange(0);
    report({
      range,
      message: `${input.unitName} has no ${
        need.keys.length === 1
          ? `\`${need.keys[0] ?? ''}=\``
          : `${need.section} trigger (${need.keys
              .slice(0, 3)
              .map((k) => `${k}=`)
              .join(', ')}…)`
      }: systemd refuses it ("${need.refusal}")`,
    });
  },
});
