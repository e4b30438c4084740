package labels

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc/testenv"
)

// agreeEmpty parses doc twice and checks that dropEmpty leaves the same
// tree as DropEmpty (and TextOf on the first tree, agreeText).
func agreeEmpty(t *testing.T, doc string) {
	t.Helper()
	var out [2]string
	for i, drop := range []func(*html.Node){DropEmpty, dropEmpty} {
		root, err := html.Parse(strings.NewReader(doc))
		if err != nil {
			return
		}
		if i == 0 {
			agreeText(t, root)
		}
		drop(root)
		var b strings.Builder
		if err := html.Render(&b, root); err != nil {
			t.Fatal(err)
		}
		out[i] = b.String()
	}
	if out[0] != out[1] {
		t.Errorf("dropEmpty(%.200q):\n got %.400q\nwant %.400q", doc, out[1], out[0])
	}
}

// emptyCases hold empty elements of every kind DropEmpty judges.
var emptyCases = []string{
	"<p> </p><div><span>\u3000</span><p>x</p></div>", "<p>1130305</p><p>(0305)</p><div>——</div><p>a1</p>",
	"<p>12345678901234567</p><p>1234567890123456</p><p>1 2 3 4 5 6 7 8 9</p>", "<p><img src=a.jpg></p><div><br></div><hr>",
	"<div><script>x</script></div><noscript><img src=a></noscript><p><svg><text>x</text></svg></p>",
	"<p>\u0085\u2003\v</p><p>\xff</p><table><tr><td> </td><td>a</td></tr></table>", "<p><b>—</b> <i>·</i></p>",
	"<select><option>a</option></select><p><template><p>t</p></template></p>", "<p>\u200b\ufeff</p><p><picture></picture></p>",
}

// TestDropEmptyAgrees: on every fixture page and feed and the cases
// above, the one-pass dropEmpty leaves what DropEmpty leaves.
func TestDropEmptyAgrees(t *testing.T) {
	docs := emptyCases
	err := filepath.WalkDir(testenv.Shared(t), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") && !strings.HasSuffix(path, ".html") {
			return err
		}
		raw, err := os.ReadFile(path)
		docs = append(docs, string(raw), html.UnescapeString(string(raw)))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		agreeEmpty(t, d)
	}
}

// FuzzDropEmpty: on any markup dropEmpty leaves what DropEmpty leaves.
func FuzzDropEmpty(f *testing.F) {
	for _, c := range emptyCases {
		f.Add(c)
	}
	f.Fuzz(agreeEmpty)
}

// agreeText checks TextOf, which returns one node's text without a
// copy, against the plain join of the text nodes, on every element.
func agreeText(t *testing.T, root *html.Node) {
	t.Helper()
	for _, n := range Elements(root) {
		var b strings.Builder
		for _, tn := range textNodes(n) {
			b.WriteString(tn.Data)
		}
		if got := TextOf(n); got != b.String() {
			t.Errorf("TextOf(<%s>) = %.100q, want %.100q", n.Data, got, b.String())
		}
	}
}
