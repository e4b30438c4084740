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
	"unicode/utf8"

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

// roundTrip returns a read back from its stored record.
func roundTrip(t *testing.T, a Article) Article {
	t.Helper()
	b, err := EncodeArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeArticle(b)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestArticleRecordEveryField: every stored field survives the record.
func TestArticleRecordEveryField(t *testing.T) {
	a := recordFixture()
	a.Versions[0].Article = recordFixture() // the nested article, full too
	a.Versions[0].Article.Versions = nil
	a.Versions[0].Article.Published = a.Versions[0].Article.Published.UTC().Truncate(time.Second)
	a.Versions[0].Article.Updated = a.Versions[0].Article.Updated.UTC().Truncate(time.Second)
	nonZero(t, "Article", reflect.ValueOf(a))
	got := roundTrip(t, a)
	if d := cmp.Diff(a, got); d != "" {
		t.Errorf("record round trip (-want +got):\n%s", d)
	}
	if got.Published.Location() != time.UTC || got.FirstSeen.Location() != time.UTC {
		t.Errorf("times not in UTC: %v %v", got.Published, got.FirstSeen)
	}
}

// TestArticleRecordIsItsOwnShape: the JSON record carries its version,
// leaves empty fields out (no check-style nulls) and keeps HTML unescaped;
// the stored record is the binary record in one zstd frame; a newer JSON
// version is refused.
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
	r := toRecord(a)
	inner, err := recordDecoder().DecodeAll(b, nil)
	if bin := appendRecordBin(nil, &r); err != nil || !bytes.Equal(inner, bin) {
		t.Errorf("stored record holds %q (%v), want the binary record %q", inner, err, bin)
	}
	for _, v := range []int{3, 4} {
		_, err = DecodeArticle(fmt.Appendf(nil, `{"v":%d,"id":"x"}`, v))
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), fmt.Sprintf("version %d", v)) {
			t.Errorf("JSON record version %d: got %v, want ErrInvalid naming it", v, err)
		}
	}
}

