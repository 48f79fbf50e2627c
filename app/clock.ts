/**
 * Every piece of Orchard that asks "what time is it?" asks this clock, so tests and the demo can
 * move time (billing dates, reminders, expiry) without waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that runs with real time but can be moved forward (the demo's "advance the clock"). */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }
  advance(ms: number): void {
    if (ms < 0) throw new RangeError("time only moves forward");
    this.offsetMs += ms;
  }
  setOffset(ms: number): void {
    this.offsetMs = ms;
  }
}

/** A clock that stands still until told to move (unit tests). */
export class FixedClock implements Clock {
  constructor(private readonly current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
}

declare global {
  // One clock per process, shared by every copy of this module: Vite's dev server can load a module
  // twice, and two clocks (one moved, one not) would disagree about what is due.
  var orchardClock: Clock | undefined;
}

export function clock(): Clock {
  return globalThis.orchardClock ?? systemClock;
}

/** Replaces the process-wide clock; returns a function that puts the previous one back. */
export function replaceClock(next: Clock): () => void {
  const previous = globalThis.orchardClock;
  globalThis.orchardClock = next;
  return () => {
    globalThis.orchardClock = previous;
  };
}
