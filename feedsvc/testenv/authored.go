package testenv

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// AuthoredFeedPath is the authored GBK feed, relative to the feeds folder.
const AuthoredFeedPath = "authored/workercn-zgyl-gbk-rss20.xml"

// AuthoredItem is one expected item of the authored feed.
type AuthoredItem struct {
	GUID         string   `json:"guid"`
	Title        string   `json:"title"`
	Link         string   `json:"link"`
	PublishedRaw string   `json:"published_raw"`
	PublishedUTC string   `json:"published_utc"`
	Authors      []string `json:"authors"`
	Categories   []string `json:"categories"`
	Source       *string  `json:"source"`
	FirstImage   *string  `json:"first_image"`
}

// AuthoredExpect is the schema of feeds/authored/*.expected.json
// (testdata/shared/README.md).
type AuthoredExpect struct {
	Feed struct {
		Title, Link, Language string
	} `json:"feed"`
	Items     []AuthoredItem `json:"items"`
	ItemCount int            `json:"item_count"`
}

// AuthoredFeed reads the authored feed's expected.json; it returns the
// expectation and the feed file's path.
func AuthoredFeed(t testing.TB) (AuthoredExpect, string) {
	t.Helper()
	feed := filepath.Join(Shared(t), "feeds", AuthoredFeedPath)
	raw, err := os.ReadFile(feed[:len(feed)-len(".xml")] + ".expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp AuthoredExpect
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	if exp.ItemCount == 0 || len(exp.Items) != exp.ItemCount {
		t.Fatalf("authored expectation: %d items for item_count %d", len(exp.Items), exp.ItemCount)
	}
	return exp, feed
}

// Deref returns *s, or "" for nil.
func Deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
