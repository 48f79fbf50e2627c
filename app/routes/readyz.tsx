import { readiness } from "../operations/health.server";

/** Readiness: 200 while this process should get traffic, 503 with the reason while it should not. */
export const loader = async () => {
  const state = await readiness();
  return Response.json(state.ready ? { status: "ready" } : { status: "unavailable", reason: state.reason }, {
    status: state.ready ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
};
