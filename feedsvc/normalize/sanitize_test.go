package normalize

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

func TestSanitize(t *testing.T) {
	base, _ := url.Parse("https://www.e.org/news/2023/a.html")
	tests := []struct {
		name    string
		in      string
		want    []string // substrings the output must contain
		notWant []string // substrings it must not contain
	}{
		{"script and style removed", `<p>a<script>alert(1)</script><style>p{color:red}</style>b</p>`,
			[]string{"<p>ab</p>"}, []string{"script", "alert", "color"}},
		{"event handlers removed", `<p onclick="x()" onmouseover="y()">t</p><img src="/a.jpg" onerror="z()">`,
			[]string{"<p>t</p>"}, []string{"onclick", "onmouseover", "onerror"}},
		{"foreign iframe removed", `<iframe src="https://evil.example/x"></iframe><p>k</p>`,
			[]string{"<p>k</p>"}, []string{"iframe", "evil"}},
		{"youtube iframe kept", `<iframe src="//www.youtube.com/embed/abc" width="560" height="315" onload="x"></iframe>`,
			[]string{`<iframe `, `src="https://www.youtube.com/embed/abc"`, `width="560"`}, []string{"onload"}},
		{"bilibili iframe kept", `<iframe src="https://player.bilibili.com/player.html?bvid=1"></iframe>`,
			[]string{`src="https://player.bilibili.com/player.html?bvid=1"`}, nil},
		{"http embed upgraded", `<iframe src="http://player.vimeo.com/video/1"></iframe>`,
			[]string{`src="https://player.vimeo.com/video/1"`}, nil},
		{"lookalike host removed", `<iframe src="https://youtube.com.evil.example/embed"></iframe><p>k</p>`,
			[]string{"<p>k</p>"}, []string{"iframe"}},
		{"emptied wrappers removed", `<p><img src="https://e.org/p.gif" width="1" height="1"></p><div><a href="/x"><img src=""></a></div><p>z</p>`,
			[]string{"<p>z</p>"}, []string{"<div>", "<a", "<p></p>"}},
		{"lazy src wins", `<img src="/images/grey.gif" data-original="/pic/1.jpg" alt="x">`,
			[]string{`src="https://www.e.org/pic/1.jpg"`, `alt="x"`}, []string{"grey.gif", "data-original"}},
		{"data-src over data uri", `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="p.jpg">`,
			[]string{`src="https://www.e.org/news/2023/p.jpg"`}, []string{"data:"}},
		{"tracking pixel dropped", `<p>t</p><img src="https://stats.e.org/p.gif" width="1" height="1">`,
			[]string{"<p>t</p>"}, []string{"<img"}},
		{"zero size pixel dropped", `<img src="/x.gif" width="0" height="0"><p>u</p>`, []string{"<p>u</p>"}, []string{"<img"}},
		{"feedburner beacon dropped", `<img src="http://feeds.feedburner.com/~r/x/~4/abc">`, nil, []string{"<img"}},
		{"image without src dropped", `<img alt="nothing"><p>v</p>`, []string{"<p>v</p>"}, []string{"<img"}},
		{"relative to absolute", `<a href="../b.html">b</a> <img src="/i/c.png">`,
			[]string{`href="https://www.e.org/news/b.html"`, `src="https://www.e.org/i/c.png"`}, nil},
		{"srcset resolved", `<img src="a.jpg" srcset="a.jpg 1x, /b.jpg 2x">`,
			[]string{`srcset="https://www.e.org/news/2023/a.jpg 1x, https://www.e.org/b.jpg 2x"`}, nil},
		{"referrerpolicy added", `<img src="https://cdn.e.org/a.jpg">`, []string{`referrerpolicy="no-referrer"`}, nil},
		{"link rel added, target dropped", `<a href="https://o.org/" target="_blank">o</a>`,
			[]string{`rel="noopener noreferrer"`}, []string{"target"}},
		{"javascript link neutralized", `<a href="javascript:alert(1)">j</a>`, []string{"j"}, []string{"javascript"}},
		{"video poster resolved", `<video src="v.mp4" poster="p.jpg" controls></video>`,
			[]string{`poster="https://www.e.org/news/2023/p.jpg"`, `src="https://www.e.org/news/2023/v.mp4"`}, nil},
		{"figure and table kept", `<figure><img src="a.jpg"><figcaption>Cap</figcaption></figure><table><tr><td>1</td></tr></table>`,
			[]string{"<figure>", "<figcaption>Cap</figcaption>", "<td>1</td>"}, nil},
		{"form removed with content", `<form><input value="secret"><button>Go</button></form><p>w</p>`,
			[]string{"<p>w</p>"}, []string{"secret", "Go", "input"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sanitize(tt.in, base)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %q, want it to contain %q", got, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("got %q, want no %q", got, w)
				}
			}
		})
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{`<p onclick=x>a</p>`, `<script>x</script>`, `<img src=x onerror=alert(1)>`,
		`<a href="javascript:x">y</a>`, `<iframe src="//youtube.com/embed/x"></iframe>`, `<svg><script>x</script></svg>`,
		`<math><mi xlink:href="javascript:x">`, `<img data-src="a.jpg" srcset="b.jpg 2x">`, "\xff<p>\xfe</p>"} {
		f.Add(s)
	}
	base, _ := url.Parse("https://e.org/a/")
	f.Fuzz(func(t *testing.T, in string) {
		out := sanitize(in, base)
		if !utf8.ValidString(out) {
			t.Fatalf("sanitize(%q) = %q: invalid UTF-8", in, out)
		}
		if strings.Contains(strings.ToLower(out), "<script") {
			t.Fatalf("sanitize(%q) = %q: contains <script", in, out)
		}
		checkSafeTree(t, in, out)
		keptAgrees(t, "fuzz", in, base)
	})
}

// checkSafeTree parses out and checks no event handler, no script/style
// element and no javascript: URL survived.
func checkSafeTree(t *testing.T, in, out string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output does not parse: %v", err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" || n.Data == "style" {
				t.Errorf("sanitize(%q) = %q: <%s> survived", in, out, n.Data)
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(strings.ToLower(a.Key), "on") || strings.HasPrefix(v, "javascript:") {
					t.Errorf("sanitize(%q) = %q: unsafe attribute %s=%q", in, out, a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}
