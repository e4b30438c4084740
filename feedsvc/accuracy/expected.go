package accuracy

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// Image is one entry of an .expected.json images list.
type Image struct {
	URL        string   `json:"url"`
	Alt        string   `json:"alt"`
	Caption    *string  `json:"caption"`
	Alternates []string `json:"alternates"`
}

// Expected is the .expected.json schema for article pages
// (testdata/shared/README.md), plus the corpus additions described in
// testdata/corpus/README.md: Skip, Timezone and Reference.
type Expected struct {
	File                 string                       `json:"file"`
	Kind                 string                       `json:"kind"`
	URL                  string                       `json:"url"`
	Language             *string                      `json:"language"`
	Section              *string                      `json:"section"`
	Title                *string                      `json:"title"`
	Kicker               *string                      `json:"kicker"`
	PrintTitle           *string                      `json:"print_title"`
	Subtitle             *string                      `json:"subtitle"`
	Authors              *[]string                    `json:"authors"`
	Photographers        *[]string                    `json:"photographers"`
	Editor               *string                      `json:"editor"`
	Source               *string                      `json:"source"`
	PublishedUTC         *string                      `json:"published_utc"`
	UpdatedUTC           *string                      `json:"updated_utc"`
	Images               *[]Image                     `json:"images"`
	ImagesMustNotInclude []string                     `json:"images_must_not_include"`
	BodyFirst            *string                      `json:"body_first_sentence"`
	BodyLast             *string                      `json:"body_last_sentence"`
	BodyTailAllowed      []string                     `json:"body_tail_allowed"`
	BodyHeadAllowed      []string                     `json:"body_head_allowed"`
	BodyMinChars         int                          `json:"body_min_chars"`
	MustNotContain       []string                     `json:"must_not_contain"`
	Accept               map[string][]json.RawMessage `json:"accept"`

	// BodyHeadAllowed lists strings (photo captions above the text, a
	// dateline credit) that may precede body_first_sentence, at most one.
	//
	// Skip names fields the page does not let a reader determine; they are
	// not scored. (For kicker, subtitle, editor and captions null already
	// means "the page has none", so an unknown one is listed here.)
	Skip []string `json:"skip"`
	// Timezone is the IANA zone the source would be configured with
	// (dates without an offset take it). Empty: Asia/Shanghai for zh
	// pages, UTC otherwise.
	Timezone string `json:"timezone"`
	// Reference is the RFC 3339 time the page was saved, the "now" for
	// relative dates. Empty: the published time, else DefaultReference.
	Reference string `json:"reference_time"`

	// Path is where the expectation was read from (not in the JSON).
	Path string `json:"-"`
}

// Load reads one .expected.json.
func Load(path string) (Expected, error) {
	var e Expected
	b, err := os.ReadFile(path)
	if err != nil {
		return e, err
	}
	if err := json.Unmarshal(b, &e); err != nil {
		return e, fmt.Errorf("%s: %w", path, err)
	}
	e.Path = path
	return e, nil
}

// HTMLPath is the page the expectation describes.
func (e Expected) HTMLPath() string { return filepath.Join(filepath.Dir(e.Path), e.File) }

func (e Expected) skipped(field string) bool { return slices.Contains(e.Skip, field) }
