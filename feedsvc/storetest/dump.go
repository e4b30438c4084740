package storetest

import (
	"bytes"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/dump"
)

// RunDumper runs the contract of feedsvc.Dumper and of a dump.Export /
// dump.Import round trip between two stores newStore returns (each must
// also implement feedsvc.Dumper).
func RunDumper(t *testing.T, newStore func(t *testing.T) feedsvc.Store) {
	t.Run("DumpEverything", func(t *testing.T) { testDumpEverything(t, newStore(t)) })
	t.Run("DumpStopsOnError", func(t *testing.T) { testDumpStops(t, newStore(t)) })
	t.Run("ExportImportRoundTrip", func(t *testing.T) { testRoundTripDump(t, newStore(t), newStore(t)) })
}

// fill stores articles in two sections, two source states and blobs: one
// permanent, one with a TTL and one that has expired.
func fill(t *testing.T, s feedsvc.Store) []feedsvc.Article {
	t.Helper()
	arts := append(scatter("d1", 30, 7), scatter("d2", 20, 8)...)
	arts[0].Sections = append(arts[0].Sections, "d2")
	put(t, s, arts...)
	for _, id := range []string{"src-a", "src-b"} {
		st := feedsvc.SourceState{SourceID: id, ETag: `"` + id + `"`, LastSuccess: base, NextPoll: base.Add(time.Hour),
			PeakCoverage: map[string]int{"title": 3}}
		if err := s.PutSourceState(t.Context(), st); err != nil {
			t.Fatal(err)
		}
	}
	putBlob(t, s, "cfg:catalog", []byte("{\"sections\":[]}\x00\xff"), 0)
	putBlob(t, s, "media:x", []byte("image/png\t12"), time.Hour)
	putBlob(t, s, "gone", []byte("x"), 50*time.Millisecond)
	time.Sleep(120 * time.Millisecond)
	return arts
}

// records dumps s.
func records(t *testing.T, s feedsvc.Store) []feedsvc.Record {
	t.Helper()
	var out []feedsvc.Record
	if err := s.(feedsvc.Dumper).Dump(t.Context(), func(r feedsvc.Record) error {
		out = append(out, r)
		return nil
	}); err != nil {
		t.Fatalf("Dump: %v", err)
	}
	return out
}

func testDumpEverything(t *testing.T, s feedsvc.Store) {
	if got := records(t, s); len(got) != 0 {
		t.Fatalf("empty store dumped %d records", len(got))
	}
	arts := fill(t, s)
	var ids, states, blobs []string
	var dumped []feedsvc.Article
	for _, r := range records(t, s) {
		if r.Version != feedsvc.RecordVersion {
			t.Errorf("record %s: version %d, want %d", r.Type, r.Version, feedsvc.RecordVersion)
		}
		switch r.Type {
		case feedsvc.RecordArticle:
			ids, dumped = append(ids, r.Article.ID), append(dumped, *r.Article)
		case feedsvc.RecordState:
			states = append(states, r.State.SourceID)
		case feedsvc.RecordBlob:
			blobs = append(blobs, r.Key)
			checkBlobRecord(t, r)
		default:
			t.Errorf("record of type %q", r.Type)
		}
	}
	slices.Sort(ids)
	stored, err := s.Articles(t.Context(), ids)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(dumped, func(a, b feedsvc.Article) int { return cmpString(a.ID, b.ID) })
	if diff := cmp.Diff(stored, dumped, cmpopts.EquateEmpty()); diff != "" || len(ids) != len(arts) {
		t.Errorf("dumped %d articles, stored %d; diff (-stored +dumped):\n%s", len(ids), len(arts), diff)
	}
	slices.Sort(states)
	slices.Sort(blobs)
	if want := []string{"src-a", "src-b"}; !slices.Equal(states, want) {
		t.Errorf("states: got %q, want %q", states, want)
	}
	if want := []string{"cfg:catalog", "media:x"}; !slices.Equal(blobs, want) {
		t.Errorf("blobs: got %q, want %q (expired ones left out)", blobs, want)
	}
}

// checkBlobRecord checks the bytes and expiry of a blob record of fill.
func checkBlobRecord(t *testing.T, r feedsvc.Record) {
	t.Helper()
	switch r.Key {
	case "cfg:catalog":
		if !bytes.Equal(r.Data, []byte("{\"sections\":[]}\x00\xff")) || !r.Expires.IsZero() {
			t.Errorf("blob %s: data %q expires %v", r.Key, r.Data, r.Expires)
		}
	case "media:x":
		if left := time.Until(r.Expires); left <= 0 || left > time.Hour+time.Minute {
			t.Errorf("blob %s: expires %v, want within the next hour", r.Key, r.Expires)
		}
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func testDumpStops(t *testing.T, s feedsvc.Store) {
	fill(t, s)
	stop, n := errors.New("stop here"), 0
	err := s.(feedsvc.Dumper).Dump(t.Context(), func(feedsvc.Record) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Dump with a failing callback: got %v after %d calls, want the callback's error after 1", err, n)
	}
	if err := s.(feedsvc.Dumper).Dump(canceled(), func(feedsvc.Record) error { return nil }); err == nil {
		t.Error("Dump with a canceled context: got nil error")
	}
}

func testRoundTripDump(t *testing.T, src, dst feedsvc.Store) {
	arts := fill(t, src)
	var buf bytes.Buffer
	if _, err := dump.Export(t.Context(), &buf, src.(feedsvc.Dumper), dump.ExportOptions{}); err != nil {
		t.Fatalf("Export: %v", err)
	}
	n, err := dump.Import(t.Context(), bytes.NewReader(buf.Bytes()), dst)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if n.Articles != len(arts) || n.States != 2 || n.Blobs != 2 {
		t.Errorf("Import counts: %v", n)
	}
	for _, slug := range []string{"d1", "d2"} {
		want, got := walk(t, src, slug, 7, nil), walk(t, dst, slug, 7, nil)
		if !slices.Equal(got, want) {
			t.Errorf("section %s after import:\n got %q\nwant %q", slug, got, want)
		}
		wantArts, gotArts := page(t, src, slug, feedsvc.Query{Limit: 100}), page(t, dst, slug, feedsvc.Query{Limit: 100})
		if diff := cmp.Diff(wantArts, gotArts, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("section %s articles differ after import (-src +dst):\n%s", slug, diff)
		}
	}
	if id, err := dst.LookupURL(t.Context(), arts[3].URL); err != nil || id != arts[3].ID {
		t.Errorf("LookupURL after import: %q, %v", id, err)
	}
	if st, err := dst.SourceState(t.Context(), "src-a"); err != nil || st.ETag != `"src-a"` || st.PeakCoverage["title"] != 3 {
		t.Errorf("source state after import: %+v, %v", st, err)
	}
	if b, ok := blob(t, dst, "cfg:catalog"); !ok || !bytes.Equal(b, []byte("{\"sections\":[]}\x00\xff")) {
		t.Errorf("blob after import: %q (found %v)", b, ok)
	}
	if _, err := dump.Import(t.Context(), bytes.NewReader(buf.Bytes()), dst); !errors.Is(err, dump.ErrNotEmpty) {
		t.Errorf("second Import into the filled store: got %v, want ErrNotEmpty", err)
	}
}
