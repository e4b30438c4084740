package feedsvc

import "time"

// Fulltext modes of a feed source (Source.Fulltext).
const (
	// FulltextAuto fetches the article page of an item with a link whose
	// body text is shorter than FulltextThreshold characters (a teaser).
	FulltextAuto = "auto"
	// FulltextAlways fetches the article page of every item with a link.
	FulltextAlways = "always"
	// FulltextNever keeps feed items as the feed gives them.
	FulltextNever = "never"
)

// FulltextThreshold is the body text length, in characters, below which a
// feed item counts as a teaser in FulltextAuto mode.
const FulltextThreshold = 500

// FulltextState is what a source's full-text fetches did, shown in /status.
type FulltextState struct {
	Fetched     int       `json:"fetched"`  // article pages fetched and merged (all time)
	Failures    int       `json:"failures"` // article pages that failed (all time)
	Pending     int       `json:"pending"`  // teasers left for the next poll (per-poll cap)
	LastError   string    `json:"last_error,omitempty"`
	Checked     time.Time `json:"checked,omitzero"` // when a poll last looked at the source's teasers
	LastFailure time.Time `json:"last_failure,omitzero"`
	// Failed holds, per article ID, the item version whose page failed, so
	// it is not fetched again before the item changes or the retry delay
	// passes.
	Failed map[string]FulltextFailure `json:"failed,omitempty"`
}

// FulltextFailure is one failed article page: the item key it was fetched
// for and when.
type FulltextFailure struct {
	Key string    `json:"key"`
	At  time.Time `json:"at"`
}

// PageFetch records, on an article page version fetched for a feed item,
// which version of the item it was fetched for (Key) and the page's
// validators for the next conditional GET.
type PageFetch struct {
	Key          string `json:"key"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}
