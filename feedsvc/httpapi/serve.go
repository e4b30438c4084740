package httpapi

import (
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

// archiveMaxAge is the Cache-Control max-age of complete monthly archives.
const archiveMaxAge = 30 * 24 * time.Hour

// prepare computes e's response headers once (the entry is immutable);
// private is a partner's copy, which only the partner's cache may keep.
func (s *Server) prepare(e *entry, private bool) {
	m := respond.Meta{ContentType: e.contentType, MaxAge: s.MaxAge, Private: private,
		Vary: []string{"Accept-Encoding"}, Link: s.linkHeader(e.self)}
	if m.MaxAge <= 0 {
		m.MaxAge = 5 * time.Minute
	}
	if e.archive {
		m.MaxAge = archiveMaxAge
	}
	if s.Pages != nil {
		m.Vary = []string{"Accept", "Accept-Encoding"} // browsers get the HTML page at the same URL
	}
	if private {
		m.Vary = append(m.Vary, "Authorization")
	}
	e.Prepare(m)
}

// linkHeader advertises the WebSub hubs and the document's self URL.
func (s *Server) linkHeader(self string) string {
	var parts []string
	for _, h := range s.Hubs {
		parts = append(parts, "<"+h+`>; rel="hub"`)
	}
	if self != "" {
		parts = append(parts, "<"+self+`>; rel="self"`)
	}
	return strings.Join(parts, ", ")
}
