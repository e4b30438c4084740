// Package respond writes the answers of the HTTP front, for every package
// that serves a route (httpapi, web, status, admin, access): documents
// with their validators (strong ETag, Last-Modified), 304s to conditional
// requests, the precompressed gzip copy, Vary and Cache-Control (doc.go,
// serve.go); short plain-text answers; and the one rule that maps the
// core's error kinds to an HTTP status (status.go).
package respond
