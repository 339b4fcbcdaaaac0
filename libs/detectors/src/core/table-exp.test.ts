import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Random } from './random.js';
import { tableExp } from './table-exp.js';

/** |a - b| in units of b's last place, relative to b. */
function ulpsApart(a: number, b: number): number {
  return Math.abs(a - b) / (b * Number.EPSILON);
}

describe('tableExp', () => {
  it('is within 2 ulp of Math.exp over [-708, 0]', () => {
    const random = new Random(7);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const scale = i % 2 === 0 ? 708 : 4;
      const x = -random.next() * scale;
      worst = Math.max(worst, ulpsApart(tableExp(x), Math.exp(x)));
    }
    assert.ok(worst <= 2, `worst ${worst} ulp`);
  });

  it('is exact where e^x is a table entry', () => {
    assert.equal(tableExp(0), 1);
    assert.equal(tableExp(-0), 1);
    assert.equal(tableExp(-Math.LN2 * 10), 2 ** -10);
  });

  it('leaves every other argument to Math.exp', () => {
    for (const x of [1e-300, 1, 700, -708.5, -750, -Infinity, Infinity]) {
      assert.equal(tableExp(x), Math.exp(x), `x = ${x}`);
    }
    assert.ok(Number.isNaN(tableExp(Number.NaN)));
  });
});
