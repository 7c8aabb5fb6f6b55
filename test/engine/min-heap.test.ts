import { MinHeap } from '../../src/min-heap';

describe('MinHeap', () => {
  it('given numbers pushed in any order, when popped, then they come out smallest first, and then nothing', () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    const input = [5, 3, 9, 1, 1, 7, 2, 8, 6, 4, 0];
    for (const n of input) heap.push(n);

    const out: number[] = [];
    for (let n = heap.pop(); n !== undefined; n = heap.pop()) out.push(n);

    expect(out).toEqual([...input].sort((a, b) => a - b));
    expect(heap.size).toBe(0);
    expect(heap.peek()).toBeUndefined();
  });

  it('given ties broken by input position in the order, when popped, then equal keys keep their input order (a stable sort)', () => {
    const heap = new MinHeap<{ at: number; seq: number }>((x, y) => x.at < y.at || (x.at === y.at && x.seq < y.seq));
    const keys = [3, 1, 3, 2, 1, 3, 2, 1];
    keys.forEach((at, seq) => heap.push({ at, seq }));

    const out: Array<{ at: number; seq: number }> = [];
    for (let x = heap.pop(); x; x = heap.pop()) out.push(x);

    expect(out).toEqual(keys.map((at, seq) => ({ at, seq })).sort((a, b) => a.at - b.at));
  });
});
