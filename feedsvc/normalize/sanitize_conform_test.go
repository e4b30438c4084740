package normalize

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// conformAgrees prepares content as Articles does and, when the walk says
// bluemonday would keep the rendering, checks that bluemonday gives it
// back byte for byte. It reports whether the walk said so, and whether
// bluemonday kept the rendering anyway.
func conformAgrees(t *testing.T, name, content string, base *url.URL) (fast, kept bool) {
	t.Helper()
	a := feedsvc.Article{ContentHTML: content}
	b := readBody(&a)
	if b.tree == nil {
		return false, false
	}
	prepare(b.tree, base)
	var in, clean bytes.Buffer
	if err := renderChildren(&in, b.tree); err != nil {
		return false, false
	}
	fast = conforms(b.tree)
	if err := sanitizePolicy().SanitizeReaderToWriter(bytes.NewReader(in.Bytes()), &clean); err != nil {
		if fast {
			t.Errorf("%s: the walk conforms, bluemonday fails: %v", name, err)
		}
		return fast, false
	}
	kept = bytes.Equal(clean.Bytes(), in.Bytes())
	if fast && !kept {
		t.Errorf("%s: the walk conforms but bluemonday changes the rendering\n%s\ninto\n%s", name, in.Bytes(), clean.Bytes())
	}
	return fast, kept
}

// TestConformsAgrees: on every content of the fixtures, whenever the walk
// lets a content skip bluemonday, bluemonday would have given back its
// rendering unchanged. It also checks that the walk spares bluemonday
// most of the contents bluemonday keeps (else the fast path is moot).
func TestConformsAgrees(t *testing.T) {
	base, _ := url.Parse("https://e.org/a/")
	fast, kept, all := 0, 0, 0
	for _, c := range fixtureContents(t) {
		all++
		f, k := conformAgrees(t, c.name, c.html, base)
		if f {
			fast++
		}
		if k {
			kept++
		}
	}
	t.Logf("fast path %d, bluemonday keeps %d, of %d contents", fast, kept, all)
	if fast*10 < kept*9 {
		t.Errorf("the walk lets only %d of the %d contents bluemonday keeps skip it", fast, kept)
	}
}

// TestConformsRejects: the walk leaves to bluemonday every tree whose
// rendering bluemonday changes, and the cases it does not know.
func TestConformsRejects(t *testing.T) {
	for _, tt := range []struct {
		in      string
		changes bool // bluemonday changes the rendering
	}{
		{`<p>a<!-- c --></p>`, true},
		{`<svg><circle r="1"></circle></svg>`, true},
		{`<math><mi>x</mi></math>`, true},
		{`<main>x</main>`, true},
		{`<kbd>x</kbd>`, true},
		{`<custom-el>x</custom-el>`, true},
		{`<a>x</a>`, true},
		{`<a name="n">x</a>`, true},
		{`<p class="c">x</p>`, true},
		{`<p onclick="x()">x</p>`, true},
		{`<p lang="??">x</p>`, true},
		{`<img src="https://e.org/a.jpg" alt="a: b">`, true},
		{`<a href="https://e.org/a b">x</a>`, true},
		{`<a href="HTTPS://e.org/">x</a>`, true},
		{`<a href="ftp://e.org/">x</a>`, true},
		{`<a href="/rel">x</a>`, true},
		{`<a href=" https://e.org/">x</a>`, true},
		{`<a href="javascript:alert(1)">x</a>`, true},
		{`<blockquote cite="https://e.org/%zz">x</blockquote>`, true},
		{`<img src="https://e.org/a.jpg" xml:lang="en">`, true},
		{`<iframe src="https://evil.example/embed/a"></iframe>`, true},
		{`<iframe src="https://www.youtube.com/embed/a">&lt;b&gt;</iframe>`, true},
		{`<video src="https://e.org/v.mp4" preload="Auto"></video>`, true},
		// Unknown to the walk although bluemonday keeps it: conservative.
		{`<iframe src="https://www.youtube.com/embed/a">x</iframe>`, false},
		{`<bdo dir="rtl">x</bdo>`, false},
	} {
		t.Run(tt.in, func(t *testing.T) {
			tree := parseFragment(tt.in)
			var r bytes.Buffer
			if err := renderChildren(&r, tree); err != nil {
				t.Fatal(err)
			}
			if conforms(tree) {
				t.Errorf("conforms(%q) = true, want false", r.String())
			}
			if got := sanitizePolicy().Sanitize(r.String()); (got != r.String()) != tt.changes {
				t.Errorf("bluemonday gives %q for %q, changes = %v, want %v", got, r.String(), got != r.String(), tt.changes)
			}
		})
	}
}

// TestBareElemsRestate: bareElems restates bluemonday's default set; the
// declaration adds no element bluemonday would not already keep bare.
func TestBareElemsRestate(t *testing.T) {
	p := bluemonday.UGCPolicy()
	p.AllowElements(allowedElems...)
	for _, el := range bareElems {
		in := "<" + el + ">x</" + el + ">"
		if voidElems[el] {
			in = "<" + el + "/>"
		}
		if got := p.Sanitize(in); got != in {
			t.Errorf("without the declaration bluemonday gives %q for %q: %s is not bare by default", got, in, el)
		}
	}
}

