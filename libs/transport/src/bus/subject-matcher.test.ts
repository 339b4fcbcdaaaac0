import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertPublishSubject, SubjectMatcher } from './subject-matcher.js';

describe('SubjectMatcher', () => {
  it('matches literal, * and > filters as NATS does', () => {
    const cases: [string, string, boolean][] = [
      ['metrics.a', 'metrics.a', true],
      ['metrics.a', 'metrics.b', false],
      ['metrics.*', 'metrics.a', true],
      ['metrics.*', 'metrics.a.b', false],
      ['metrics.*', 'metrics', false],
      ['metrics.>', 'metrics.a.b', true],
      ['metrics.>', 'metrics', false],
      ['*.a', 'scores.a', true],
      ['>', 'anything.at.all', true],
    ];
    for (const [filter, subject, expected] of cases) {
      assert.equal(
        new SubjectMatcher(filter).matches(subject),
        expected,
        `${filter} ~ ${subject}`,
      );
    }
  });

  it('refuses malformed filters and wildcard publish subjects', () => {
    for (const bad of ['', 'a..b', 'a.>.b', 'a.b*', 'a b']) {
      assert.throws(
        () => new SubjectMatcher(bad),
        { code: 'INVALID_OPTION' },
        bad,
      );
    }
    assert.throws(() => assertPublishSubject('metrics.>'), {
      code: 'INVALID_OPTION',
    });
    assert.doesNotThrow(() => assertPublishSubject('metrics.web-1'));
  });
});
