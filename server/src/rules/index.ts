// Owns the registry: every rule, sorted by id. Adding a rule means adding one import and one entry here.
import type { Rule, RuleLanguage } from './rule';
import { unparsableFile } from './engine/unparsable-file';
import { unknownRuleInSuppression } from './engine/unknown-rule-in-suppression';
import { unusedSuppression } from './engine/unused-suppression';
import { duplicateKey } from './dotenv/duplicate-key';
import { invalidKey } from './dotenv/invalid-key';
import { spaceAroundEquals } from './dotenv/space-around-equals';
import { inlineCommentKept } from './dotenv/inline-comment-kept';
import { exportPrefixUnsupported } from './dotenv/export-prefix-unsupported';
import { variableNotExpanded } from './dotenv/variable-not-expanded';
import { unterminatedQuote } from './dotenv/unterminated-quote';
import { quotesKeptLiterally } from './dotenv/quotes-kept-literally';
import { keyWithoutValue } from './dotenv/key-without-value';
import { crlfLineEndings } from './dotenv/crlf-line-endings';
import { malformedGomemlimit } from './go-values/malformed-gomemlimit';
import { invalidGogc } from './go-values/invalid-gogc';
import { invalidGomaxprocs } from './go-values/invalid-gomaxprocs';
import { invalidGotraceback } from './go-values/invalid-gotraceback';
import { godebugRemovedSetting } from './go-values/godebug-removed-setting';
import { godebugMalformed } from './go-values/godebug-malformed';
import { godebugDebugSettingInProduction } from './go-values/godebug-debug-setting-in-production';
import { invalidCgoEnabled } from './go-values/invalid-cgo-enabled';
import { unsupportedGoosGoarch } from './go-values/unsupported-goos-goarch';
import { invalidArchLevel } from './go-values/invalid-arch-level';
import { malformedGoproxy } from './go-values/malformed-goproxy';
import { malformedModulePatternList } from './go-values/malformed-module-pattern-list';
import { malformedGoflags } from './go-values/malformed-goflags';
import { invalidGotoolchain } from './go-values/invalid-gotoolchain';
import { legacyGopathMode } from './go-values/legacy-gopath-mode';
import { unknownGoVariable } from './go-values/unknown-go-variable';
import { invalidGosumdbGovcs } from './go-values/invalid-gosumdb-govcs';
import { gorootNotInstallRoot } from './go-values/goroot-not-install-root';
import { gorootSetUnnecessarily } from './go-values/goroot-set-unnecessarily';
import { goPathNotAbsolute } from './go-values/go-path-not-absolute';
import { gopathEqualsGoroot } from './go-values/gopath-equals-goroot';
import { pathShadowsGo } from './go-values/path-shadows-go';
import { gobinNotOnPath } from './go-values/gobin-not-on-path';
import { pathOverwritten } from './go-values/path-overwritten';
import { variableUsedBeforeSet } from './go-values/variable-used-before-set';
import { assignmentOutsideSection } from './systemd/assignment-outside-section';
import { unknownSection } from './systemd/unknown-section';
import { invalidSectionHeader } from './systemd/invalid-section-header';
import { missingEquals } from './systemd/missing-equals';
import { unknownDirective } from './systemd/unknown-directive';
import { directiveInWrongSection } from './systemd/directive-in-wrong-section';
import { inlineCommentInValue } from './systemd/inline-comment-in-value';
import { invalidSpecifier } from './systemd/invalid-specifier';
import { specifierInCommand } from './systemd/specifier-in-command';
import { deprecatedDirective } from './systemd/deprecated-directive';
import { invalidValue } from './systemd/invalid-value';
import { execNotAbsolute } from './systemd/exec-not-absolute';
import { execstartNotResetInDropin } from './systemd/execstart-not-reset-in-dropin';
import { unitLacksRequiredSetting } from './systemd/unit-lacks-required-setting';
import { missingExecstart } from './systemd/missing-execstart';
import { restartOnOneshot } from './systemd/restart-on-oneshot';
import { invalidEnvironmentAssignment } from './systemd/invalid-environment-assignment';
import { environmentfileNotAbsolute } from './systemd/environmentfile-not-absolute';
import { installTargetWithoutSuffix } from './systemd/install-target-without-suffix';
import { duplicateSingleValueDirective } from './systemd/duplicate-single-value-directive';
import { forkingTypeForGo } from './systemd/forking-type-for-go';
import { memoryLimitWithoutGomemlimit } from './systemd/memory-limit-without-gomemlimit';
import { gomemlimitAboveMemoryLimit } from './systemd/gomemlimit-above-memory-limit';
import { limitnofileLowersGoDefault } from './systemd/limitnofile-lowers-go-default';
import { syscallFilterKillsGo } from './systemd/syscall-filter-kills-go';
import { gomaxprocsUnawareOfCpuquota } from './systemd/gomaxprocs-unaware-of-cpuquota';
import { fileCapabilitiesWithNonewprivileges } from './systemd/file-capabilities-with-nonewprivileges';
import { runsAsRoot } from './systemd/runs-as-root';
import { restartLoopTooFast } from './systemd/restart-loop-too-fast';
import { environmentFileDialect } from './systemd/environment-file-dialect';
import { notifyWithoutSdNotify } from './systemd/notify-without-sd-notify';
import { registrationLength } from './binfmt/registration-length';
import { invalidDelimiter } from './binfmt/invalid-delimiter';
import { wrongFieldCount } from './binfmt/wrong-field-count';
import { invalidRegistrationName } from './binfmt/invalid-registration-name';
import { invalidRegistrationType } from './binfmt/invalid-registration-type';
import { invalidOffset } from './binfmt/invalid-offset';
import { magicBeyondBuffer } from './binfmt/magic-beyond-buffer';
import { invalidHexEscape } from './binfmt/invalid-hex-escape';
import { emptyMagic } from './binfmt/empty-magic';
import { maskLengthMismatch } from './binfmt/mask-length-mismatch';
import { invalidExtension } from './binfmt/invalid-extension';
import { invalidInterpreter } from './binfmt/invalid-interpreter';
import { invalidFlags } from './binfmt/invalid-flags';
import { elfMagicMatchesEveryBinary } from './binfmt/elf-magic-matches-every-binary';
import { nativeArchRegistration } from './binfmt/native-arch-registration';
import { missingFixBinaryFlag } from './binfmt/missing-fix-binary-flag';
import { credentialsFlag } from './binfmt/credentials-flag';
import { duplicateRegistrationName } from './binfmt/duplicate-registration-name';
import { binfmtFileNotConf } from './binfmt/binfmt-file-not-conf';
import { scriptMagicMatchesEveryScript } from './binfmt/script-magic-matches-every-script';
import { elfMagicMissesPie } from './binfmt/elf-magic-misses-pie';
import { unknownGoexperiment } from './go-values/unknown-goexperiment';
import { unreadCcVariable } from './go-values/unread-cc-variable';
import { cgoBinaryInIncompatibleImage } from './dockerfile/cgo-binary-in-incompatible-image';
import { shellFormInShelllessImage } from './dockerfile/shell-form-in-shellless-image';
import { missingCaCertificates } from './dockerfile/missing-ca-certificates';
import { missingZoneinfo } from './dockerfile/missing-zoneinfo';
import { userNameWithoutPasswd } from './dockerfile/user-name-without-passwd';
import { finalStageRunsAsRoot } from './dockerfile/final-stage-runs-as-root';
import { undeclaredBuildPlatformArg } from './dockerfile/undeclared-build-platform-arg';
import { hardcodedGoarchInMultiplatformBuild } from './dockerfile/hardcoded-goarch-in-multiplatform-build';
import { emulatedGoBuild } from './dockerfile/emulated-go-build';
import { copiedArtifactNotBuilt } from './dockerfile/copied-artifact-not-built';
import { toolchainImageAsFinalStage } from './dockerfile/toolchain-image-as-final-stage';
import { cgoCrossCompileWithoutCToolchain } from './dockerfile/cgo-cross-compile-without-c-toolchain';
import { obsoleteGoBuildFlag } from './dockerfile/obsolete-go-build-flag';
import { staticLinkOfGlibcNss } from './dockerfile/static-link-of-glibc-nss';
import { envPathOverwritesSystemPath } from './dockerfile/env-path-overwrites-system-path';
import { golangImageOlderThanModule } from './dockerfile/golang-image-older-than-module';
import { shellAsPid1 } from './dockerfile/shell-as-pid-1';
import { secretFileInImage } from './dockerfile/secret-file-in-image';
import { secretInArgOrEnv } from './dockerfile/secret-in-arg-or-env';
import { unpinnedGoInstall } from './dockerfile/unpinned-go-install';
import { healthcheckToolMissing } from './dockerfile/healthcheck-tool-missing';
import { invalidQuantity } from './containers/invalid-quantity';
import { gomemlimitAboveContainerLimit } from './containers/gomemlimit-above-container-limit';
import { containerLimitWithoutGomemlimit } from './containers/container-limit-without-gomemlimit';
import { gomemlimitFromLimitFieldRef } from './containers/gomemlimit-from-limit-field-ref';
import { gogcOffWithoutGomemlimit } from './containers/gogc-off-without-gomemlimit';
import { gomaxprocsAboveCpuLimit } from './containers/gomaxprocs-above-cpu-limit';
import { healthcheckToolMissingInImage } from './containers/healthcheck-tool-missing-in-image';
import { envFileMissing } from './containers/env-file-missing';
import { goNotOnPath } from './host-report/go-not-on-path';
import { multipleGoOnPath } from './host-report/multiple-go-on-path';
import { gorootMismatch } from './host-report/goroot-mismatch';
import { glibcTooOld } from './host-report/glibc-too-old';
import { missingElfInterpreter } from './host-report/missing-elf-interpreter';
import { binaryArchMismatch } from './host-report/binary-arch-mismatch';
import { binfmtNotAvailable } from './host-report/binfmt-not-available';
import { dangerousBinfmtEntry } from './host-report/dangerous-binfmt-entry';
import { noSystemd } from './host-report/no-systemd';
import { noBinSh } from './host-report/no-bin-sh';
import { resolvConfMissing } from './host-report/resolv-conf-missing';
import { caBundleMissing } from './host-report/ca-bundle-missing';
import { selinuxEnforcingWithDenials } from './host-report/selinux-enforcing-with-denials';
import { firewallBlocksServicePort } from './host-report/firewall-blocks-service-port';
import { lowSomaxconn } from './host-report/low-somaxconn';
import { cgroupV1 } from './host-report/cgroup-v1';
import { systemdTooOldForDirective } from './host-report/systemd-too-old-for-directive';
import { rosettaTranslatedGo } from './host-report/rosetta-translated-go';
import { nofileLimitLow } from './host-report/nofile-limit-low';

