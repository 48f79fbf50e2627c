import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { linesBackwards } from "../../../app/backfill/lines-backwards.server";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fileOf(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "orchard-lines-"));
  dirs.push(dir);
  writeFileSync(join(dir, "file.jsonl"), text);
  return join(dir, "file.jsonl");
}

async function read(path: string, chunkBytes: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of linesBackwards(path, chunkBytes)) lines.push(line);
  return lines;
}

describe("reading a file's lines from the last", () => {
  const lines = ['{"title":"Café crème"}', "", '{"title":"日本茶 – 抹茶"}', "x".repeat(40), "🍎 pomme"];

  it.each([1, 2, 3, 7, 64, 1 << 20])("gives every line, whole characters included, whatever the chunk (%i bytes)", async (chunk) => {
    expect(await read(fileOf(lines.join("\n")), chunk)).toEqual([...lines].reverse());
    expect(await read(fileOf(`${lines.join("\n")}\n`), chunk)).toEqual(["", ...[...lines].reverse()]);
  });

  it("reads an empty file as no lines", async () => {
    expect(await read(fileOf(""), 4)).toEqual([]);
  });
});
