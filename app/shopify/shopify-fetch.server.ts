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
  return async (input, init) => {
    // Clients call fetch(url, init) with a string body; only a Request needs to be taken apart.
    const request = input instanceof Request ? input : null;
    const url = new URL(input instanceof Request ? input.url : input);
    if (!url.hostname.endsWith(".myshopify.com")) return baseFetch(input, init);
    const target = new URL(url.pathname + url.search, simulator);
    const headers = new Headers(request ? request.headers : init?.headers);
    headers.set(SIMULATOR_SHOP_HEADER, url.hostname);
    // The body as bytes, not re-streamed: Admin API requests are small, and a streamed body costs
    // more than the request itself on loopback.
    const body = request ? (request.body ? await request.arrayBuffer() : undefined) : init?.body;
    return baseFetch(target, {
      method: request ? request.method : init?.method,
      headers,
      body,
      signal: request ? request.signal : init?.signal,
    });
  };
}
