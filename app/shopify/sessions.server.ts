import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { config } from "../config.server";
import { db } from "../db.server";
import { createShopifyFetch } from "./shopify-fetch.server";

/**
 * The shops' Shopify sessions (offline and online tokens) in Orchard's database, through the
 * library's Prisma storage: the Shopify app (app/shopify.server.ts) writes them when a merchant
 * signs in, background work reads a shop's offline token from them.
 * The library types its argument as @prisma/client's PrismaClient; Orchard's clients are generated
 * per provider from the same models (docs/decisions/002-two-databases.md), with the same Session API.
 */
export const sessionStorage = new PrismaSessionStorage(db() as unknown as ConstructorParameters<typeof PrismaSessionStorage>[0]);

/** fetch, as every request to Shopify is sent (to the simulator when SHOPIFY_SIMULATOR_URL is set). */
export const shopifyFetch = createShopifyFetch(config().SHOPIFY_SIMULATOR_URL);
