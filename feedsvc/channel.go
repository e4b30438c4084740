package feedsvc

import "time"

// Channel is one rendered document's input: a section (or the combined
// channel), a page of its articles and the links around it. Renderers turn
// a Channel into bytes; identical Channels render identical bytes.
type Channel struct {
	Section        Section
	SelfURL        string            // URL of this document in this format
	HomeURL        string            // human-facing page of the section
	FeedURLs       map[string]string // format ("rss", "atom", "json") -> URL of the first page
	NextURL        string            // older page (RFC 5005 rel=next), "" at the end
	PrevArchiveURL string            // previous monthly archive, "" when none
	NextArchiveURL string            // next newer monthly archive (RFC 5005 next-archive), "" when none
	Archive        bool              // a complete monthly archive (fh:archive)
	Hubs           []string          // WebSub hubs
	Generator      string
	IDs            IDScheme // authority and date of every tag: id
	// Updated is the newest change among Articles (zero when empty; the
	// renderer then uses a fixed time, the start of IDs.Date, so output
	// stays deterministic).
	Updated  time.Time
	Articles []Article
}

// IDScheme is the tag: URI authority and date (RFC 4151) of every public
// id a deployment publishes. It is fixed at the store's first start and
// kept with the catalog, so ids never follow a later BASE_URL. The zero
// value lets the renderer derive both (tests, tools).
type IDScheme struct {
	Authority string `json:"authority"` // DNS name or e-mail address
	Date      string `json:"date"`      // YYYY, YYYY-MM or YYYY-MM-DD
}

// LatestChange returns the newest changedTime among arts (zero when empty).
func LatestChange(arts []Article) time.Time {
	var t time.Time
	for i := range arts {
		if c := arts[i].changedTime(); c.After(t) {
			t = c
		}
	}
	return t
}
