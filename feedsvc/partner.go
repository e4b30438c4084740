package feedsvc

import (
	"slices"
	"strconv"
	"time"
)

// Policy is how much of each article a partner receives.
type Policy string

// Content policies. PolicyFull is what the public gets.
const (
	PolicyFull      Policy = "full"
	PolicySummary   Policy = "summary"
	PolicyTitleLink Policy = "title_link"
)

// Valid reports whether p is a known policy.
func (p Policy) Valid() bool {
	return p == PolicyFull || p == PolicySummary || p == PolicyTitleLink
}

// Apply returns a with what p withholds removed: summary drops the full
// body (content HTML and body text) and keeps summary, images and
// metadata; title_link keeps only title, link, dates and authors (and
// the ids a renderer needs). Full returns a unchanged.
func (p Policy) Apply(a Article) Article {
	switch p {
	case PolicySummary:
		a.ContentHTML, a.BodyText, a.Versions = "", "", nil
		return a
	case PolicyTitleLink:
		return Article{ID: a.ID, SourceID: a.SourceID, URL: a.URL, GUID: a.GUID, Title: a.Title,
			Authors: a.Authors, Published: a.Published, Updated: a.Updated, FirstSeen: a.FirstSeen,
			Language: a.Language, Sections: a.Sections}
	}
	return a
}

// Partner is a site that syndicates channels under its own terms. Its key
// is shown once at creation; only its SHA-256 is kept.
type Partner struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	KeyHash string `json:"key_hash,omitempty"` // hex SHA-256 of the key
	// Sections the partner may read; empty or ["*"]: every section,
	// private ones included.
	Sections []string `json:"sections"`
	Policy   Policy   `json:"policy"`
	// ItemLimit caps the items of every document (0: the section's).
	ItemLimit int `json:"item_limit"`
	// RatePerMinute is the token-bucket rate (burst the same); 0: no limit.
	RatePerMinute int       `json:"rate_per_minute"`
	Enabled       bool      `json:"enabled"`
	Created       time.Time `json:"created"`
}

// Allows reports whether the partner may read the section slug.
func (p *Partner) Allows(slug string) bool {
	return len(p.Sections) == 0 || slices.Contains(p.Sections, "*") || slices.Contains(p.Sections, slug)
}

// Usage is what a partner requested in a window.
type Usage struct {
	Requests int64            `json:"requests"`
	Bytes    int64            `json:"bytes"`
	Status   map[string]int64 `json:"status"` // HTTP status -> requests
}

// Add counts one request.
func (u *Usage) Add(status int, bytes int64) {
	u.Requests++
	u.Bytes += bytes
	if u.Status == nil {
		u.Status = map[string]int64{}
	}
	u.Status[strconv.Itoa(status)]++
}

// Merge adds o into u.
func (u *Usage) Merge(o Usage) {
	u.Requests += o.Requests
	u.Bytes += o.Bytes
	for k, n := range o.Status {
		if u.Status == nil {
			u.Status = map[string]int64{}
		}
		u.Status[k] += n
	}
}

// PartnerUsage is a partner's usage over the last 24 hours and 30 days.
type PartnerUsage struct {
	Partner string `json:"partner"`
	Day     Usage  `json:"last_24h"`
	Month   Usage  `json:"last_30d"`
}
