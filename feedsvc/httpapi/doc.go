// Package httpapi owns the HTTP side: routes that read a section page from
// the store, render it (through a Renderer) and answer with validators
// (strong ETag, Last-Modified = newest item change), 304s, gzip and cache
// headers. Rendered bytes are cached per (section, format, query, section
// version), so a request for an unchanged channel renders nothing.
package httpapi
