/**
 * Downloads an export (CSV, a data request's JSON) through the app's authenticated fetch: inside
 * the Shopify admin a plain link would reach the app without a session token.
 */
export async function downloadFile(path: string, filename: string): Promise<boolean> {
  const response = await fetch(path);
  if (!response.ok) return false;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
  return true;
}
