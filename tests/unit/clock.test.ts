import { describe, expect, it } from "vitest";
import { clock, FixedClock, OffsetClock, replaceClock } from "../../app/clock";

describe("the clock Orchard asks for the time", () => {
  it("is the system's in production (nothing replaced it), and only moves where tests and the demo move it", () => {
    const before = Date.now();
    const now = clock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());

    const restore = replaceClock(new FixedClock(new Date("2027-01-01T00:00:00Z")));
    expect(clock().now().toISOString()).toBe("2027-01-01T00:00:00.000Z");
    restore();
    expect(Math.abs(clock().now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it("moves the demo's clock forward only", () => {
    const demo = new OffsetClock(new FixedClock(new Date("2027-01-01T00:00:00Z")));
    demo.advance(86_400_000);
    expect(demo.now().toISOString()).toBe("2027-01-02T00:00:00.000Z");
    expect(() => demo.advance(-1)).toThrow(RangeError);
  });
});
