package httpapi

import (
	"testing"
	"time"
)

// Purging sections forgets their documents, last good bytes included, and
// the combined channel's; other sections' documents stay.
func TestDropDocsForgetsSectionsAndAll(t *testing.T) {
	c := newDocCache(0, 0)
	e := newEntry([]byte("<rss/>"), "application/rss+xml", time.Time{}, false)
	for _, doc := range []string{"news|rss|", "news|atom|q=x", "all|json|", "world|rss|"} {
		c.put(doc, doc+"v1", "", e)
	}
	c.dropDocs([]string{"all|", "news|"})
	for doc, want := range map[string]bool{"news|rss|": false, "news|atom|q=x": false, "all|json|": false, "world|rss|": true} {
		if got, _ := c.get(doc, ""); (got != nil) != want {
			t.Errorf("%s kept = %v, want %v", doc, got != nil, want)
		}
	}
}
