package httpapi

import (
	"context"
	"io"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func ids(t *testing.T, s *Server, target string) (selfNext string, got []string, status int) {
	t.Helper()
	r := get(t, s.Handler(), target, nil)
	b, _ := io.ReadAll(r.Body)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if r.StatusCode != 200 {
		return "", nil, r.StatusCode
	}
	return lines[0], lines[1:], r.StatusCode
}

func putArticles(t *testing.T, st feedsvc.Store, arts ...feedsvc.Article) {
	t.Helper()
	if err := st.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
}

func TestFilters(t *testing.T) {
	s, _, st := newTestServer(t, 0)
	day := time.Date(2023, 11, 15, 0, 0, 0, 0, time.UTC)
	putArticles(t, st,
		feedsvc.Article{ID: "a1", Title: "Harbour reopens", BodyText: "ferry news", Authors: []string{"Ana Ruiz"}, Categories: []string{"Transport"}, Published: day, Sections: []string{"ent"}},
		feedsvc.Article{ID: "a2", Title: "Library hours", BodyText: "books and ferry", Authors: []string{"Li Wei"}, Categories: []string{"Culture"}, Published: day.Add(time.Hour), Sections: []string{"ent"}},
		feedsvc.Article{ID: "a3", Title: "读书季启动", BodyText: "职工读书", Published: day.Add(2 * time.Hour), Sections: []string{"ent"}},
	)
	for _, tt := range []struct{ name, query, want string }{
		{"q", "q=ferry", "a2 a1"},
		{"q two terms", "q=ferry+books", "a2"},
		{"q chinese", "q=" + url.QueryEscape("读书"), "a3"},
		{"exclude", "exclude=ferry", "a3"},
		{"author", "author=ana+ruiz", "a1"},
		{"category", "category=culture", "a2"},
		{"since", "since=2023-11-15T00:30:00Z", "a3 a2"},
		{"none", "", "a3 a2 a1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, got, status := ids(t, s, "/sections/ent/rss?"+tt.query)
			if status != 200 || strings.Join(got, " ") != tt.want {
				t.Errorf("got %v (%d), want %q", got, status, tt.want)
			}
		})
	}
	if _, _, status := ids(t, s, "/sections/ent/rss?q="+strings.Repeat("x", 300)); status != 400 {
		t.Errorf("oversized q: got %d, want 400", status)
	}
	if _, _, status := ids(t, s, "/sections/ent/rss?colour=red"); status != 400 {
		t.Errorf("unknown parameter: got %d, want 400", status)
	}
}

func TestArchiveAndCombinedChannel(t *testing.T) {
	s, _, st := newTestServer(t, 0)
	s.Sections = func() []feedsvc.Section {
		return []feedsvc.Section{{Slug: "ent", Title: "Ent"}, {Slug: "world", Title: "World"}}
	}
	putArticles(t, st,
		feedsvc.Article{ID: "oct", Published: time.Date(2023, 10, 31, 23, 0, 0, 0, time.UTC), Sections: []string{"ent"}},
		feedsvc.Article{ID: "nov1", Published: time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC), Sections: []string{"ent"}},
		feedsvc.Article{ID: "nov2", Published: time.Date(2023, 11, 20, 0, 0, 0, 0, time.UTC), Sections: []string{"ent", "world"}},
		feedsvc.Article{ID: "w1", Published: time.Date(2023, 11, 10, 0, 0, 0, 0, time.UTC), Sections: []string{"world"}},
	)
	_, got, _ := ids(t, s, "/sections/ent/archive/2023-11/atom")
	if strings.Join(got, " ") != "nov2 nov1" {
		t.Errorf("archive 2023-11: got %v", got)
	}
	r := get(t, s.Handler(), "/sections/ent/archive/2023-11/atom", nil)
	if cc := r.Header.Get("Cache-Control"); cc != "public, max-age=2592000" {
		t.Errorf("archive cache-control %q", cc)
	}
	if _, _, status := ids(t, s, "/sections/ent/archive/2023-13/atom"); status != 404 {
		t.Errorf("bad month: got %d, want 404", status)
	}
	_, got, _ = ids(t, s, "/sections/all/json")
	if strings.Join(got, " ") != "nov2 w1 nov1 oct" {
		t.Errorf("combined channel: got %v (want each article once, newest first)", got)
	}
	self, got, _ := ids(t, s, "/sections/all/json?limit=2")
	if strings.Join(got, " ") != "nov2 w1" || !strings.Contains(self, "next=http://feeds.test/sections/all/json?before=") {
		t.Errorf("combined page 1: %v %s", got, self)
	}
}

