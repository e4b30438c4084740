package feedsvc

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// recordFixture sets every stored field of Article (and of the types it
// holds), so a field the record forgets fails TestArticleRecordEveryField.
func recordFixture() Article {
	cst := time.FixedZone("CST", 8*3600)
	nested := Article{ID: "n", Title: "旧标题", Published: time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC), Sections: []string{"x"}}
	return Article{
		ID: "a1", SourceID: "src", URL: "https://n.example/a1", GUID: "g1", Title: "标题 <b>&</b>",
		Kicker: "引题", Subtitle: "副题", PrintTitle: "原标题",
		Authors: []string{"Li"}, Photographers: []string{"Zhang"}, Editor: "Wang", Source: "Daily", SourceURL: "https://o.example/",
		Published: time.Date(2024, 3, 10, 16, 30, 15, 0, cst), Updated: time.Date(2024, 3, 11, 9, 0, 0, 0, time.UTC),
		FirstSeen: time.Date(2024, 3, 10, 8, 31, 2, 123456789, time.UTC),
		Section:   "Society", Language: "zh-CN", Categories: []string{"labour"}, Rights: "© 2024",
		Images:      []Image{{URL: "https://i.example/1.jpg", Alt: "alt", Caption: "cap", Credit: "cr", Type: "image/jpeg", Length: 12}},
		Attachments: []Attachment{{URL: "https://c.example/a.mp3", Type: "audio/mpeg", Length: 9, Title: "Audio"}},
		Summary:     "Short.", ContentHTML: "<p>Body &amp; <b>text</b></p>", BodyText: "Body & text",
		Sections: []string{"society", "front"}, AlsoIn: []SourceRef{{SourceID: "s2", URL: "https://s2.example/y"}},
		Fingerprint: 0xfedcba9876543210,
		Versions: []Version{{Kind: VersionPage, Changed: map[string]time.Time{"title": time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC)},
			Article: nested, Fetched: &PageFetch{Key: "k", ETag: `"e"`, LastModified: "Mon, 11 Mar 2024 00:00:00 GMT"}}},
	}
}

// nonZero fails for every exported field of v (recursively through
// structs and the first element of slices) that is zero, except fields
// tagged json:"-" (never stored) and the versions of a version's article.
func nonZero(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	if strings.HasSuffix(path, ".Versions[0].Article.Versions") {
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			if v.Interface().(time.Time).IsZero() {
				t.Errorf("fixture leaves %s zero", path)
			}
			return
		}
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() && f.Tag.Get("json") != "-" {
				nonZero(t, path+"."+f.Name, v.Field(i))
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			t.Errorf("fixture leaves %s empty", path)
			return
		}
		nonZero(t, path+"[0]", v.Index(0))
	case reflect.Pointer:
		if v.IsNil() {
			t.Errorf("fixture leaves %s nil", path)
			return
		}
		nonZero(t, path, v.Elem())
	default:
		if v.IsZero() {
			t.Errorf("fixture leaves %s zero", path)
		}
	}
}

// TestArticleRecordEveryField: every stored field survives the record.
func TestArticleRecordEveryField(t *testing.T) {
	a := recordFixture()
	a.Versions[0].Article = recordFixture() // the nested article, full too
	a.Versions[0].Article.Versions = nil
	a.Versions[0].Article.Published = a.Versions[0].Article.Published.UTC().Truncate(time.Second)
	a.Versions[0].Article.Updated = a.Versions[0].Article.Updated.UTC().Truncate(time.Second)
	nonZero(t, "Article", reflect.ValueOf(a))
	b, err := EncodeArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeArticle(b)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(a, got); d != "" {
		t.Errorf("record round trip (-want +got):\n%s", d)
	}
	if got.Published.Location() != time.UTC || got.FirstSeen.Location() != time.UTC {
		t.Errorf("times not in UTC: %v %v", got.Published, got.FirstSeen)
	}
}

