import { describe, expect, it } from 'vitest';
import { laneIndex } from '../../src/lib/charts/lane-keys';

describe('arrow keys on the timeline', () => {
  // Three lanes: 2023 and 2025; 2026 alone; 2023, 2024 and undated.
  const UNDATED = Number.MAX_SAFE_INTEGER;
  const lanes = [[2023, 2025], [2026], [2023, 2024, UNDATED]];

  it('moves along a lane in time with Left and Right, stopping at its ends', () => {
    expect(laneIndex('ArrowRight', 0, lanes)).toBe(1);
    expect(laneIndex('ArrowRight', 1, lanes)).toBe(1); // not on to the next lane's 2026
    expect(laneIndex('ArrowRight', 2, lanes)).toBe(2); // not back to 2023 in the lane below
    expect(laneIndex('ArrowLeft', 3, lanes)).toBe(3);
    expect(laneIndex('ArrowLeft', 5, lanes)).toBe(4);
  });

  it('moves to the nearest in time in the lane above or below with Up and Down', () => {
    expect(laneIndex('ArrowDown', 1, lanes)).toBe(2);
    expect(laneIndex('ArrowDown', 2, lanes)).toBe(4); // 2026: 2024 is nearest
    expect(laneIndex('ArrowUp', 3, lanes)).toBe(2);
    expect(laneIndex('ArrowUp', 2, lanes)).toBe(1); // 2026: 2025
    expect(laneIndex('ArrowUp', 0, lanes)).toBe(0);
    expect(laneIndex('ArrowDown', 5, lanes)).toBe(5);
  });

  it('goes to the first and last meeting with Home and End, and leaves other keys', () => {
    expect(laneIndex('Home', 4, lanes)).toBe(0);
    expect(laneIndex('End', 0, lanes)).toBe(5);
    expect(laneIndex('a', 0, lanes)).toBeNull();
    expect(laneIndex('ArrowRight', 0, [])).toBeNull();
  });
});
