package feedsvc

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
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

// TestArticleRecordReadsVersion1: what stores wrote before the record
// (Article.MarshalJSON, the `feedsvc check` shape) reads as the same
// article as the current record.
func TestArticleRecordReadsVersion1(t *testing.T) {
	for _, a := range []Article{recordFixture(), {ID: "bare", FirstSeen: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}} {
		a = StoredArticle(a, time.Time{}, time.Now())
		v1, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		v2, err := EncodeArticle(a)
		if err != nil {
			t.Fatal(err)
		}
		old, err1 := DecodeArticle(v1)
		cur, err2 := DecodeArticle(v2)
		if err1 != nil || err2 != nil {
			t.Fatalf("decode: %v, %v", err1, err2)
		}
		if d := cmp.Diff(cur, old); d != "" {
			t.Errorf("%s: version 1 reads differently (-current +v1):\n%s", a.ID, d)
		}
	}
}

// TestArticleRecordIsItsOwnShape: the record carries its version, leaves
// empty fields out (no check-style nulls) and keeps HTML unescaped; a
// newer version is refused.
func TestArticleRecordIsItsOwnShape(t *testing.T) {
	b, err := EncodeArticle(Article{ID: "x", ContentHTML: "<p>a & b</p>"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"v":2,"id":"x","content_html":"<p>a & b</p>"}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
	_, err = DecodeArticle([]byte(`{"v":3,"id":"x"}`))
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "version 3") {
		t.Errorf("newer record: got %v, want ErrInvalid naming version 3", err)
	}
}
