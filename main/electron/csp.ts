/**
 * The Content-Security-Policy. renderer/index.html carries it as a meta tag, which is what Chromium
 * enforces for file:// pages; main also sets it as a response header so any non-file load is covered.
 * (frame-ancestors only works as a header: browsers ignore it in a meta tag.)
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

export type ResponseHeaders = Record<string, string[]>;

/** Response headers with ours replacing any Content-Security-Policy already present (any case). */
export function withContentSecurityPolicy(headers: Record<string, string | string[]> | undefined): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}