// TestArticleRecordIsItsOwnShape: the JSON record carries its version,
// leaves empty fields out (no check-style nulls) and keeps HTML unescaped;
// the stored record is that JSON in one zstd frame; a newer JSON version
// is refused.
func TestArticleRecordIsItsOwnShape(t *testing.T) {
	a := Article{ID: "x", ContentHTML: "<p>a & b</p>"}
	js, err := encodeRecordJSON(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"v":2,"id":"x","content_html":"<p>a & b</p>"}`; string(js) != want {
		t.Errorf("JSON record: got %s, want %s", js, want)
	}
	b, err := EncodeArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte{0x28, 0xb5, 0x2f, 0xfd}) {
		t.Errorf("stored record starts % x, want the zstd magic number", b[:min(4, len(b))])
	}
	inner, err := recordDecoder().DecodeAll(b, nil)
	if err != nil || !bytes.Equal(inner, js) {
		t.Errorf("stored record holds %q (%v), want the JSON record %s", inner, err, js)
	}
	for _, v := range []int{3, 4} {
		_, err = DecodeArticle(fmt.Appendf(nil, `{"v":%d,"id":"x"}`, v))
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), fmt.Sprintf("version %d", v)) {
			t.Errorf("JSON record version %d: got %v, want ErrInvalid naming it", v, err)
		}
	}
}

// TestArticleRecordReadsEveryVersion: a record of each version, 1 (the
// check shape), 2 (JSON) and 3 (compressed JSON), reads as the same
// article.
func TestArticleRecordReadsEveryVersion(t *testing.T) {
	for _, a := range []Article{recordFixture(), {ID: "bare", FirstSeen: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}} {
		a = StoredArticle(a, time.Time{}, time.Now())
		v1, err1 := json.Marshal(a)
		v2, err2 := encodeRecordJSON(a)
		v3, err3 := EncodeArticle(a)
		if err := errors.Join(err1, err2, err3); err != nil {
			t.Fatal(err)
		}
		want, err := DecodeArticle(v3)
		if err != nil {
			t.Fatal(err)
		}
		for v, b := range map[int][]byte{1: v1, 2: v2} {
			got, err := DecodeArticle(b)
			if err != nil {
				t.Fatalf("%s: version %d: %v", a.ID, v, err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("%s: version %d reads differently (-v3 +v%d):\n%s", a.ID, v, v, d)
			}
		}
	}
}

// TestArticleRecordPinnedVersion3: a version 3 record written by this
// build (the fixture's bare article) still reads in later ones.
func TestArticleRecordPinnedVersion3(t *testing.T) {
	b, err := hex.DecodeString(pinnedV3)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeArticle(b)
	if err != nil {
		t.Fatal(err)
	}
	want := Article{ID: "pin", URL: "https://n.example/pin", Title: "标题 & title", ContentHTML: "<p>正文 body</p>", BodyText: "正文 body",
		Published: time.Date(2024, 3, 10, 8, 30, 0, 0, time.UTC), FirstSeen: time.Date(2024, 3, 10, 8, 31, 2, 5, time.UTC), Sections: []string{"society"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("pinned version 3 record (-want +got):\n%s", d)
	}
}

// pinnedV3 is EncodeArticle's record of TestArticleRecordPinnedVersion3's
// article, as version 3 was first written.
const pinnedV3 = "28b52ffd0400cd0500b2cc2a2a9037012084615c639d23ac3989a854db7ea3ff7f8324223e2599c46c5bd776cd6e92b6ff2e357a410d150a05977af969ef04fac71af7b3eff8eb9bb2dd4850738e7f38e590a0e62c9585e901627a38c7f52bd251d36c9bb5e77848402e985406db7d4d3f091f1c0fc9d46ca8400e2443d148050093ccf5d0468f973371c7ef6aee25b1303844541aa6eb7735f7f18c9ddae52206945d30a5f4b9eee8fa25991ccfd85d0ff191d1233c210300159481b8aceee3293391c1c106"

// TestArticleRecordDeterministic: equal articles encode to equal bytes,
// whatever was encoded before, on whichever goroutine, and by a fresh
// encoder with the same options (no state of the shared one leaks into a
// record), so that a store tells an identical re-put by its bytes.
func TestArticleRecordDeterministic(t *testing.T) {
	arts := []Article{recordFixture(), {ID: "bare"}, bigArticle(1), bigArticle(2)}
	first := make([][]byte, len(arts))
	for i, a := range arts {
		b, err := EncodeArticle(a)
		if err != nil {
			t.Fatal(err)
		}
		first[i] = b
		js, _ := encodeRecordJSON(a)
		if fresh := newRecordEncoder().EncodeAll(js, nil); !bytes.Equal(fresh, b) {
			t.Errorf("%s: a fresh encoder writes different bytes", a.ID)
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for n := range 50 {
				i := (g + n) % len(arts)
				if b, err := EncodeArticle(arts[i]); err != nil || !bytes.Equal(b, first[i]) {
					t.Errorf("goroutine %d, encode %d of %s: different bytes (%v)", g, n, arts[i].ID, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestArticleRecordDamaged: a damaged compressed record is an error, not
// a panic or a wrong article.
func TestArticleRecordDamaged(t *testing.T) {
	b, err := EncodeArticle(bigArticle(3))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{b[:4], b[:len(b)/2], append(bytes.Clone(b[:len(b)-1]), b[len(b)-1]^0xff)} {
		if _, err := DecodeArticle(bad); err == nil {
			t.Errorf("record of %d bytes (of %d) read without error", len(bad), len(b))
		}
	}
}

// bigArticle is an article of a few KB of body, as the farm and the
// corpus have: HTML and the same text without markup.
func bigArticle(n int) Article {
	var html, text strings.Builder
	for i := range 12 {
		p := fmt.Sprintf("第%d段：记者从市交通运输局获悉，今年前%d个月全市公交客运量同比增长%d.%d%%。 Paragraph %d of story %d.", i, 3+i, 10+n, i, i, n)
		fmt.Fprintf(&html, "<p>%s</p>", p)
		text.WriteString(p + "\n\n")
	}
	return Article{ID: fmt.Sprintf("big-%d", n), SourceID: "src", URL: fmt.Sprintf("https://news.example.cn/2024-03/10/content_%d.htm", 7700000+n),
		GUID: fmt.Sprintf("https://news.example.cn/2024-03/10/content_%d.htm", 7700000+n), Title: "全市公交客运量同比增长",
		Authors: []string{"李伟"}, Published: time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC), FirstSeen: time.Date(2024, 3, 10, 8, 1, 0, 0, time.UTC),
		Sections: []string{"society"}, Language: "zh-CN", Images: []Image{{URL: "https://news.example.cn/img/1.jpg", Caption: "图为公交站台。"}},
		ContentHTML: html.String(), BodyText: strings.TrimSpace(text.String())}
}

// BenchmarkArticleRecord: encode and decode of a record, JSON (version 2)
// and compressed (version 3), on bigArticle.
func BenchmarkArticleRecord(b *testing.B) {
	a := StoredArticle(bigArticle(1), time.Time{}, time.Now())
	js, _ := encodeRecordJSON(a)
	v3, _ := EncodeArticle(a)
	b.Logf("record: JSON %d bytes, compressed %d bytes (%.2f)", len(js), len(v3), float64(len(v3))/float64(len(js)))
	b.Run("encode/v2", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = encodeRecordJSON(a)
		}
	})
	b.Run("encode/v3", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = EncodeArticle(a)
		}
	})
	for _, c := range []struct {
		name string
		rec  []byte
	}{{"decode/v2", js}, {"decode/v3", v3}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := DecodeArticle(c.rec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
