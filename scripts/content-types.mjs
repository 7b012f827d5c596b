// The Content-Type a static host gives each kind of file of the build: shared by the test
// server (tests/e2e/server.mjs) and the first-visit measurement (scripts/first-visit.mjs).
export const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

/** The Content-Type of `extension` (with its dot), or a download's. */
export const contentType = (extension) => CONTENT_TYPES[extension] || "application/octet-stream";
