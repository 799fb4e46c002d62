// Labels near the right edge of the graph area are drawn left of their node, so the side panel
// never cuts a name (issue 15: "nothing under the panel" on the opening view).
import { describe, expect, it } from 'vitest';
import { labelStart } from '../../web/src/labels.js';

describe('labelStart', () => {
  it('puts a label right of its disc when it fits', () => {
    expect(labelStart(100, 10, 80, 800)).toBe(113);
  });
  it('flips a label that would run past the right edge to the left of the disc', () => {
    const start = labelStart(760, 10, 80, 800);
    expect(start).toBe(667);
    expect(start + 80).toBeLessThan(760 - 10);
  });
  it('keeps the right side when the left side has no room either', () => {
    expect(labelStart(50, 10, 790, 800)).toBe(63);
  });
});
