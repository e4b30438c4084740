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
	// Retain is how long the section keeps an article, by its sort time
	// ("90d", "36h" or "forever"); zero: the default (RETAIN).
	Retain Age `json:"retain,omitempty" yaml:"retain"`
	// RetainItems is the most articles the section keeps, newest first;
	// 0: the default (RETAIN_ITEMS), -1: no count bound.
	RetainItems int `json:"retain_items,omitempty" yaml:"retain_items"`
	// Public false hides the section from everyone but the partners
	// allowed on it (nil: public).
	Public *bool `json:"public,omitempty" yaml:"public"`
}

// IsPublic reports whether everyone sees the section (Public unset or
// true); a private section is served only to partners allowed on it.
func (s *Section) IsPublic() bool { return s.Public == nil || *s.Public }

// PublicSections returns the sections everyone sees, in order.
func PublicSections(secs []Section) []Section {
	out := make([]Section, 0, len(secs))
	for _, s := range secs {
		if s.IsPublic() {
			out = append(out, s)
		}
	}
	return out
}
