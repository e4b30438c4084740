package feedsvc

import "time"

// Image is a picture that belongs to an article's body.
type Image struct {
	URL     string `json:"url"`
	Alt     string `json:"alt"`
	Caption string `json:"caption"` // visible caption; "" when none (JSON null)
	Credit  string `json:"credit,omitempty"`
	// Type and Length are the MIME type and size in bytes when known.
	Type   string `json:"type,omitempty"`
	Length int64  `json:"length,omitempty"`
}

// Attachment is an enclosure or JSON Feed attachment (audio, video, files).
type Attachment struct {
	URL    string `json:"url"`
	Type   string `json:"mime_type,omitempty"`
	Length int64  `json:"size_in_bytes,omitempty"`
	Title  string `json:"title,omitempty"`
}

// SourceRef names another source that carries the same story.
type SourceRef struct {
	SourceID string `json:"source_id"`
	URL      string `json:"url"`
}

// Version is one source's copy of a story, a feed item or an article
// page, with when each of its fields last changed (a correction); fields
// as first seen have no time.
type Version struct {
	Kind    string               `json:"kind"` // VersionFeed or VersionPage
	Changed map[string]time.Time `json:"changed,omitempty"`
	Article Article              `json:"article"`
	// Fetched is set on a page fetched for a feed item's full text.
	Fetched *PageFetch `json:"fetched,omitempty"`
}

// Version kinds.
const (
	VersionFeed = "feed"
	VersionPage = "page"
)

// Article is one news item after extraction and normalization. Producers
// (parse, extract) fill what they find, including the raw date strings;
// normalize turns raw dates into UTC times, resolves URLs, sanitizes HTML
// and assigns the stable ID.
type Article struct {
	ID         string `json:"id"`
	SourceID   string `json:"source_id,omitempty"`
	URL        string `json:"url"`
	GUID       string `json:"guid,omitempty"`
	Title      string `json:"title"`
	Kicker     string `json:"kicker"`      // line above the headline (引题)
	Subtitle   string `json:"subtitle"`    // line below the headline (副题, dek)
	PrintTitle string `json:"print_title"` // print-edition main title (主题, 原标题)

	Authors       []string `json:"authors"`
	Photographers []string `json:"photographers"`
	Editor        string   `json:"editor"`
	Source        string   `json:"source"`               // 来源 / Source attribution
	SourceURL     string   `json:"source_url,omitempty"` // original publisher's URL

	Published time.Time `json:"published"` // zero when unknown
	Updated   time.Time `json:"updated"`   // zero when unknown
	// FirstSeen is when feedsvc first stored the article; it orders
	// articles whose Published date is unknown.
	FirstSeen time.Time `json:"first_seen,omitzero"`

	Section    string   `json:"section"` // section name as the source labels it
	Language   string   `json:"language"`
	Categories []string `json:"categories"`
	Rights     string   `json:"rights,omitempty"`

	Images      []Image      `json:"images"`
	Attachments []Attachment `json:"attachments,omitempty"`

	Summary     string `json:"summary"`      // plain text, at most ~300 chars
	ContentHTML string `json:"content_html"` // sanitized body HTML
	BodyText    string `json:"body_text"`    // whitespace-normalized body text

	// Sections lists the slugs of the sections the article is published in.
	Sections []string `json:"sections,omitempty"`
	// AlsoIn records other sources that carried the same story.
	AlsoIn []SourceRef `json:"also_in,omitempty"`
	// Fingerprint is a SimHash of title and body for near-duplicate detection.
	Fingerprint uint64 `json:"fingerprint,omitempty"`
	// Versions are the story as each source last gave it; the fields above
	// are their merge (see package ingest). Not rendered.
	Versions []Version `json:"versions,omitempty"`

	// Raw values kept by producers for normalize; not stored or rendered.
	PublishedRaw string `json:"-"`
	UpdatedRaw   string `json:"-"`
	// BaseURL is the base for relative URLs in this article (xml:base,
	// <base href>, page URL); normalize falls back to the source URL.
	BaseURL string `json:"-"`
}

// SortTime is the time an article is ordered by: Published, else FirstSeen.
func (a *Article) SortTime() time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	return a.FirstSeen
}

// changedTime is the time the article last changed: the latest of Updated,
// Published and FirstSeen.
func (a *Article) changedTime() time.Time {
	t := a.FirstSeen
	if a.Published.After(t) {
		t = a.Published
	}
	if a.Updated.After(t) {
		t = a.Updated
	}
	return t
}

// DefaultNearDupDistance is the largest Hamming distance between the
// Fingerprints of two articles that marks the same story (ingest merges
// them; NEAR_DUP_DISTANCE overrides it). Copies that differ in spacing,
// punctuation, a site suffix or an end mark land within 0–3 bits; a
// single edited character in a 200-character body within 0–3 bits 85% of
// the time (up to ~6); unrelated texts differ in ~32 bits and, measured
// over thousands of 60-character pairs, never in fewer than 16. 3 keeps
// false merges of different stories practically impossible.
const DefaultNearDupDistance = 3
