import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, csvLine } from './csv-cell.js';

test('plain values are written bare', () => {
  assert.equal(csvCell('cpu_temp=55 (z=1.25)'), 'cpu_temp=55 (z=1.25)');
});

test('separators, quotes and newlines force quotes, quotes doubled', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
});

test('a line joins cells with commas and ends with a newline', () => {
  assert.equal(csvLine(['1', 'x,y', '']), '1,"x,y",\n');
});
