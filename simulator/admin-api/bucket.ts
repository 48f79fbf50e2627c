import type { ShopPlan } from "../store";

/** Shopify's published restore rates per plan; the bucket holds twenty seconds' worth. */
export const RESTORE_RATE: Record<ShopPlan, number> = { standard: 100, advanced: 200, plus: 1000, enterprise: 2000 };

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** A leaky bucket per app and shop, refilled continuously by wall-clock time. */
export class LeakyBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    readonly restoreRate: number,
    readonly maximumAvailable = restoreRate * 20,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    this.available = maximumAvailable;
    this.updatedAt = nowMs();
  }

  private refill(): void {
    const now = this.nowMs();
    this.available = Math.min(this.maximumAvailable, this.available + ((now - this.updatedAt) / 1000) * this.restoreRate);
    this.updatedAt = now;
  }

  /** Takes `cost` points if the bucket holds them; otherwise takes nothing and says so. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  /** Empties the bucket down to `points` (tests and the demo provoke throttling with it). */
  drainTo(points: number): void {
    this.refill();
    this.available = Math.max(0, Math.min(this.available, points));
  }

  status(): ThrottleStatus {
    this.refill();
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(this.available), restoreRate: this.restoreRate };
  }
}
