/**
 * Arrow keys on the timeline, which is a grid of lanes in time: Left and Right move along the
 * lane, earlier and later, and stop at its ends (Right once jumped from a 2026 round to a 2023 one
 * in the lane below); Up and Down move to the lane above or below, to its meeting nearest in time;
 * Home and End go to the first and last meeting of all. `lanes` holds each lane's meetings' places
 * in time, in order (an undated one after every date); `index` counts meetings lane by lane.
 * Returns the new index, or null for other keys.
 */
export function laneIndex(key: string, index: number, lanes: readonly (readonly number[])[]): number | null {
  const count = lanes.reduce((n, l) => n + l.length, 0);
  if (count === 0 || index < 0) return null;
  let lane = 0;
  let start = 0;
  while (index >= start + lanes[lane]!.length) start += lanes[lane++]!.length;
  const k = index - start;
  const row = lanes[lane]!;
  switch (key) {
    case 'ArrowRight':
      return start + Math.min(row.length - 1, k + 1);
    case 'ArrowLeft':
      return start + Math.max(0, k - 1);
    case 'ArrowDown':
    case 'ArrowUp': {
      const step = key === 'ArrowDown' ? 1 : -1;
      let to = lane + step;
      let at = start + (step > 0 ? row.length : 0);
      // Lanes left empty (none here; the count allows it) are passed over.
      while (to >= 0 && to < lanes.length && lanes[to]!.length === 0) to += step;
      if (to < 0 || to >= lanes.length) return index;
      if (step > 0) for (let l = lane + 1; l < to; l++) at += lanes[l]!.length;
      else for (let l = lane - 1; l >= to; l--) at -= lanes[l]!.length;
      const target = lanes[to]!;
      const when = row[k]!;
      let best = 0;
      for (let j = 1; j < target.length; j++)
        if (Math.abs(target[j]! - when) < Math.abs(target[best]! - when)) best = j;
      return at + best;
    }
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
