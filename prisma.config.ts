// Prisma's CLI runs on its TypeScript engine with a driver adapter: the native engines it would
// otherwise download cannot be fetched on these machines (docs/decisions/002-two-databases.md).
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";

const url = process.env.DATABASE_URL ?? "file:./.data/orchard.db";

export default defineConfig({
  // prisma/tools/generate.ts points the CLI at each provider's derived schema.
  schema: process.env.PRISMA_SCHEMA ?? "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => (url.startsWith("file:") ? new PrismaLibSQL({ url }) : new PrismaPg({ connectionString: url })),
});
