package feedsvc

// Section is a published channel: a set of sources rendered as RSS, Atom
// and JSON Feed under /sections/{slug}.
type Section struct {
	Slug        string `json:"slug" yaml:"slug"`
	Title       string `json:"title" yaml:"title"`
	Description string `json:"description" yaml:"description"`
	Language    string `json:"language" yaml:"language"`
	// Limit is how many items the channel shows by default (0: the default).
	Limit int `json:"limit,omitempty" yaml:"limit"`
	// Timezone is the IANA zone dates are shown in on HTML pages.
	Timezone string `json:"timezone,omitempty" yaml:"timezone"`
}
