/** A promise started now and awaited later: its failure is thrown where it is awaited, not reported as unhandled before then. */
export function settledLater<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}