// failingStore fails SectionVersion on demand, like Redis going away.
type failingStore struct {
	feedsvc.Store
	fail bool
}

func (f *failingStore) SectionVersion(ctx context.Context, slug string) (int64, error) {
	if f.fail {
		return 0, feedsvc.ErrUnavailable
	}
	return f.Store.SectionVersion(ctx, slug)
}

func TestServesLastGoodBytesWhenStoreFails(t *testing.T) {
	s, _, st := newTestServer(t, 2)
	fs := &failingStore{Store: st}
	s.Store = fs
	r1 := get(t, s.Handler(), "/sections/ent/rss", nil)
	fs.fail = true
	r2 := get(t, s.Handler(), "/sections/ent/rss", nil)
	if r2.StatusCode != 200 || r2.Header.Get("ETag") != r1.Header.Get("ETag") {
		t.Errorf("with the store down: status %d etag %q, want the last good bytes", r2.StatusCode, r2.Header.Get("ETag"))
	}
	if r := get(t, s.Handler(), "/sections/ent/atom", nil); r.StatusCode != 503 {
		t.Errorf("never-rendered channel with the store down: got %d, want 503", r.StatusCode)
	}
}

func TestReplicasShareRenderedBytes(t *testing.T) {
	s1, fr1, st := newTestServer(t, 3)
	s1.Shared = true
	s2 := &Server{Store: st, Render: &fakeRenderer{}, BaseURL: s1.BaseURL, Sections: s1.Sections, Shared: true}
	r1 := get(t, s1.Handler(), "/sections/ent/json", nil)
	r2 := get(t, s2.Handler(), "/sections/ent/json", nil)
	if fr1.calls != 1 || s2.Render.(*fakeRenderer).calls != 0 {
		t.Errorf("renders: first replica %d, second %d; want 1 and 0 (bytes shared through the store)", fr1.calls, s2.Render.(*fakeRenderer).calls)
	}
	if r1.Header.Get("ETag") != r2.Header.Get("ETag") {
		t.Errorf("replicas disagree on the ETag")
	}
	// Invalidate after a change: stored documents are keyed by the
	// section's version, so a fresh replica renders the new version once
	// (and an invalidation without a change keeps sharing the bytes).
	s1.Invalidate(context.Background(), []string{"ent"})
	s3 := &Server{Store: st, Render: &fakeRenderer{}, BaseURL: s1.BaseURL, Sections: s1.Sections, Shared: true}
	get(t, s3.Handler(), "/sections/ent/json", nil)
	if n := s3.Render.(*fakeRenderer).calls; n != 0 {
		t.Errorf("after an Invalidate without a change a fresh replica rendered %d times, want 0", n)
	}
	added := feedsvc.Article{ID: "b001", Title: "t", URL: "https://e.org/new", Published: time.Date(2023, 11, 16, 0, 0, 0, 0, time.UTC),
		FirstSeen: time.Date(2023, 11, 16, 0, 0, 0, 0, time.UTC), Sections: []string{"ent"}}
	if err := st.PutArticles(context.Background(), []feedsvc.Article{added}); err != nil {
		t.Fatal(err)
	}
	s1.Invalidate(context.Background(), []string{"ent"})
	s4 := &Server{Store: st, Render: &fakeRenderer{}, BaseURL: s1.BaseURL, Sections: s1.Sections, Shared: true}
	get(t, s4.Handler(), "/sections/ent/json", nil)
	if n := s4.Render.(*fakeRenderer).calls; n != 1 {
		t.Errorf("after a change a fresh replica rendered %d times, want 1", n)
	}
}

