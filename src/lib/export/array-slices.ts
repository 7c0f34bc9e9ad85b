/**
 * Sends a value holding large typed arrays (a dataset's packed columns) to a worker without one
 * long task on the page. postMessage copies a typed array it does not move, all in the task that
 * posts it: the packed columns of 200,000 meetings (about 35 MB) took the page 36–99 ms to post,
 * and a million would take seconds. They cannot be moved either: the page goes on reading them.
 * So each is copied a slice at a time (`slice`: a copy in a millisecond or two), and the copy is
 * moved; the page yields between a few slices. The worker puts the arrays back together.
 */

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
const TYPES = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float64Array };
type TypeName = keyof typeof TYPES;

/** The value with its typed arrays taken out, each replaced by its place in the list. */
export type Skeleton = unknown;

/** What is posted: the value without its arrays first, then each array's slices, then the end. */
export type SliceMessage =
  | { type: 'begin'; skeleton: Skeleton; arrays: { type: TypeName; length: number }[] }
  | { type: 'slice'; array: number; at: number; values: Typed }
  | { type: 'end' };

/** Bytes per slice, and posted before the page is given back its thread. */
export const SLICE_BYTES = 4 * 1024 * 1024;
export const TASK_BYTES = 8 * 1024 * 1024;

/** `value` with every typed array in it replaced by `{ typed: i }`, the array being `arrays[i]`. Plain objects and arrays only. */
function takeArrays(value: unknown, arrays: Typed[]): Skeleton {
  if (ArrayBuffer.isView(value)) return { typed: arrays.push(value as Typed) - 1 };
  if (Array.isArray(value)) return value.map((v) => takeArrays(v, arrays));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, takeArrays(v, arrays)]));
  return value;
}

/** The value again, its typed arrays put back. */
function putArrays(skeleton: Skeleton, arrays: Typed[]): unknown {
  if (Array.isArray(skeleton)) return skeleton.map((v) => putArrays(v, arrays));
  if (skeleton !== null && typeof skeleton === 'object') {
    const at = (skeleton as { typed?: number }).typed;
    if (typeof at === 'number' && Object.keys(skeleton).length === 1) return arrays[at];
    return Object.fromEntries(Object.entries(skeleton).map(([k, v]) => [k, putArrays(v, arrays)]));
  }
  return skeleton;
}

/**
 * Posts `value` as SliceMessages: `post` sends one (moving `transfer`); `pause` gives the page
 * its thread back. The value's own arrays are only read.
 */
export async function postInSlices(
  value: unknown,
  post: (message: SliceMessage, transfer: ArrayBuffer[]) => void,
  pause: () => Promise<void>,
  sliceBytes = SLICE_BYTES,
): Promise<void> {
  const arrays: Typed[] = [];
  const skeleton = takeArrays(value, arrays);
  post(
    {
      type: 'begin',
      skeleton,
      arrays: arrays.map((a) => ({ type: a.constructor.name as TypeName, length: a.length })),
    },
    [],
  );
  let posted = 0;
  await pause(); // the press that asked for it ends here
  for (const [i, a] of arrays.entries()) {
    const step = Math.max(1, Math.floor(sliceBytes / a.BYTES_PER_ELEMENT));
    for (let at = 0; at < a.length; at += step) {
      const values = a.slice(at, at + step);
      post({ type: 'slice', array: i, at, values }, [values.buffer]);
      posted += values.byteLength;
      if (posted >= TASK_BYTES) {
        posted = 0;
        await pause();
      }
    }
  }
  post({ type: 'end' }, []);
}

/** The worker's end: takes SliceMessages in order; `take` returns the value once it has all of it. */
export class SliceReceiver {
  #skeleton: Skeleton = null;
  #arrays: Typed[] = [];

  take(m: SliceMessage): { value: unknown } | null {
    if (m.type === 'begin') {
      this.#skeleton = m.skeleton;
      this.#arrays = m.arrays.map(({ type, length }) => new TYPES[type](length));
    } else if (m.type === 'slice') this.#arrays[m.array]!.set(m.values, m.at);
    else return { value: putArrays(this.#skeleton, this.#arrays) };
    return null;
  }
}
