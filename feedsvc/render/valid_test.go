package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestRSSStructure(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			ch := forFormat(tc.ch(), FormatRSS)
			b, err := RSS(ch)
			if err != nil {
				t.Fatal(err)
			}
			p := decodeRSS(t, b)
			if p.Version != "2.0" || p.Channel.Title == "" || p.Channel.Description == "" {
				t.Errorf("got version %q title %q description %q", p.Version, p.Channel.Title, p.Channel.Description)
			}
			if self := atomLinks(p.Channel.Links, "self"); len(self) != 1 || self[0] != ch.SelfURL {
				t.Errorf("got atom:link self %q, want %q", self, ch.SelfURL)
			}
			if got := len(p.Channel.Items); got != len(ch.Articles) {
				t.Fatalf("got %d items, want %d", got, len(ch.Articles))
			}
			for i, it := range p.Channel.Items {
				if it.GUID.ID == "" || it.GUID.IsPermaLink != "false" {
					t.Errorf("item %d: got guid %q isPermaLink %q", i, it.GUID.ID, it.GUID.IsPermaLink)
				}
				pub, err := time.Parse(time.RFC1123Z, it.PubDate)
				if err != nil || !pub.Equal(ch.Articles[i].SortTime()) || !strings.HasSuffix(it.PubDate, " +0000") {
					t.Errorf("item %d: got pubDate %q (%v), want %v in UTC", i, it.PubDate, err, ch.Articles[i].SortTime())
				}
				if len(it.Enclosures) > 1 {
					t.Errorf("item %d: got %d enclosures, RSS allows one", i, len(it.Enclosures))
				}
				for _, e := range it.Enclosures {
					if e.URL == "" || e.Length == "" || e.Type == "" {
						t.Errorf("item %d: enclosure without url, length or type: %+v", i, e)
					}
				}
			}
			for _, ns := range []string{"atom", "content", "dc", "media"} {
				if n := bytes.Count(b, []byte("xmlns:"+ns+"=")); n != 1 {
					t.Errorf("got xmlns:%s declared %d times, want once", ns, n)
				}
			}
		})
	}
}

func TestRSSRichFields(t *testing.T) {
	ch := richChannel()
	p := decodeRSS(t, mustRender(t, FormatRSS, ch))
	it := p.Channel.Items[0]
	a := ch.Articles[0]
	if diff := cmp.Diff(a.Categories, it.Categories); diff != "" {
		t.Errorf("category (-want +got):\n%s", diff)
	}
	if len(it.Media) != len(a.Images)+len(a.Attachments) || it.Media[0].Caption != a.Images[0].Caption {
		t.Errorf("got media %+v", it.Media)
	}
	if got := it.Media[0].Credits; len(got) != 1 || got[0] != a.Images[0].Credit {
		t.Errorf("got credits %q, want %q", got, a.Images[0].Credit)
	}
	ki, si := strings.Index(it.Content, a.Kicker), strings.Index(it.Content, a.Subtitle)
	bi := strings.Index(it.Content, "本报北京")
	if ki < 0 || si < ki || bi < si {
		t.Errorf("content:encoded must hold kicker, subtitle, body in order: %q", it.Content)
	}
	b, _ := RSS(ch)
	if !bytes.Contains(b, []byte(`<dc:contributor>`+a.Editor)) || !bytes.Contains(b, []byte(`<source url="`+a.SourceURL+`">`+a.Source)) {
		t.Errorf("editor or source missing:\n%s", b)
	}
}

func TestAtomStructure(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			ch := forFormat(tc.ch(), FormatAtom)
			b := mustRender(t, FormatAtom, ch)
			p := decodeAtom(t, b)
			checkAtomText(t, "feed", p.ID, p.Title, p.Updated)
			if self := atomLinks(p.Links, "self"); len(self) != 1 || self[0] != ch.SelfURL {
				t.Errorf("got link self %q, want %q", self, ch.SelfURL)
			}
			if p.Lang != ch.Section.Language || len(p.Author) != 1 {
				t.Errorf("got xml:lang %q authors %q", p.Lang, p.Author)
			}
			if (p.Archive != nil) != ch.Archive {
				t.Errorf("got fh:archive %v, want %v", p.Archive != nil, ch.Archive)
			}
			if len(p.Entries) != len(ch.Articles) {
				t.Fatalf("got %d entries, want %d", len(p.Entries), len(ch.Articles))
			}
			for i, e := range p.Entries {
				checkAtomText(t, "entry", e.ID, e.Title, e.Updated)
				if got := atomLinks(e.Links, "alternate"); len(got) != 1 || got[0] != ch.Articles[i].URL {
					t.Errorf("entry %d: got alternate %q, want %q", i, got, ch.Articles[i].URL)
				}
			}
			checkMetadataFirst(t, b)
		})
	}
}

