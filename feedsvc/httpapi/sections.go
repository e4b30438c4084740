package httpapi

import (
	"net/http"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

type sectionJSON struct {
	Slug        string `json:"slug"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Language    string `json:"language"`
	RSS         string `json:"rss"`
	Atom        string `json:"atom"`
	JSON        string `json:"json"`
}

// sections lists every section with its three feed URLs.
func (s *Server) sections(w http.ResponseWriter, r *http.Request) {
	out := []sectionJSON{}
	for _, sec := range feedsvc.PublicSections(s.Sections()) {
		out = append(out, sectionJSON{sec.Slug, sec.Title, sec.Description, sec.Language,
			s.FeedURL(sec.Slug, "rss"), s.FeedURL(sec.Slug, "atom"), s.FeedURL(sec.Slug, "json")})
	}
	respond.JSON(w, http.StatusOK, out)
}
