package dump_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/dump"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

// TestImportRejects checks that a stream Import cannot read fails with
// ErrInvalid naming the record, instead of loading part of it silently.
func TestImportRejects(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"not JSON", "{\"type\":\"blob\",\"version\":1,\"key\":\"k\"}\nnot json\n", "record 2"},
		{"newer version", `{"type":"blob","version":99,"key":"k"}`, "version 99"},
		{"no version", `{"type":"blob","key":"k"}`, "version 0"},
		{"unknown type", `{"type":"tombstone?","version":1}`, "tombstone?"},
		{"article without body", `{"type":"article","version":1}`, "article"},
	}
	for _, tc := range tests {
		_, err := dump.Import(t.Context(), strings.NewReader(tc.in), memstore.New())
		if !errors.Is(err, feedsvc.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want ErrInvalid naming %q", tc.name, err, tc.want)
		}
	}
}

// TestImportSkipsExpiredBlobs checks that a blob whose expiry passed in
// transit is not loaded, and one still alive keeps its expiry.
func TestImportSkipsExpiredBlobs(t *testing.T) {
	s := memstore.New()
	in := `{"type":"blob","version":1,"key":"old","data":"eA==","expires":"2020-01-01T00:00:00Z"}
{"type":"blob","version":1,"key":"new","data":"eQ==","expires":"2999-01-01T00:00:00Z"}
`
	n, err := dump.Import(t.Context(), strings.NewReader(in), s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Blob(t.Context(), "old"); !errors.Is(err, feedsvc.ErrNotFound) {
		t.Errorf("expired blob: got %v, want ErrNotFound", err)
	}
	if b, err := s.Blob(t.Context(), "new"); err != nil || string(b) != "y" {
		t.Errorf("live blob: got %q, %v", b, err)
	}
	if n.Blobs != 2 {
		t.Errorf("counted %d blobs, want 2 read", n.Blobs)
	}
}

// TestImportReadsOlderExports: exports written before the stored record
// had its own type (articles in the `feedsvc check` shape, with nulls)
// still import, and exports now carry the record.
func TestImportReadsOlderExports(t *testing.T) {
	a := feedsvc.Article{ID: "old-1", URL: "https://n.example/1", Title: "标题", ContentHTML: "<p>x &amp; y</p>",
		Published: time.Date(2024, 3, 10, 8, 30, 15, 0, time.UTC), FirstSeen: time.Date(2024, 3, 10, 9, 0, 0, 0, time.UTC),
		Images: []feedsvc.Image{{URL: "https://n.example/1.jpg"}}, Sections: []string{"ent"}}
	v1, err := json.Marshal(a) // Article.MarshalJSON: what exports held
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(v1), `"kicker":null`) {
		t.Fatalf("fixture is not the check shape: %s", v1)
	}
	s := memstore.New()
	in := `{"type":"article","version":1,"article":` + string(v1) + "}\n"
	if _, err := dump.Import(t.Context(), strings.NewReader(in), s); err != nil {
		t.Fatal(err)
	}
	got, err := s.Articles(t.Context(), []string{"old-1"})
	if err != nil || len(got) != 1 {
		t.Fatalf("Articles: %v %v", got, err)
	}
	if d := cmp.Diff(a, got[0], cmpopts.EquateEmpty()); d != "" {
		t.Errorf("imported article (-want +got):\n%s", d)
	}
	var out bytes.Buffer
	if _, err := dump.Export(t.Context(), &out, s, dump.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"article":{"v":2,"id":"old-1"`) || strings.Contains(out.String(), "null") {
		t.Errorf("export %s: want the article as its stored record", out.String())
	}
}
