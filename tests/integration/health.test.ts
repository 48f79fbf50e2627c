import { afterEach, describe, expect, it } from "vitest";
import { loader as healthLoader } from "../../app/routes/healthz";
import { loader as readyLoader } from "../../app/routes/readyz";

afterEach(() => {
  globalThis.orchardDraining = undefined;
});

describe("health and readiness", () => {
  it("is alive, and ready while its database answers", async () => {
    expect(healthLoader().status).toBe(200);
    const ready = await readyLoader();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("stops being ready once it is shutting down, so the load balancer sends it nothing new", async () => {
    globalThis.orchardDraining = true;
    const ready = await readyLoader();
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "unavailable", reason: "shutting down" });
  });
});
