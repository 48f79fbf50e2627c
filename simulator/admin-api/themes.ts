import { createHash } from "node:crypto";
import { gid } from "../ids";
import type { ShopRecord } from "../store";
import { themeFiles } from "../theme";
import { themeSource } from "../storefront/theme/theme-library";
import { connection, type ConnectionArgs } from "./connection";

/** `filenames` patterns as Shopify reads them: exact names, with '*' matching any characters. */
const matches = (patterns: string[] | null | undefined, filename: string) =>
  !patterns ||
  patterns.some((pattern) =>
    new RegExp(
      `^${pattern
        .split("*")
        .map((part) => part.replace(/[.?+^$()[\]{}|\\/]/g, "\\$&"))
        .join(".*")}$`,
    ).test(filename),
  );

/** themes: a shop's one theme, published (role MAIN), with its files. */
export function listThemes(
  shop: ShopRecord,
  themesDir: string | undefined,
  args: ConnectionArgs & { roles?: string[] | null; names?: string[] | null },
) {
  const theme = shop.theme;
  const listed = (!args.roles || args.roles.includes("MAIN")) && matches(args.names, theme.name);
  const present = {
    __typename: "OnlineStoreTheme",
    id: gid("OnlineStoreTheme", theme.id),
    name: theme.name,
    role: "MAIN",
    prefix: "/t/1",
    processing: false,
    processingFailed: false,
    themeStoreId: 887,
    files: (fileArgs: { filenames?: string[] | null; first?: number | null; after?: string | null }) =>
      connection(
        [...themeFiles(themeSource(theme.folder, themesDir), theme)]
          .filter(([filename]) => matches(fileArgs.filenames, filename))
          .map(([filename, content]) => ({
            filename,
            contentType: filename.endsWith(".json") ? "application/json" : "application/x-liquid",
            size: String(Buffer.byteLength(content)),
            checksumMd5: createHash("md5").update(content).digest("hex"),
            body: { __typename: "OnlineStoreThemeFileBodyText", content },
          })),
        { first: fileArgs.first ?? 50, after: fileArgs.after ?? null },
      ),
  };
  return connection(listed ? [present] : [], args);
}
