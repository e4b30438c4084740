package parse

import "testing"

// TestMediaDescriptionAsContent: an entry whose only text is a Media RSS
// description (YouTube) gets it as content; a real description wins.
func TestMediaDescriptionAsContent(t *testing.T) {
	const head = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>c</title>`
	tests := []struct{ name, item, want string }{
		{"group description, plain text escaped", `<item><title>v</title><media:group><media:description>a &lt; b
second line</media:description></media:group></item>`, "<p>a &lt; b<br>second line</p>"},
		{"item-level html description", `<item><title>v</title><media:description type="html">&lt;b&gt;x&lt;/b&gt;</media:description></item>`, "<b>x</b>"},
		{"own description wins", `<item><title>v</title><description>own</description><media:description>m</media:description></item>`, "own"},
		{"content description is a caption only", `<item><title>v</title><media:content url="https://e.org/a.jpg" medium="image"><media:description>cap</media:description></media:content></item>`, ""},
	}
	const video = `<item><title>v</title><media:group><media:thumbnail url="https://e.org/t.jpg"/><media:description>words</media:description></media:group></item>`
	_, arts, err := Feed([]byte(head+video+`</channel></rss>`), "https://e.org/feed")
	if err != nil || len(arts) != 1 || len(arts[0].Images) != 1 {
		t.Fatalf("video entry: got %+v, err %v", arts, err)
	}
	if got := arts[0].Images[0].Caption; got != "" {
		t.Errorf("thumbnail caption: got %q, want it moved to the content", got)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, arts, err := Feed([]byte(head+tt.item+`</channel></rss>`), "https://e.org/feed")
			if err != nil || len(arts) != 1 {
				t.Fatalf("got %d articles, err %v", len(arts), err)
			}
			if got := arts[0].ContentHTML; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