// TestArticleRecordReadsEveryVersion: a record of each version, 1 (the
// check shape), 2 (JSON), 3 (compressed JSON) and 4 (compressed binary),
// reads as the same article: the versions cover the same fields, and
// version 4's reader gives what the JSON reader gives, field for field.
func TestArticleRecordReadsEveryVersion(t *testing.T) {
	full := recordFixture()
	full.Versions[0].Article = recordFixture()
	full.Versions[0].Article.Versions = nil
	full.Versions = append(full.Versions, Version{Kind: VersionFeed, Article: Article{ID: "empty version"}})
	for _, a := range []Article{recordFixture(), full, bigArticle(4), {ID: "bare", FirstSeen: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}} {
		a = StoredArticle(a, time.Time{}, time.Now())
		v1, err1 := json.Marshal(a)
		v2, err2 := encodeRecordJSON(a)
		v4, err4 := EncodeArticle(a)
		if err := errors.Join(err1, err2, err4); err != nil {
			t.Fatal(err)
		}
		v3 := compressRecord(v2)
		want, err := DecodeArticle(v4)
		if err != nil {
			t.Fatal(err)
		}
		for v, b := range map[int][]byte{1: v1, 2: v2, 3: v3} {
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

// TestArticleRecordPinnedVersion4: a version 4 record written when the
// form was made (every kind of field: lists, an image, a fingerprint, a
// version with changes and a page fetch) reads the same in later builds,
// and this build still writes those bytes: a change of the binary form
// or of its compression fails here instead of rewriting every stored
// article.
func TestArticleRecordPinnedVersion4(t *testing.T) {
	want := Article{ID: "pin", URL: "https://n.example/pin", Title: "标题 & title", ContentHTML: "<p>正文 body</p>", BodyText: "正文 body",
		Published: time.Date(2024, 3, 10, 8, 30, 0, 0, time.UTC), FirstSeen: time.Date(2024, 3, 10, 8, 31, 2, 5, time.UTC), Sections: []string{"society"},
		Images: []Image{{URL: "https://n.example/1.jpg", Length: 7}}, Fingerprint: 0x0102030405060708,
		Versions: []Version{{Kind: VersionPage, Changed: map[string]time.Time{"title": time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC), "body": time.Date(2024, 3, 11, 0, 0, 1, 0, time.UTC)},
			Article: Article{ID: "pin", Title: "旧"}, Fetched: &PageFetch{Key: "k"}}}}
	b, err := hex.DecodeString(pinnedV4)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeArticle(b)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("pinned version 4 record (-want +got):\n%s", d)
	}
	if now, err := EncodeArticle(want); err != nil || !bytes.Equal(now, b) {
		t.Errorf("this build writes the pinned article as %x (%v), want the pinned bytes", now, err)
	}
}

// pinnedV4 is EncodeArticle's record of TestArticleRecordPinnedVersion4's
// article, as version 4 was first written.
const pinnedV4 = "28b52ffd0400cd0500640a040370696e001568747470733a2f2f6e2e6578616d706c652f70696e000ee6a087e9a2982026207469746c6500000000000000000190beebde0c0000018cbfebde0c05000000000117312e6a7067000000000e0000123c703ee6ada3e6968720626f64793c2f703e0b0107736f63696574790001020304050607080104706167650204626f64790182a6f2de0c00057469746c650180a6f2de0c00000003e697a701016b00000500290034e68aec0c8698313e293c6c067e23e9f2"

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
		r := toRecord(a)
		if fresh := newRecordEncoder().EncodeAll(appendRecordBin(nil, &r), nil); !bytes.Equal(fresh, b) {
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
	// A sound frame around a damaged binary record: cut anywhere, or one
	// byte more at the end.
	full := recordFixture()
	full.Versions[0].Article.Versions = []Version{{Kind: VersionFeed}}
	r := toRecord(full)
	bin := appendRecordBin(nil, &r)
	for cut := range len(bin) {
		if _, err := DecodeArticle(compressRecord(bin[:cut])); err == nil {
			t.Errorf("binary record cut to %d of %d bytes read without error", cut, len(bin))
		}
	}
	if _, err := DecodeArticle(compressRecord(append(bytes.Clone(bin), 0))); err == nil {
		t.Error("binary record with a byte after it read without error")
	}
}

// FuzzRecordBin: any bytes inside a record's frame read as an article or
// an error, never a panic, and an article that reads re-encodes to a
// record that reads as the same article; articles made of the fuzzed
// strings round-trip through version 4 exactly as through the JSON
// record (the reader of versions 2 and 3).
func FuzzRecordBin(f *testing.F) {
	r := toRecord(recordFixture())
	f.Add(appendRecordBin(nil, &r), "t", "<p>x</p>", int64(1), uint64(2))
	f.Add([]byte{binRecordMark, 0xff, 0xff, 0xff, 0xff, 0x0f}, "", "", int64(-1), uint64(0))
	f.Fuzz(func(t *testing.T, inner []byte, title, body string, secs int64, fp uint64) {
		inner = append([]byte{binRecordMark}, bytes.TrimPrefix(inner, []byte{binRecordMark})...)
		if rec, err := decodeRecordBin(inner); err == nil {
			a := rec.article()
			b, err := EncodeArticle(a)
			if err != nil {
				t.Fatal(err)
			}
			if back, err := DecodeArticle(b); err != nil || !cmp.Equal(a, back) {
				t.Fatalf("read %+v, re-encoded it reads %+v (%v)", a, back, err)
			}
		}
		a := Article{ID: title, Title: title, ContentHTML: body, BodyText: body, Authors: []string{title, body},
			Published: time.Unix(secs%(1<<40), 0).UTC(), FirstSeen: time.Unix(secs%(1<<40), int64(fp%1e9)).UTC(), Fingerprint: fp,
			Images:   []Image{{URL: body, Length: secs}},
			Versions: []Version{{Kind: title, Changed: map[string]time.Time{title: time.Unix(secs%(1<<40), 0).UTC(), body: {}}, Article: Article{ID: body}}}}
		if !utf8.ValidString(title) || !utf8.ValidString(body) {
			return // JSON would replace invalid UTF-8; the binary form keeps bytes
		}
		js, err := encodeRecordJSON(a)
		if err != nil {
			t.Fatal(err)
		}
		want, err := decodeRecordJSON(js)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, roundTrip(t, a)); d != "" {
			t.Errorf("version 4 reads differently from the JSON record (-json +v4):\n%s", d)
		}
	})
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

// BenchmarkArticleRecord: encode and decode of a record, JSON (version
// 2), compressed JSON (version 3) and compressed binary (version 4), on
// bigArticle.
func BenchmarkArticleRecord(b *testing.B) {
	a := StoredArticle(bigArticle(1), time.Time{}, time.Now())
	js, _ := encodeRecordJSON(a)
	v3 := compressRecord(js)
	v4, _ := EncodeArticle(a)
	b.Logf("record: JSON %d bytes, compressed %d bytes (%.2f); binary compressed %d bytes", len(js), len(v3), float64(len(v3))/float64(len(js)), len(v4))
	b.Run("encode/v2", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = encodeRecordJSON(a)
		}
	})
	b.Run("encode/v4", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = EncodeArticle(a)
		}
	})
	for _, c := range []struct {
		name string
		rec  []byte
	}{{"decode/v2", js}, {"decode/v3", v3}, {"decode/v4", v4}} {
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
