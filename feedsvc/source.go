package feedsvc

import "time"

// Source kinds.
const (
	KindFeed = "feed"
	KindHTML = "html"
)

// Source is where articles come from: a feed or an HTML section list page.
// Its wire form (YAML, the admin API, stored catalogs) is SourceSpec, and
// ValidateSource is its one validator.
type Source struct {
	ID       string
	URL      string
	Kind     string // KindFeed, KindHTML or "" (detect)
	Sections []string
	Location *time.Location // zone for dates that carry none; set by ValidateSource
	Timezone string
	Interval time.Duration // 0 until ValidateSource sets DefaultInterval
	// MaxItems caps the articles one poll takes (newest first); 0 means
	// DefaultMaxItems.
	MaxItems int
	Rights   string
	// Fulltext says when a feed item's article page is fetched for its full
	// text: FulltextAuto ("" too), FulltextAlways or FulltextNever.
	Fulltext string
	List     ListRules
	Article  ArticleRules
}

// Loc returns the source's zone, UTC when unset.
func (s *Source) Loc() *time.Location {
	if s.Location == nil {
		return time.UTC
	}
	return s.Location
}

// ListRules are optional CSS selectors for an HTML section list page.
type ListRules struct {
	Item  string `json:"item,omitempty" yaml:"item"`
	Link  string `json:"link,omitempty" yaml:"link"`
	Title string `json:"title,omitempty" yaml:"title"`
	Date  string `json:"date,omitempty" yaml:"date"`
	Next  string `json:"next,omitempty" yaml:"next"`
	Pages int    `json:"pages,omitempty" yaml:"pages"`
}

// ArticleRules are optional per-field overrides for HTML article pages.
// Each value is a CSS selector, or "meta:NAME" / "jsonld:FIELD".
type ArticleRules struct {
	Title     string   `json:"title,omitempty" yaml:"title"`
	Kicker    string   `json:"kicker,omitempty" yaml:"kicker"`
	Subtitle  string   `json:"subtitle,omitempty" yaml:"subtitle"`
	Authors   string   `json:"authors,omitempty" yaml:"authors"`
	Editor    string   `json:"editor,omitempty" yaml:"editor"`
	Source    string   `json:"source,omitempty" yaml:"source"`
	Published string   `json:"published,omitempty" yaml:"published"`
	Body      string   `json:"body,omitempty" yaml:"body"`
	Remove    []string `json:"remove,omitempty" yaml:"remove"`
}

// SourceState is what feedsvc remembers about a source between polls.
type SourceState struct {
	SourceID      string    `json:"source_id"`
	URL           string    `json:"url,omitempty"` // the URL ETag and LastModified belong to
	ETag          string    `json:"etag,omitempty"`
	LastModified  string    `json:"last_modified,omitempty"`
	LastAttempt   time.Time `json:"last_attempt,omitzero"`
	LastSuccess   time.Time `json:"last_success,omitzero"`
	LastStatus    int       `json:"last_status,omitempty"`
	LastError     string    `json:"last_error,omitempty"`
	Failures      int       `json:"consecutive_failures"`
	NextPoll      time.Time `json:"next_poll,omitzero"`
	ItemsLastPoll int       `json:"items_last_poll"`

	// Health is the source's condition: HealthOK, HealthFailing,
	// HealthGone (404/410 for a long time), HealthBlocked (401/403) or
	// HealthDrift (see Alarms).
	Health string `json:"health,omitempty"`
	// Alarms explain drift: a source that used to yield items and now
	// yields none, or whose articles suddenly lack a title, date or body.
	Alarms []string `json:"alarms,omitempty"`
	// NewestItem is the newest article date seen; its age is the lag.
	NewestItem time.Time `json:"newest_item,omitzero"`
	// PeakItems is the most items one poll yielded (the drift baseline).
	PeakItems int `json:"peak_items,omitempty"`
	// PeakCoverage is, per field (title, date, body), the highest percentage
	// of a poll's articles that had it.
	PeakCoverage map[string]int `json:"peak_coverage,omitempty"`
	// FailingSince is the first failure of the current failure run.
	FailingSince time.Time `json:"failing_since,omitzero"`
	// Fulltext counts the article pages fetched for teaser feed items.
	Fulltext *FulltextState `json:"fulltext,omitempty"`
}

// Source health values.
const (
	HealthOK      = "ok"
	HealthFailing = "failing"
	HealthGone    = "gone"
	HealthBlocked = "blocked"
	HealthDrift   = "drift"
)

// DefaultMaxItems caps the articles one poll takes from a source.
const DefaultMaxItems = 200

// ItemCap is the most articles one poll takes from the source (newest
// first): MaxItems, else DefaultMaxItems.
func (s *Source) ItemCap() int {
	if s.MaxItems > 0 {
		return s.MaxItems
	}
	return DefaultMaxItems
}
