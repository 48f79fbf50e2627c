/**
 * Loaded into a soaked process with `--import` (Node strips the types itself: no tsx here, since the
 * tsx launcher loads it too). Every SOAK_MEMORY_EVERY_MS it appends the process's own account of its
 * memory to SOAK_MEMORY_FILE as one JSON line: resident set, V8 heap, and what lives outside the
 * heap (Buffers and ArrayBuffers, WebAssembly memory), which a heap snapshot does not show and which
 * is where resident memory grows when the heap stays flat.
 */
import { appendFileSync } from "node:fs";

const file = process.env.SOAK_MEMORY_FILE;
if (file) {
  const every = Number(process.env.SOAK_MEMORY_EVERY_MS ?? 10_000);
  setInterval(() => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ pid: process.pid, at: Date.now(), rss, heapTotal, heapUsed, external, arrayBuffers })}\n`);
  }, every).unref();
}
