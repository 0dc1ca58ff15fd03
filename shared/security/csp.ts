/**
 * The Content Security Policy for the renderer, sent by the Electron app and by the browser tests alike,
 * so the tests catch a script or resource the packaged app would refuse. Nothing may load from outside
 * the app; inline styles are allowed because Fluent UI injects its styles at runtime.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
