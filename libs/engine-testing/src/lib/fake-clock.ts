import type { Clock } from '@laufweg/bpmn-engine';

/** A clock that only moves when the test says so. Starts at 2025-01-01T00:00:00Z by default. */
export class FakeClock implements Clock {
  constructor(private current = Date.parse('2025-01-01T00:00:00Z')) {}

  now(): number {
    return this.current;
  }

  set(epochMillis: number): void {
    this.current = epochMillis;
  }
}

/** Keys 1, 2, 3 ... as strings. */
export class SequentialKeys {
  constructor(private last = 0) {}

  next(): string {
    this.last += 1;
    return String(this.last);
  }

  /** A copy that continues from the same point (for the determinism check). */
  fork(): SequentialKeys {
    return new SequentialKeys(this.last);
  }
}
