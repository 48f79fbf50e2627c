/**
 * The fetch Orchard uses for every call to Shopify. In production it is the platform's fetch.
 * In the demo and tests SHOPIFY_SIMULATOR_URL is set and calls to https://{shop}.myshopify.com/…
 * go to the local store simulator instead, with the shop named in a header: the only difference
 * between talking to the simulator and to Shopify is where the bytes go (docs/simulator.md).
 */
export const SIMULATOR_SHOP_HEADER = "x-simulator-shop";

export function createShopifyFetch(simulatorUrl: string | undefined, baseFetch: typeof fetch = fetch): typeof fetch {
  if (!simulatorUrl) return baseFetch;
  const simulator = new URL(simulatorUrl);
  return (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!url.hostname.endsWith(".myshopify.com")) return baseFetch(request);
    const target = new URL(url.pathname + url.search, simulator);
    const headers = new Headers(request.headers);
    headers.set(SIMULATOR_SHOP_HEADER, url.hostname);
    return baseFetch(new Request(target, { method: request.method, headers, body: request.body, duplex: "half" } as RequestInit));
  };
}