func checkAtomText(t *testing.T, what, id, title, updated string) {
	t.Helper()
	if id == "" || title == "" {
		t.Errorf("%s: got id %q title %q, want both non-empty", what, id, title)
	}
	if _, err := time.Parse(time.RFC3339, updated); err != nil || !strings.HasSuffix(updated, "Z") {
		t.Errorf("%s: got updated %q, want RFC 3339 in UTC: %v", what, updated, err)
	}
}

// checkMetadataFirst asserts no feed-level element follows the first entry.
func checkMetadataFirst(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, seenEntry := 0, false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		switch se := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && se.Name.Local == "entry" {
				seenEntry = true
			} else if depth == 2 && seenEntry {
				t.Errorf("feed element %s after the first entry", se.Name.Local)
			}
		case xml.EndElement:
			depth--
		}
	}
}

func TestJSONStructure(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			ch := forFormat(tc.ch(), FormatJSON)
			p, items := decodeJSON(t, mustRender(t, FormatJSON, ch))
			if p.Version != jsonFeedVersion || p.FeedURL != ch.SelfURL || p.Title == "" {
				t.Errorf("got version %q feed_url %q title %q", p.Version, p.FeedURL, p.Title)
			}
			if string(p.Items) == "null" || len(items) != len(ch.Articles) {
				t.Fatalf("got items %s, want %d items", p.Items, len(ch.Articles))
			}
			for i, it := range items {
				if it.ID == "" || (it.ContentHTML == "") == (it.ContentText == "") {
					t.Errorf("item %d: got id %q, html %q, text %q: want id and exactly one content", i, it.ID, it.ContentHTML, it.ContentText)
				}
				if _, err := time.Parse(time.RFC3339, it.DatePublished); err != nil {
					t.Errorf("item %d: got date_published %q: %v", i, it.DatePublished, err)
				}
				for _, at := range it.Attachments {
					if at.URL == "" || at.MIMEType == "" {
						t.Errorf("item %d: attachment %+v lacks url or mime_type", i, at)
					}
				}
			}
		})
	}
}

func TestJSONExtension(t *testing.T) {
	ch := richChannel()
	_, items := decodeJSON(t, mustRender(t, FormatJSON, ch))
	a := ch.Articles[0]
	ext := items[0].Ext
	for key, want := range map[string]string{"kicker": a.Kicker, "subtitle": a.Subtitle,
		"print_title": a.PrintTitle, "source": a.Source, "editor": a.Editor} {
		if got, _ := ext[key].(string); got != want {
			t.Errorf("_feedsvc.%s: got %q, want %q", key, got, want)
		}
	}
	if len(ext["photographers"].([]any)) != len(a.Photographers) || len(ext["also_in"].([]any)) != 1 {
		t.Errorf("got _feedsvc %v", ext)
	}
	if _, ok := items[1].Ext["kicker"]; ok {
		t.Errorf("item without kicker has _feedsvc.kicker: %v", items[1].Ext)
	}
}

// TestSameIDsAcrossFormats checks that every format lists the same unique
// ids, itemID's, in the Channel's order.
func TestSameIDsAcrossFormats(t *testing.T) {
	ch := bigChannel(12)
	ch.Articles = append(ch.Articles, ch.Articles[3]) // a repeated ID is rendered once
	var want []string
	seen := map[string]bool{}
	for i := range ch.Articles[:12] {
		id := itemID(ch, &ch.Articles[i])
		if seen[id] {
			t.Fatalf("itemID %q repeats", id)
		}
		seen[id] = true
		want = append(want, id)
	}
	rss := decodeRSS(t, mustRender(t, FormatRSS, ch))
	atom := decodeAtom(t, mustRender(t, FormatAtom, ch))
	_, js := decodeJSON(t, mustRender(t, FormatJSON, ch))
	var gotRSS, gotAtom, gotJSON []string
	for _, it := range rss.Channel.Items {
		gotRSS = append(gotRSS, it.GUID.ID)
	}
	for _, e := range atom.Entries {
		gotAtom = append(gotAtom, e.ID)
	}
	for _, it := range js {
		gotJSON = append(gotJSON, it.ID)
	}
	for name, got := range map[string][]string{"rss": gotRSS, "atom": gotAtom, "json": gotJSON} {
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s ids (-want +got):\n%s", name, diff)
		}
	}
}

func TestDeterministicAndInputUntouched(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			ch := richChannel()
			ch.Articles[0].Title += "\x00\x1b" // cleaning must not write back
			before := richChannel()
			before.Articles[0].Title = ch.Articles[0].Title
			first := mustRender(t, format, ch)
			second := mustRender(t, format, ch)
			if !bytes.Equal(first, second) {
				t.Errorf("two renders differ:\n%s\n---\n%s", first, second)
			}
			if diff := cmp.Diff(before, ch); diff != "" {
				t.Errorf("render modified its input (-before +after):\n%s", diff)
			}
		})
	}
}

func mustRender(t testing.TB, format string, ch *feedsvc.Channel) []byte {
	t.Helper()
	b, err := Render(format, ch)
	if err != nil {
		t.Fatalf("render %s: %v", format, err)
	}
	return b
}
