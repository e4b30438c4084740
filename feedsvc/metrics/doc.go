// Package metrics owns the Prometheus instruments of the service (fetches,
// ingest, dedupe, renders, HTTP requests, cache hits, WebSub pings, store
// errors) and exposes them at /metrics. It implements the small observer
// interfaces of httpapi and ingest, so those packages do not import
// client_golang.
package metrics
