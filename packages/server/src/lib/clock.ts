/** The time source of anything that depends on "today" (deadlines, scans): real by default, fake in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export function fakeClock(start: Date | string) {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(at: Date | string) {
      current = new Date(at);
    },
    advanceDays(days: number) {
      current = new Date(current.getTime() + days * 86_400_000);
    },
  };
}
