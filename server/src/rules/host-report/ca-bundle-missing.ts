// Owns GDL512: No CA bundle where Go looks.
import { recordOf, isRecord } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const caBundleMissing = defineRule({
  id: 'GDL512',
  name: 'ca-bundle-missing',
  language: 'host-report',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'No CA bundle where Go looks',
    what: 'Reports a host where none of the CA bundle files Go searches exists and SSL_CERT_FILE is not set.',
    why: 'Every TLS connection fails with "x509: certificate signed by unknown authority".',
    example: probe([['uname_s', 'Linux']]),
    useInstead: probe([
      ['uname_s', 'Linux'],
      ['ca_bundle', '/etc/ssl/certs/ca-certificates.crt'],
    ]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe }, report) {
    const s = recordOf(probe, 'uname_s');
    if (
      s === undefined ||
      s.values[0] !== 'Linux' ||
      probe.records.some((x) => isRecord(x, 'ca_bundle') || isRecord(x, 'ssl_cert_file'))
    )
      return;
    report({
      range: s.keyToken.range,
      message:
        'No CA bundle where Go looks: TLS fails ("x509: certificate signed by unknown authority"); install ca-certificates',
    });
  },
});
