// Package httpapi owns the HTTP front. routes.go lists every route the
// service answers — method and pattern, who may call it, and the handler —
// top to bottom: probes, channels and archives, the pages for people,
// operator views and the admin, partners and takedown API. Channels are
// served here: a section page read from the store (feedsvc.ReadSections),
// rendered through a Renderer and answered with validators (strong ETag,
// Last-Modified = newest item change), 304s, gzip and cache headers
// (package respond). Rendered bytes are cached per (section, format,
// query, section version), so a request for an unchanged channel renders
// nothing. The other parts (web.Pages, status.Handler, metrics, admin.API)
// are wired in by cmd/feedsvc.
package httpapi
