package render

import (
	"strings"
	"testing"
	"time"
)

// TestAtomSourceComplete checks RFC 4287 §4.2.11: an entry copied from
// another publisher carries atom:source with the id, title, updated and
// link of that publisher (the W3C validator reports MissingSourceElement
// otherwise). The id is a tag: URI that stays the same for every entry
// of the same publisher.
func TestAtomSourceComplete(t *testing.T) {
	ch := forFormat(bigChannel(6), FormatAtom)
	for i := range ch.Articles {
		if ch.Articles[i].Source == "" {
			ch.Articles[i].Source = "Zheng Daily" // no SourceURL: link falls back to the article's site
		}
	}
	p := decodeAtom(t, mustRender(t, FormatAtom, ch))
	ids := map[string]string{}
	for i, e := range p.Entries {
		a := &ch.Articles[i]
		src := e.Source
		if src == nil {
			t.Fatalf("entry %d: no atom:source for source %q", i, a.Source)
		}
		if src.Title != a.Source || !strings.HasPrefix(src.ID, "tag:feeds.example.org,2026:sources/") {
			t.Errorf("entry %d: got source title %q id %q", i, src.Title, src.ID)
		}
		if prev, ok := ids[a.Source]; ok && prev != src.ID {
			t.Errorf("entry %d: source %q has ids %q and %q", i, a.Source, prev, src.ID)
		}
		ids[a.Source] = src.ID
		if _, err := time.Parse(time.RFC3339, src.Updated); err != nil || src.Updated != e.Updated {
			t.Errorf("entry %d: got source updated %q, want the entry's %q", i, src.Updated, e.Updated)
		}
		wantLink := a.SourceURL
		if wantLink == "" {
			wantLink = "https://www.workercn.cn/" // the site of the article
		}
		if got := atomLinks(src.Links, "alternate"); len(got) != 1 || got[0] != wantLink {
			t.Errorf("entry %d: got source links %q, want [%q]", i, got, wantLink)
		}
	}
	if len(ids) != 2 {
		t.Errorf("got source ids %v, want two distinct publishers", ids)
	}
}
