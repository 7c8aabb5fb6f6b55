/**
 * The local runtime's heap, kept near what is live: V8 lets a busy heap grow to several times its live objects before
 * it collects (a 20,000-user day: 1.3 GB of heap for at most 330 MB live, 1.4 GB peak RSS). Once the heap passes
 * HIGH_WATER after an invocation, the runtime asks V8 to grow it by a quarter at most between collections
 * (`--heap-growing-percent`, which V8 reads at each collection), and gives it back its own heuristics when the heap is
 * small again. Measured: the 20,000-user day peaks at 825 MB (13% more wall time); a 3,700-user day runs in the same
 * time as without it (35 s).
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

const MB = 1024 * 1024;
const HIGH_WATER = 384 * MB;
const LOW_WATER = 64 * MB;

let tight = false;

/** Look at the heap (after each invocation: cheap) and tighten or relax its growth. */
export function boundHeap(heapUsed = getHeapStatistics().used_heap_size): void {
  if (!tight && heapUsed > HIGH_WATER) {
    setFlagsFromString('--heap-growing-percent=25');
    tight = true;
  } else if (tight && heapUsed < LOW_WATER) {
    setFlagsFromString('--heap-growing-percent=0');
    tight = false;
  }
}
