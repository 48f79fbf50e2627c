import { open } from "node:fs/promises";

/**
 * A text file's lines from the last to the first, reading `chunkBytes` at a time from the end, so
 * a file of any size is read in the memory of a chunk and the longest line. Lines split on "\n",
 * which UTF-8 never uses inside a character; a final newline gives an empty last line.
 */
export async function* linesBackwards(path: string, chunkBytes = 1 << 20): AsyncGenerator<string> {
  const file = await open(path, "r");
  try {
    let position = (await file.stat()).size;
    // The end of the file's earlier part: a line whose start lies further back.
    let carry = Buffer.alloc(0);
    while (position > 0) {
      const size = Math.min(chunkBytes, position);
      position -= size;
      const chunk = Buffer.allocUnsafe(size);
      for (let read = 0; read < size; ) {
        const { bytesRead } = await file.read(chunk, read, size - read, position + read);
        if (bytesRead === 0) throw new Error(`${path} became shorter while it was read`);
        read += bytesRead;
      }
      const block = carry.length ? Buffer.concat([chunk, carry]) : chunk;
      let end = block.length;
      for (let newline = block.lastIndexOf(0x0a, end - 1); newline >= 0; newline = end > 0 ? block.lastIndexOf(0x0a, end - 1) : -1) {
        yield block.toString("utf8", newline + 1, end);
        end = newline;
      }
      carry = Buffer.from(block.subarray(0, end));
    }
    if (carry.length) yield carry.toString("utf8");
  } finally {
    await file.close();
  }
}
