package normalize

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sameTree reports where the trees a and b differ: node types, names,
// namespaces, data, attributes in order, and children; "" when nowhere.
func sameTree(a, b *html.Node, path string) string {
	if a == nil || b == nil {
		if a != b {
			return path + ": one tree is nil"
		}
		return ""
	}
	if a.Type != b.Type || a.DataAtom != b.DataAtom || a.Data != b.Data || a.Namespace != b.Namespace {
		return fmt.Sprintf("%s: node %v %q %q, want %v %q %q", path, a.Type, a.Data, a.Namespace, b.Type, b.Data, b.Namespace)
	}
	if len(a.Attr) != len(b.Attr) {
		return fmt.Sprintf("%s/%s: attributes %q, want %q", path, a.Data, a.Attr, b.Attr)
	}
	for i := range a.Attr {
		if a.Attr[i] != b.Attr[i] {
			return fmt.Sprintf("%s/%s: attributes %q, want %q", path, a.Data, a.Attr, b.Attr)
		}
	}
	ca, cb := a.FirstChild, b.FirstChild
	for i := 0; ca != nil || cb != nil; i++ {
		if ca == nil || cb == nil {
			return fmt.Sprintf("%s/%s: child %d missing on one side", path, a.Data, i)
		}
		if ca.Parent != a || cb.Parent != b {
			return fmt.Sprintf("%s/%s: child %d has another parent", path, a.Data, i)
		}
		if d := sameTree(ca, cb, fmt.Sprintf("%s/%s[%d]", path, a.Data, i)); d != "" {
			return d
		}
		ca, cb = ca.NextSibling, cb.NextSibling
	}
	return ""
}

// checkQuickParse fails when quickParse builds a tree other than
// html.ParseFragment's; it reports whether quickParse took s.
func checkQuickParse(t *testing.T, name, s string) bool {
	t.Helper()
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	if !quickParse(s, root) {
		return false
	}
	if d := sameTree(root, parseFragmentSlow(s), ""); d != "" {
		t.Errorf("%s: quickParse differs from html.ParseFragment at %s\ninput: %.300q", name, d, s)
	}
	return true
}

// TestQuickParse: on every fixture content, and on markup chosen for the
// parser's special cases, quickParse builds html.ParseFragment's tree or
// leaves the content to it. It must take most fixture contents, else it
// is moot.
func TestQuickParse(t *testing.T) {
	quick, all := 0, 0
	for _, c := range fixtureContents(t) {
		all++
		if checkQuickParse(t, c.name, c.html) {
			quick++
		}
	}
	t.Logf("quickParse took %d of %d fixture contents", quick, all)
	if quick*10 < all*7 {
		t.Errorf("quickParse took only %d of %d fixture contents", quick, all)
	}
	for _, in := range quickParseCases {
		checkQuickParse(t, in, in)
	}
}

// quickParseCases exercise the parser's special cases, taken or not.
var quickParseCases = []string{
	"", "text", "a<!-- c -->b", "a<!DOCTYPE html>b", "a\x00b", "<pre>\nx</pre>", "<pre>\r\nx</pre>", "<listing>\n\nx</listing>",
	"<p>a<p>b", "<p>a<div>b</div>c</p>", "<p><span>a<div>b", "<p><b>a<div>b</div></b>", "<b>1<p>2</b>3</p>",
	"<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>", "<li>a<li>b", "<ul><li><p>a</li></ul>", "<ol><li><span>a<li>b</ol>",
	"<a href=x>1<a href=y>2</a></a>", "<a href=b title=a>x</a>", "<b c=2 a=1>x</b>", "<b>x</i>y</b>", "<i><b>x</i></b>",
	"<h1>a<h2>b</h2>", "<h1>a</h2>", "<p>a<hr>b", "<p><i>a<hr>b", "<hr/>x", "<br/>x</br>y", "<div/>x", "<p/>x",
	"<iframe src=x>a<b>c</b></iframe>d", "<iframe/>x", "<iframe>a\x00b</iframe>", "<table><tr><td>x</td></tr></table>",
	"<select><option>x</select>", "<script>x</script>y", "<style>p{}</style>", "<textarea>\nx</textarea>", "<title>x</title>",
	"<svg><circle/></svg>", "<math><mi>x</mi></math>", "<image src=x>", "<custom-el a=1>x</custom-el>", "<x:y>z</x:y>",
	"<dl><dt>a<dd>b</dl>", "<button>a<button>b", "<form>a</form>", "<nobr>a<nobr>b", "<object>x</object>",
	"<b><b><b><b>x</b></b></b></b>", "<b>x</b><b>y", "</div>x", "</p>", "x</span>", "<span>a</div>b</span>",
	"<div><p>a</div>b", "<figure><img src=x><figcaption>c</figcaption></figure>", "<blockquote><p>a</blockquote>",
	"<p>a</p>\n<p>b &amp; c &nbsp; d</p>", "<img src=\"a\" src=\"b\">", "<IMG SRC=x>", "<a\x00b>c</a\x00b>",
	"<video controls><source src=x></video>", "<picture><source srcset=x><img src=y></picture>", "<ruby>a<rt>b</rt></ruby>",
	"<p><del>a</del><ins>b</ins></p>", "<html><body>x</body></html>", "<body a=1>x", "<frameset>", "<noscript>x</noscript>",
	"<pre></pre>\nx", "<span>a</span\n>", "<p>a</p >b", "<a href='x'>a</a b>", strings.Repeat("<span>", 600) + "x",
	"<p><a href=x><img src=y></img></a></p>", "a</img>b", "<h2>a</h3>b", "<h1><span>a</h2>b", "</li>x", "</button>x",
	"</dd>x", "</custom>x", "<custom>a</custom>b</custom>", "<b>a</b></b>c", "<p>a</p></p>", "<div>a</div></div>b",
	"<ul><li>a</li></li></ul>", "<iframe>a</iframe></iframe>b", "<span>a</em>b</span>",
	strings.Repeat("<div>", 511) + "x", strings.Repeat("<div>", 512) + "x",
}

// FuzzQuickParse: quickParse builds html.ParseFragment's tree whenever it
// takes a content.
func FuzzQuickParse(f *testing.F) {
	for _, c := range fixtureContents(f) {
		f.Add(c.html)
	}
	for _, in := range quickParseCases {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkQuickParse(t, "fuzz", in)
	})
}
