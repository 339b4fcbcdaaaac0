import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  hostOfMetricsSubject,
  partitionDurable,
  partitionFilter,
  partitionMappingConfig,
  partitionOfSubject,
} from './partition-subjects.js';

describe('partition subjects', () => {
  it('reads the host of plain and partitioned metrics subjects', () => {
    assert.equal(hostOfMetricsSubject('metrics.web-1'), 'web-1');
    assert.equal(hostOfMetricsSubject('metrics.web-1.7'), 'web-1');
    assert.equal(hostOfMetricsSubject('metrics.web-1.x'), null);
    assert.equal(hostOfMetricsSubject('scores.web-1'), null);
    assert.equal(hostOfMetricsSubject('metrics.a.b.c'), null);
  });

  it('reads the partition of a mapped subject, -1 for a plain one', () => {
    assert.equal(partitionOfSubject('metrics.web-1.3'), 3);
    assert.equal(partitionOfSubject('metrics.web-1'), -1);
    assert.equal(partitionOfSubject('metrics'), -1);
  });

  it('names the filter, the durable and the server mapping of a partition', () => {
    assert.equal(partitionFilter(2), 'metrics.*.2');
    assert.equal(partitionDurable('scorer', 2), 'scorer-p2');
    assert.equal(
      partitionMappingConfig(8),
      'mappings = { "metrics.*": "metrics.{{wildcard(1)}}.{{partition(8,1)}}" }',
    );
  });
});
