import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertSignal, readAlertRules } from './alert-rules.js';

/** What issue 7 asks the rules to page on, by alert name. */
const REQUIRED = [
  'HostAnomalyRateHigh',
  'HostDriftDetected',
  'HostwatchServiceDown',
  'CollectorStoppedSending',
  'ScorerConsumerLagGrowing',
  'DeadLettersIncreasing',
];

describe('alert rules', () => {
  it('cover every condition the issue names', async () => {
    const names = (await readAlertRules()).map((rule) => rule.alert);
    for (const name of REQUIRED) assert.ok(names.includes(name), name);
  });

  it('give each alert a summary and description with a subject and the value', async () => {
    for (const rule of await readAlertRules()) {
      const { summary, description } = rule.annotations ?? {};
      assert.ok(summary !== undefined && description !== undefined, rule.alert);
      assert.match(description, /\$value/, `${rule.alert} description`);
      assert.match(
        `${summary} ${description}`,
        /\$labels\.(host|instance|consumer)/,
        `${rule.alert} names no host, instance or consumer`,
      );
      assert.ok(rule.labels?.severity, `${rule.alert} severity`);
    }
  });
});

describe('alertSignal', () => {
  it('drops top-level comparisons with numbers', () => {
    assert.equal(alertSignal('up{job="a"} == 0'), 'up{job="a"}');
    assert.equal(
      alertSignal('max by (c) (lag) > 100 and max by (c) (deriv(lag[5m])) > 0'),
      'max by (c) (lag) and max by (c) (deriv(lag[5m]))',
    );
    assert.equal(alertSignal('time() - max(t) > 60'), 'time() - max(t)');
  });

  it('keeps comparisons inside parentheses, matchers and strings', () => {
    assert.equal(
      alertSignal('count(x > 1) + y{a!="2"} > 3'),
      'count(x > 1) + y{a!="2"}',
    );
  });
});
