// Vitest runs server modules outside React's server environment; the real "server-only" package
// throws there by design. Tests are server-side code, so an empty stand-in is correct.
export {};