func TestLinkHeaderAdvertisesHubAndSelf(t *testing.T) {
	s, _, _ := newTestServer(t, 1)
	s.Hubs = []string{"https://hub.example/"}
	r := get(t, s.Handler(), "/sections/ent/atom?limit=5", nil)
	want := `<https://hub.example/>; rel="hub", <http://feeds.test/sections/ent/atom?limit=5>; rel="self"`
	if got := r.Header.Get("Link"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

type recObserver struct{ routes []string }

func (o *recObserver) CacheLookup(bool)               {}
func (o *recObserver) Rendered(string, time.Duration) {}
func (o *recObserver) ServedStale()                   {}
func (o *recObserver) Request(route string, status int, _ time.Duration) {
	o.routes = append(o.routes, route+" "+strconv.Itoa(status))
}

func TestInstrumentAndURLLimit(t *testing.T) {
	s, _, _ := newTestServer(t, 1)
	o := &recObserver{}
	s.Observe = o
	h := s.Handler()
	get(t, h, "/sections/ent/rss", nil)
	get(t, h, "/nope", nil)
	if r := get(t, h, "/sections/ent/rss?q="+strings.Repeat("a", 3000), nil); r.StatusCode != 414 {
		t.Errorf("long URL: got %d, want 414", r.StatusCode)
	}
	want := "GET /sections/{slug}/{format} 200|unmatched 404|too_long 414"
	if got := strings.Join(o.routes, "|"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPrefersHTML(t *testing.T) {
	for accept, want := range map[string]bool{
		"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8":       true,
		"application/rss+xml, application/atom+xml, text/html;q=0.5, */*;q=0.1": false,
		"*/*":                                  false,
		"":                                     false,
		"application/atom+xml":                 false,
		"text/html;q=0.9, application/xml;q=1": false,
	} {
		if got := prefersHTML(accept); got != want {
			t.Errorf("prefersHTML(%q) = %v, want %v", accept, got, want)
		}
	}
}

func TestVersionCacheAndInvalidate(t *testing.T) {
	s, fr, st := newTestServer(t, 1)
	s.VersionTTL = time.Hour
	h := s.Handler()
	get(t, h, "/sections/ent/rss", nil)
	putArticles(t, st, feedsvc.Article{ID: "late", Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Sections: []string{"ent"}})
	get(t, h, "/sections/ent/rss", nil)
	if fr.calls != 1 {
		t.Errorf("within the TTL the counter is trusted: rendered %d times, want 1", fr.calls)
	}
	s.Invalidate(context.Background(), []string{"ent"})
	_, got, _ := ids(t, s, "/sections/ent/rss")
	if fr.calls != 2 || got[0] != "late" {
		t.Errorf("after Invalidate: rendered %d times, first %v; want a fresh render with the new article", fr.calls, got)
	}
}

func TestDocCacheKeepsOneVersionPerDocumentWithinBudget(t *testing.T) {
	mk := func(n int) *entry { return newEntryFrom(make([]byte, n), nil, "x", time.Time{}, false) }
	c := newDocCache(12_000, 0)
	c.put("a", "a|v1", "", mk(3000))
	c.put("a", "a|v2", "", mk(3000)) // replaces v1
	if e, cur := c.get("a", "a|v2"); e == nil || !cur {
		t.Fatalf("current version not found")
	}
	if _, cur := c.get("a", "a|v1"); cur {
		t.Errorf("old version still current")
	}
	c.put("b", "b|v1", "", mk(3000))
	c.put("c", "c|v1", "", mk(3000)) // 3 docs ≈ 10.5 KB: fits
	c.get("a", "")                   // a is now most recently used
	c.put("d", "d|v1", "", mk(3000)) // over budget: evicts b, the least recently used
	if e, _ := c.get("b", ""); e != nil {
		t.Errorf("least recently used document not evicted")
	}
	for _, doc := range []string{"a", "c", "d"} {
		if e, _ := c.get(doc, ""); e == nil {
			t.Errorf("%s evicted", doc)
		}
	}
	if c.size > c.budget {
		t.Errorf("size %d over budget %d", c.size, c.budget)
	}
}

func TestFilteredPagesDoNotPileUp(t *testing.T) {
	s, _, st := newTestServer(t, 5)
	s.CacheBytes = 4096
	h := s.Handler()
	for i := range 200 {
		get(t, h, "/sections/ent/json?q=t"+strconv.Itoa(i), nil)
	}
	if s.cache.size > 4096+1024 || s.cache.order.Len() > 10 {
		t.Errorf("in-process cache holds %d bytes in %d documents after 200 distinct filters", s.cache.size, s.cache.order.Len())
	}
	if _, err := st.Blob(context.Background(), blobPrefix+"ent|json|q=t1|v1|false"); err == nil {
		t.Errorf("an unshared server wrote rendered blobs to the store")
	}
}

func TestSectionEditIsANewDocument(t *testing.T) {
	s, fr, _ := newTestServer(t, 5)
	sec := feedsvc.Section{Slug: "ent", Title: "Old title"}
	s.Sections = func() []feedsvc.Section { return []feedsvc.Section{sec} }
	s.VersionTTL = time.Hour
	h := s.Handler()
	get(t, h, "/sections/ent/rss", nil)
	sec.Title, sec.Limit = "New title", 2
	_, got, _ := ids(t, s, "/sections/ent/rss")
	if fr.calls != 2 || len(got) != 2 {
		t.Errorf("after a section edit: %d renders, %d items; want a fresh render with the new limit of 2", fr.calls, len(got))
	}
}

func TestCombinedChannelVersionsDoNotCollide(t *testing.T) {
	s, _, st := newTestServer(t, 0)
	secs := []feedsvc.Section{{Slug: "a", Title: "A"}, {Slug: "b", Title: "B"}}
	s.Sections = func() []feedsvc.Section { return secs }
	day := time.Date(2023, 11, 15, 0, 0, 0, 0, time.UTC)
	putArticles(t, st, feedsvc.Article{ID: "a1", Published: day, Sections: []string{"a"}},
		feedsvc.Article{ID: "b1", Published: day.Add(time.Hour), Sections: []string{"b"}})
	if _, got, _ := ids(t, s, "/sections/all/json"); strings.Join(got, " ") != "b1 a1" {
		t.Fatalf("combined: %v", got)
	}
	secs = secs[:1]                                                                                           // section b removed: the counters' sum drops by one ...
	putArticles(t, st, feedsvc.Article{ID: "a2", Published: day.Add(2 * time.Hour), Sections: []string{"a"}}) // ... and is back
	if _, got, _ := ids(t, s, "/sections/all/json"); strings.Join(got, " ") != "a2 a1" {
		t.Errorf("combined after removing b and adding a2: %v, want [a2 a1]", got)
	}
}

func TestVaryAcceptWhenHTMLIsServed(t *testing.T) {
	s, _, _ := newTestServer(t, 1)
	s.Pages = fakePages{}
	r := get(t, s.Handler(), "/sections/ent/atom", nil)
	if v := r.Header.Get("Vary"); v != "Accept, Accept-Encoding" {
		t.Errorf("Vary %q", v)
	}
	r = get(t, s.Handler(), "/sections/ent/atom", map[string]string{"Accept": "text/html"})
	if b, _ := io.ReadAll(r.Body); r.StatusCode != 200 || string(b) != "page\n" {
		t.Errorf("html: %d %q", r.StatusCode, b)
	}
}

// sectionRenderer renders only the channel's section.
type sectionRenderer struct{}

func (sectionRenderer) Render(format string, ch *feedsvc.Channel) ([]byte, error) {
	return []byte(ch.Section.Title + "|" + ch.Section.Description + "|" + ch.Section.Language), nil
}

func (sectionRenderer) ContentType(format string) string { return "text/plain" }

// TestCombinedChannelIsTheCombinedPage: the combined channel is the
// section feedsvc.Combined builds, as its page is. It used to have no
// language where its page had the one every section shares, and another
// description.
func TestCombinedChannelIsTheCombinedPage(t *testing.T) {
	s, _, _ := newTestServer(t, 0)
	s.Render = sectionRenderer{}
	s.Sections = func() []feedsvc.Section {
		return []feedsvc.Section{{Slug: "a", Language: "zh-CN"}, {Slug: "b", Language: "zh-CN"}}
	}
	r := get(t, s.Handler(), "/sections/all/rss", nil)
	b, _ := io.ReadAll(r.Body)
	want, _ := feedsvc.Combined(s.Sections())
	if got := string(b); got != want.Title+"|"+want.Description+"|zh-CN" {
		t.Errorf("combined channel section: got %q", got)
	}
}