/** Sorted by id; registry tests check order, uniqueness, docs and fixtures. */
export const allRules: readonly Rule[] = [
  unparsableFile,
  unknownRuleInSuppression,
  unusedSuppression,
  duplicateKey,
  invalidKey,
  spaceAroundEquals,
  inlineCommentKept,
  exportPrefixUnsupported,
  variableNotExpanded,
  unterminatedQuote,
  quotesKeptLiterally,
  keyWithoutValue,
  crlfLineEndings,
  malformedGomemlimit,
  invalidGogc,
  invalidGomaxprocs,
  invalidGotraceback,
  godebugRemovedSetting,
  godebugMalformed,
  godebugDebugSettingInProduction,
  invalidCgoEnabled,
  unsupportedGoosGoarch,
  invalidArchLevel,
  malformedGoproxy,
  malformedModulePatternList,
  malformedGoflags,
  invalidGotoolchain,
  legacyGopathMode,
  unknownGoVariable,
  invalidGosumdbGovcs,
  gorootNotInstallRoot,
  gorootSetUnnecessarily,
  goPathNotAbsolute,
  gopathEqualsGoroot,
  pathShadowsGo,
  gobinNotOnPath,
  pathOverwritten,
  variableUsedBeforeSet,
  unknownGoexperiment,
  unreadCcVariable,
  assignmentOutsideSection,
  unknownSection,
  invalidSectionHeader,
  missingEquals,
  unknownDirective,
  directiveInWrongSection,
  inlineCommentInValue,
  invalidSpecifier,
  specifierInCommand,
  deprecatedDirective,
  invalidValue,
  execNotAbsolute,
  execstartNotResetInDropin,
  missingExecstart,
  restartOnOneshot,
  invalidEnvironmentAssignment,
  environmentfileNotAbsolute,
  installTargetWithoutSuffix,
  duplicateSingleValueDirective,
  unitLacksRequiredSetting,
  forkingTypeForGo,
  memoryLimitWithoutGomemlimit,
  gomemlimitAboveMemoryLimit,
  limitnofileLowersGoDefault,
  syscallFilterKillsGo,
  gomaxprocsUnawareOfCpuquota,
  fileCapabilitiesWithNonewprivileges,
  runsAsRoot,
  restartLoopTooFast,
  environmentFileDialect,
  notifyWithoutSdNotify,
  registrationLength,
  invalidDelimiter,
  wrongFieldCount,
  invalidRegistrationName,
  invalidRegistrationType,
  invalidOffset,
  magicBeyondBuffer,
  invalidHexEscape,
  emptyMagic,
  maskLengthMismatch,
  invalidExtension,
  invalidInterpreter,
  invalidFlags,
  elfMagicMatchesEveryBinary,
  nativeArchRegistration,
  missingFixBinaryFlag,
  credentialsFlag,
  duplicateRegistrationName,
  binfmtFileNotConf,
  scriptMagicMatchesEveryScript,
  elfMagicMissesPie,
  cgoBinaryInIncompatibleImage,
  shellFormInShelllessImage,
  missingCaCertificates,
  missingZoneinfo,
  userNameWithoutPasswd,
  finalStageRunsAsRoot,
  undeclaredBuildPlatformArg,
  hardcodedGoarchInMultiplatformBuild,
  emulatedGoBuild,
  copiedArtifactNotBuilt,
  toolchainImageAsFinalStage,
  cgoCrossCompileWithoutCToolchain,
  obsoleteGoBuildFlag,
  staticLinkOfGlibcNss,
  envPathOverwritesSystemPath,
  golangImageOlderThanModule,
  shellAsPid1,
  secretFileInImage,
  secretInArgOrEnv,
  unpinnedGoInstall,
  healthcheckToolMissing,
  goNotOnPath,
  multipleGoOnPath,
  gorootMismatch,
  glibcTooOld,
  missingElfInterpreter,
  binaryArchMismatch,
  binfmtNotAvailable,
  dangerousBinfmtEntry,
  noSystemd,
  noBinSh,
  resolvConfMissing,
  caBundleMissing,
  selinuxEnforcingWithDenials,
  firewallBlocksServicePort,
  lowSomaxconn,
  cgroupV1,
  systemdTooOldForDirective,
  rosettaTranslatedGo,
  nofileLimitLow,
  invalidQuantity,
  gomemlimitAboveContainerLimit,
  containerLimitWithoutGomemlimit,
  gomemlimitFromLimitFieldRef,
  gogcOffWithoutGomemlimit,
  gomaxprocsAboveCpuLimit,
  healthcheckToolMissingInImage,
  envFileMissing,
];

const BY_ID = new Map(allRules.map((r) => [r.id, r]));
const CODES: ReadonlySet<string> = new Set(BY_ID.keys());

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export function knownCodes(): ReadonlySet<string> {
  return CODES;
}

let byLanguage: ReadonlyMap<RuleLanguage, readonly Rule[]> | undefined;

/** The rules of one rule language, in registry order: an analysis loops only over the languages it has inputs for. */
export function rulesOf(language: RuleLanguage): readonly Rule[] {
  if (byLanguage === undefined) {
    const m = new Map<RuleLanguage, Rule[]>();
    for (const r of allRules) {
      const list = m.get(r.language);
      if (list === undefined) m.set(r.language, [r]);
      else list.push(r);
    }
    byLanguage = m;
  }
  return byLanguage.get(language) ?? [];
}
