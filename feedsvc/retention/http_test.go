package retention_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/render"
	"github.com/feedsvc/feedsvc/feedsvc/retention"
)

type renderer struct{}

func (renderer) Render(format string, ch *feedsvc.Channel) ([]byte, error) {
	return render.Render(format, ch)
}
func (renderer) ContentType(format string) string { return render.ContentType(format) }

// get returns the body and ETag of path, failing on a status other than 200.
func get(t *testing.T, base, path string) (string, string) {
	t.Helper()
	res, err := http.Get(base + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, res.StatusCode, b)
	}
	return string(b), res.Header.Get("ETag")
}

// TestPruneKeepsArchivesAndCursors serves a section of articles every 12
// hours from 40 days before the start of last month until now, with a
// retention that ends 10 days before last month. Pruning (through the
// render cache invalidation the service wires) leaves last month's archive
// byte-identical with the same ETag, serves a page before a kept cursor
// unchanged, answers a page before a pruned article's cursor, and drops
// the pruned articles from the channel.
func TestPruneKeepsArchivesAndCursors(t *testing.T) {
	now := time.Now().UTC()
	lastMonth := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
	first := lastMonth.AddDate(0, 0, -40)
	st := memstore.New()
	var arts []feedsvc.Article
	for at, i := first, 0; at.Before(now.Add(-time.Hour)); at, i = at.Add(12*time.Hour), i+1 {
		id := fmt.Sprintf("p-%03d", i)
		arts = append(arts, feedsvc.Article{ID: id, URL: "https://news.example/" + id, Title: "Story " + id,
			Summary: "About " + id, Published: at, Sections: []string{"news"}})
	}
	put(t, st, arts)
	keep := now.Sub(lastMonth.AddDate(0, 0, -10)).Truncate(time.Hour) + time.Hour
	sec := feedsvc.Section{Slug: "news", Title: "News", Language: "en", Retain: feedsvc.Age(keep)}
	api := &httpapi.Server{Store: st, Render: renderer{}, Sections: func() []feedsvc.Section { return []feedsvc.Section{sec} }}
	srv := httptest.NewServer(api.Handler())
	t.Cleanup(srv.Close)
	api.BaseURL, _ = url.Parse(srv.URL)

	archive := "/sections/news/archive/" + lastMonth.Format("2006-01") + "/atom"
	kept := arts[len(arts)-20] // about 10 days old
	pageAt := func(c feedsvc.Cursor) string {
		return "/sections/news/atom?limit=5&before=" + url.QueryEscape(c.String())
	}
	archBody, archTag := get(t, srv.URL, archive)
	pageBody, pageTag := get(t, srv.URL, pageAt(feedsvc.CursorOf(&kept)))
	if !strings.Contains(archBody, "Story ") {
		t.Fatalf("archive of %s is empty", lastMonth.Format("2006-01"))
	}

	p := &retention.Pruner{Store: st, Sections: api.Sections, OnChange: api.Invalidate}
	res, err := p.Tick(context.Background())
	if err != nil || res.Removed["news"] < 55 {
		t.Fatalf("Tick: removed %v, %v; want the 60 older than the cutoff", res.Removed, err)
	}
	if b, tag := get(t, srv.URL, archive); b != archBody || tag != archTag {
		t.Errorf("archive of a month inside retention changed (ETag %s -> %s)", archTag, tag)
	}
	if b, tag := get(t, srv.URL, pageAt(feedsvc.CursorOf(&kept))); b != pageBody || tag != pageTag {
		t.Errorf("page before a kept cursor changed (ETag %s -> %s)", pageTag, tag)
	}
	if b, _ := get(t, srv.URL, pageAt(feedsvc.CursorOf(&arts[5]))); strings.Contains(b, "Story p-00") {
		t.Errorf("page before a pruned cursor lists pruned articles")
	}
	all, _ := get(t, srv.URL, "/sections/news/atom?limit=500")
	if strings.Contains(all, "Story p-000") || !strings.Contains(all, "Story "+arts[len(arts)-1].ID) {
		t.Errorf("channel after pruning: oldest still listed or newest missing")
	}
}
