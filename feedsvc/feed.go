package feedsvc

// FeedInfo is channel-level metadata a parsed source feed carries.
type FeedInfo struct {
	Title       string
	Link        string
	Description string
	Language    string
	UpdatedRaw  string
	ImageURL    string
	// TTL is the feed's <ttl> in minutes (0 when absent).
	TTL int
}

// ListItem is one article link found on an HTML section list page.
type ListItem struct {
	URL     string `json:"url"`
	Title   string `json:"title"`
	DateRaw string `json:"date_raw,omitempty"`
}

// ListPage is what an HTML section list page yields.
type ListPage struct {
	Items []ListItem `json:"items"`
	Next  string     `json:"next_page"` // absolute URL of the next page, "" when none
}
