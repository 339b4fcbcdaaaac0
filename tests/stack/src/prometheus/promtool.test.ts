import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { promtool } from './promtool.js';

describe('promtool', () => {
  it('accepts prometheus/prometheus.yml and the rule files it loads', async () => {
    const result = await promtool([
      'check',
      'config',
      'prometheus/prometheus.yml',
    ]);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /SUCCESS: \d+ rules found/);
  });

  it('accepts every rule file', async () => {
    const result = await promtool([
      'check',
      'rules',
      'prometheus/rules/hostwatch.yml',
    ]);
    assert.equal(result.code, 0, result.output);
  });

  it('passes the alert rules unit tests', async () => {
    const result = await promtool([
      'test',
      'rules',
      'prometheus/tests/hostwatch.test.yml',
    ]);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /SUCCESS/);
  });

  it('fails a rules test whose expectation is wrong (the check can fail)', async () => {
    const broken =
      'rule_files: []\n' +
      'tests:\n' +
      '  - interval: 1m\n' +
      '    input_series: []\n' +
      '    alert_rule_test:\n' +
      '      - eval_time: 1m\n' +
      '        alertname: Missing\n' +
      '        exp_alerts:\n' +
      '          - exp_labels: { severity: page }\n';
    const result = await promtool(['test', 'rules', '/dev/stdin'], broken);
    assert.notEqual(result.code, 0, result.output);
  });
});