// FuzzConforms: whenever the walk conforms, bluemonday gives back the
// rendering byte for byte; and sanitize's output, fast path or not, holds
// no script, no event handler and no javascript: URL. Seeded with every
// fixture content.
func FuzzConforms(f *testing.F) {
	for _, c := range fixtureContents(f) {
		f.Add(c.html)
	}
	for _, s := range []string{`<p title="a&amp;b">x</p>`, `<pre>` + "\n\nx</pre>", `<iframe src="https://youtube.com/embed/x"></iframe>`,
		`<a href="mailto:a@e.org">m</a>`, `<p>a` + "\r\n" + `b</p>`, `<table><tr><td colspan="2">x</td></tr></table>`} {
		f.Add(s)
	}
	base, _ := url.Parse("https://e.org/a/")
	f.Fuzz(func(t *testing.T, in string) {
		in = strings.ToValidUTF8(in, "\uFFFD")
		conformAgrees(t, "fuzz", in, base)
		out := sanitize(in, base)
		if strings.Contains(strings.ToLower(out), "<script") {
			t.Fatalf("sanitize(%q) = %q: contains <script", in, out)
		}
		checkSafeTree(t, in, out)
	})
}

// bluemondayOfPrepared is bluemonday's output for content prepared as
// sanitizeTree prepares it, with dropRejected on or off.
func bluemondayOfPrepared(t *testing.T, content string, base *url.URL, keep bool) string {
	t.Helper()
	tree := parseFragment(strings.ToValidUTF8(content, "\uFFFD"))
	if tree == nil {
		return ""
	}
	preparer{base: base, keepRejected: keep}.children(tree)
	var in bytes.Buffer
	if err := renderChildren(&in, tree); err != nil {
		return "render error"
	}
	return sanitizePolicy().Sanitize(in.String())
}

// checkDropRejected: what dropRejected takes out, bluemonday takes out as
// well. With or without it, bluemonday gives the same output.
func checkDropRejected(t *testing.T, name, content string, base *url.URL) {
	t.Helper()
	with, without := bluemondayOfPrepared(t, content, base, false), bluemondayOfPrepared(t, content, base, true)
	if with != without {
		t.Errorf("%s: bluemonday gives\n%s\nafter dropRejected, and\n%s\nwithout", name, with, without)
	}
}

// TestDropRejected: on every fixture content, dropRejected changes nothing
// bluemonday would keep.
func TestDropRejected(t *testing.T) {
	base, _ := url.Parse("https://e.org/a/")
	for _, c := range fixtureContents(t) {
		checkDropRejected(t, c.name, c.html, base)
	}
	for _, in := range []string{`<a '="" href="https://e.org/">x</a>`, `<a title="a: b" href="https://e.org/">x</a>`,
		`<img src="https://e.org/a.jpg" alt="Photo: X" title="a: b">`, `<p x:y="1" a1="2" _="3">x</p>`} {
		checkDropRejected(t, in, in, base)
		if sanitize(in, base) != bluemondayOfPrepared(t, in, base, true) {
			t.Errorf("sanitize(%q) = %q, bluemonday gives %q", in, sanitize(in, base), bluemondayOfPrepared(t, in, base, true))
		}
	}
}

// FuzzDropRejected is TestDropRejected on fuzzed content.
func FuzzDropRejected(f *testing.F) {
	for _, c := range fixtureContents(f) {
		f.Add(c.html)
	}
	f.Add(`<a '="" title="a: b" href="https://e.org/">x</a><img src="https://e.org/a.jpg" alt="a: b">`)
	base, _ := url.Parse("https://e.org/a/")
	f.Fuzz(func(t *testing.T, in string) {
		checkDropRejected(t, "fuzz", in, base)
	})
}

// TestPolicyKeys: bluemonday keeps, on no element the walk knows, an
// attribute whose key policyKey rejects; and for the keys of
// completeKeys, it keeps exactly the values the tables allow.
func TestPolicyKeys(t *testing.T) {
	values := []string{"", "x", "a b", "a: b", "a'b", "https://e.org/", "<", "&amp;", "Photo: X (2024)", "100"}
	for a, r := range walkElems {
		probe := func(key, val string) bool {
			el := `<` + r.name + ` id="probe" ` + key + `="` + html.EscapeString(val) + `">`
			if !r.empty {
				el += `x</` + r.name + `>`
			}
			return strings.Contains(sanitizePolicy().Sanitize(el), " "+key+`="`)
		}
		for _, key := range []string{"x-y", "a1", "x_y", "xml:lang", "http-equiv", "accept-charset"} {
			if policyKey(key) {
				t.Fatalf("policyKey(%q) = true", key)
			}
			if probe(key, "x") {
				t.Errorf("<%s>: bluemonday keeps %s, which policyKey rejects", a, key)
			}
		}
		for key := range completeKeys {
			for _, v := range values {
				want := allows(r.attrs[key], v) || allows(walkGlobal[key], v)
				if got := probe(key, v); got != want {
					t.Errorf("<%s %s=%q>: bluemonday keeps it = %v, the tables say %v", a, key, v, got, want)
				}
			}
		}
	}
}
