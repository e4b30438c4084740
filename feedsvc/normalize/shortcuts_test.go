package normalize

import (
	stdhtml "html"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/width"
)

// FuzzUsableImage: the hand-written placeholder and beacon test agrees
// with the regexps it stands in for.
func FuzzUsableImage(f *testing.F) {
	for _, s := range []string{"https://e.org/a/blank.gif", "https://e.org/S.PNG?x=1", "https://e.org/x/s.svgz",
		"http://e.org/pixel.gif/b", "https://stats.wordpress.com/b.gif", "https://e.org/a.jpg", "https://e.org/track.png?",
		"https://e.org/1x1.gif", "https://e.org//dot.svg", "https://e.org/ſ.gif", "ftp://e.org/a.jpg",
		"https://x.files.wordpress.com/2011/a.jpg", "https://FEEDS.WordPress.com/1.0/x", "https://a.feeds.feedburner.com/~r/x",
		"https://feedburner.com/~ff/x", "https://pixel.quantserve.com/p", "https://e.org/quantserve.com/",
		"http://feeds.FeedBurner.com/~ff/Techcrunch?d=yIl2AUoC8zA", "https://a.b?c.facebook.com/tr", "https://xfacebook.com/tr",
		"https://e.org/facebook.com/tr", "http://statcounter.com", "https://c.STATCOUNTER.com/", "https://e.org/Blank.GIF?x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if got, want := usableImage(u), usableImageRef(u); got != want {
			t.Errorf("usableImage(%q) = %v, the regexps say %v", u, got, want)
		}
	})
}

// FuzzFingerprintRunes: folding rune by rune keeps what width.Fold and
// strings.ToLower over the whole text kept.
func FuzzFingerprintRunes(f *testing.F) {
	for _, s := range []string{"Ｈｅｌｌｏ　ｗｏｒｌｄ", "ｶﾀｶﾅ ﾊﾝｶｸ", "市总工会今天启动", "İstanbul ǅ ẞ", "₩￦ ⦅⦆", "\xff\xfeA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []rune
		for _, r := range strings.ToLower(width.Fold.String(s)) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				want = append(want, r)
			}
		}
		if got := fingerprintRunes(s); string(got) != string(want) {
			t.Errorf("fingerprintRunes(%q) = %q, want %q", s, string(got), string(want))
		}
	})
}

func TestNoWidthFoldBelow2000(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		if f := width.LookupRune(r).Folded(); f != 0 {
			t.Errorf("U+%04X folds to U+%04X", r, f)
		}
	}
}

// FuzzCollapsed: the no-copy shortcut of collapse only fires when
// collapsing would change nothing, and fires for plain one-line text.
func FuzzCollapsed(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a  b", " a", "a ", "a\tb", "市总\u3000工会", "x\u200by", "\x7f", "é ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		if collapsed(s) && collapseBuild(s) != s {
			t.Errorf("collapsed(%q) but collapse gives %q", s, collapseBuild(s))
		}
		if got := collapse(s); got != collapseBuild(s) {
			t.Errorf("collapse(%q) = %q, want %q", s, got, collapseBuild(s))
		}
	})
}

// fingerprintRef is Fingerprint written plainly: the runes of the joined
// text collected first, then every gram hashed.
func fingerprintRef(title, body string) uint64 {
	rs := fingerprintRunes(title + " " + body)
	if len(rs) == 0 {
		return 0
	}
	var ones [64]int
	grams := [][]rune{rs}
	if len(rs) >= 3 {
		grams = nil
		for i := 0; i+3 <= len(rs); i++ {
			grams = append(grams, rs[i:i+3])
		}
	}
	for _, g := range grams {
		h := mix(hashRunes(g))
		for i := range ones {
			ones[i] += int(h >> i & 1)
		}
	}
	var fp uint64
	for i, c := range ones {
		if 2*c > len(grams) {
			fp |= 1 << i
		}
	}
	return fp
}

// hashRunes is 64-bit FNV-1a over the runes' little-endian bytes, byte
// by byte: the definition fnvRune shortens.
func hashRunes(g []rune) uint64 {
	h := uint64(fnvOffset)
	for _, r := range g {
		for _, b := range [4]byte{byte(r), byte(r >> 8), byte(r >> 16), byte(r >> 24)} {
			h ^= uint64(b)
			h *= fnvPrime
		}
	}
	return h
}

// TestFnvRune: skipping the zero high bytes of a rune hashes as the byte
// by byte definition does, at every byte width and around its edges.
func TestFnvRune(t *testing.T) {
	runes := []rune{-1, -0x80000000, 0x7fffffff, 0x10ffff, 0x110000, 0xfffd}
	for shift := 0; shift < 32; shift += 8 {
		for _, r := range []rune{1, 0x7f, 0x80, 0xff, 0x100} {
			runes = append(runes, r<<shift, r<<shift-1, r<<shift+1)
		}
	}
	for r := rune(0); r < 0x3000; r++ {
		runes = append(runes, r)
	}
	seeds := []uint64{fnvOffset, 0, ^uint64(0), 0x0123456789abcdef}
	for _, r := range runes {
		for _, h := range seeds {
			want := h
			for _, b := range [4]byte{byte(r), byte(r >> 8), byte(r >> 16), byte(r >> 24)} {
				want = (want ^ uint64(b)) * fnvPrime
			}
			if got := fnvRune(h, r); got != want {
				t.Fatalf("fnvRune(%x, U+%04X) = %x, want %x", h, r, got, want)
			}
		}
	}
}

// TestFoldTables: the tables are fingerprintRune on U+3000–U+30FF and
// U+FF00–U+FFFF, and no rune there folds to 0 (which they read as "does
// not count").
func TestFoldTables(t *testing.T) {
	for lo, table := range map[rune][0x100]rune{0x3000: cjkMarksFold, 0xff00: fullWidthFold} {
		for k, got := range table {
			r, ok := fingerprintRune(lo + rune(k))
			if ok != (got != 0) || ok && (got != r || r <= 0) {
				t.Errorf("fold table at U+%04X = %q, want %q (%v)", lo+rune(k), got, r, ok)
			}
		}
	}
}

// TestASCIIFold: the byte table is fingerprintRune on ASCII.
func TestASCIIFold(t *testing.T) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		r, ok := fingerprintRune(c)
		if got := asciiFold[c]; ok != (got != 0) || ok && rune(got) != r {
			t.Errorf("asciiFold[%q] = %q, want %q (%v)", c, got, r, ok)
		}
	}
}

// TestFingerprintFixtures: the one-pass Fingerprint agrees with the plain
// one on every shared fixture (feeds and pages, markup and all), whole
// and cut into title-sized and body-sized pieces.
func TestFingerprintFixtures(t *testing.T) {
	for name, text := range fixtureTexts(t) {
		pieces := 0
		for chunk := range fixtureChunks(text) {
			if got, want := Fingerprint(chunk[:len(chunk)/8], chunk), fingerprintRef(chunk[:len(chunk)/8], chunk); got != want {
				t.Fatalf("%s piece %d: got %016x, want %016x", name, pieces, got, want)
			}
			pieces++
		}
		if got, want := Fingerprint("", text), fingerprintRef("", text); got != want {
			t.Errorf("%s: got %016x, want %016x", name, got, want)
		}
	}
}

// FuzzFingerprint: the one-pass Fingerprint agrees with the plain one.
func FuzzFingerprint(f *testing.F) {
	f.Add("", "")
	f.Add("a", "")
	f.Add("", "ab")
	f.Add("标题", "正文。Body TEXT 42 ｆｕｌｌ")
	f.Add(strings.Repeat("x", 300), strings.Repeat("市总工会", 200))
	f.Fuzz(func(t *testing.T, title, body string) {
		if got, want := Fingerprint(title, body), fingerprintRef(title, body); got != want {
			t.Errorf("Fingerprint(%q, %q) = %016x, want %016x", title, body, got, want)
		}
	})
}

// textRef is textOf written plainly: the blocks collected, then joined.
func textRef(root *html.Node) string {
	var blocks []string
	var cur strings.Builder
	flush := func() {
		blocks = append(blocks, cur.String())
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			cur.WriteString(n.Data)
			return
		case n.Type == html.ElementNode && hiddenElems[n.DataAtom]:
			return
		}
		block := n.Type == html.ElementNode && blockElems[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(root)
	flush()
	var out []string
	for _, b := range blocks {
		if b = collapseRef(strings.ToValidUTF8(b, "\uFFFD")); b != "" {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n\n")
}

// FuzzTextOf: textOf joins blocks as the plain version does.
func FuzzTextOf(f *testing.F) {
	for _, s := range []string{"", "<p>a</p><p> b <b>c</b></p>", "x<br>y<br><br>z", "<div><p>\u3000一</p>二<script>x</script></div>",
		"<ul><li>a<li>b</ul> tail", "<p> </p><p>&nbsp;</p>k", "<p>\xe4\xb8<b>\xad</b> x\xff</p><p>\xff\xfe y</p>z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		root := parseFragment(s)
		if root == nil {
			return
		}
		if got, want := textOf(root), textRef(root); got != want {
			t.Errorf("textOf(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestHanFoldsToItself: the fast path of fingerprintRune for CJK Unified
// Ideographs gives what the general path gives.
func TestHanFoldsToItself(t *testing.T) {
	for r := rune(0x4e00); r <= 0x9fff; r++ {
		f := r
		if w := width.LookupRune(r).Folded(); w != 0 {
			f = w
		}
		f = unicode.ToLower(f)
		if f != r || !unicode.IsLetter(f) && !unicode.IsDigit(f) {
			t.Fatalf("U+%04X folds to U+%04X (letter %v)", r, f, unicode.IsLetter(f))
		}
	}
}

// collapseRef is collapseBuild written plainly, with rune slices: each
// rune is dropped, part of a whitespace run, or kept.
func collapseRef(s string) string {
	var out, run []rune
	for _, r := range s {
		space := unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0'
		switch {
		case strings.ContainsRune("\u200b\u200c\u200d\ufeff\u2060", r) || bidiControl(r) || !space && unicode.IsControl(r):
		case space && len(out) > 0:
			run = append(run, r)
		case space:
		default:
			if string(run) == "\u3000" {
				out = append(out, run...)
			} else if len(run) > 0 {
				out = append(out, ' ')
			}
			run = run[:0]
			out = append(out, r)
		}
	}
	return string(out)
}

// FuzzCollapseBuild: the ASCII fast path of collapseBuild changes nothing.
func FuzzCollapseBuild(f *testing.F) {
	for _, s := range []string{"", " a\tb\n\nc ", "x\x00y\x7fz\x1f", "\u3000一\u3000\u3000二\u00a0三", "a\u200bb\u202ec", "é\u0085ü\v\f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		if got, want := collapseBuild(s), collapseRef(s); got != want {
			t.Errorf("collapseBuild(%q) = %q, want %q", s, got, want)
		}
	})
}

// refClass is the class collapseRef gives r.
func refClass(r rune) runeClass {
	space := unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0'
	switch {
	case strings.ContainsRune("\u200b\u200c\u200d\ufeff\u2060", r) || bidiControl(r) || !space && unicode.IsControl(r):
		return droppedRune
	case space:
		return spaceRune
	}
	return keptRune
}

// TestPlainRune: the range test of plainRune and the classes of classOf
// agree with collapseRef's tests on every rune.
func TestPlainRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := refClass(r)
		if plainRune(r) && want != keptRune {
			t.Errorf("plainRune(U+%04X), but collapse does not keep it", r)
		}
		if got := classOf(r); got != want {
			t.Errorf("classOf(U+%04X) = %d, want %d", r, got, want)
		}
	}
}

// TestTextOfReuse: a texter taken from the pool starts clean (under a
// root that is no block, a text node with invalid UTF-8 rewinds to the
// start of this text, not of the last one).
func TestTextOfReuse(t *testing.T) {
	for _, prev := range []string{"<p>long text, long text</p><p>x\xff</p>", "<p>a</p>tail \xff", ""} {
		for _, s := range []string{"a\xffb", "\xe4\xb8<b>\xad</b><p>x</p>", "<p>k</p>"} {
			textOf(parseFragment(prev))
			root := parseFragment(s)
			root.Data, root.DataAtom = "span", atom.Span // no block to start with
			if got, want := textOf(root), textRef(root); got != want {
				t.Errorf("after %q: textOf(%q) = %q, want %q", prev, s, got, want)
			}
		}
	}
}

// TestTextFixtures: textOf and collapse agree with the plain versions
// on every shared fixture, parsed whole, and on each of its pieces.
func TestTextFixtures(t *testing.T) {
	for name, text := range fixtureTexts(t) {
		if root := parseFragment(text); root != nil {
			if got, want := textOf(root), textRef(root); got != want {
				t.Errorf("%s: textOf differs from the plain version:\n got %.200q\nwant %.200q", name, got, want)
			}
		}
		for chunk := range fixtureChunks(text) {
			if got, want := collapse(chunk), collapseRef(strings.ToValidUTF8(chunk, "\uFFFD")); got != want {
				t.Fatalf("%s: collapse(%q) = %q, want %q", name, chunk, got, want)
			}
			if collapsed(chunk) && collapseRef(chunk) != chunk {
				t.Fatalf("%s: collapsed(%q), but collapse changes it", name, chunk)
			}
		}
	}
}

// summaryRef is Summary with the whole text collapsed.
func summaryRef(text string, max int) string {
	if max <= 0 {
		return ""
	}
	return summaryOf(collapse(text), max)
}

// TestSummaryFixtures: Summary, which collapses only the head of the
// text, agrees with the plain version on the shared fixtures' texts.
func TestSummaryFixtures(t *testing.T) {
	for name, text := range fixtureTexts(t) {
		body := text
		if root := parseFragment(text); root != nil {
			body = textOf(root)
		}
		for _, max := range []int{1, 2, 10, 77, SummaryMax} {
			for _, s := range []string{body, text, body[len(body)/3:]} {
				if got, want := Summary(s, max), summaryRef(s, max); got != want {
					t.Fatalf("%s: Summary(_, %d) = %q, want %q", name, max, got, want)
				}
			}
		}
	}
}

// FuzzSummary: Summary agrees with the plain version.
func FuzzSummary(f *testing.F) {
	for _, s := range []string{"", "a b", strings.Repeat("word  ", 80), strings.Repeat("汉字\u3000", 90) + "。",
		strings.Repeat("\u200b", 50) + strings.Repeat("x ", 30), strings.Repeat("\xb8", 40) + "\xe4\xb8\xad" + strings.Repeat("\xe4\xb8", 30)} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max %= 400
		if got, want := Summary(s, max), summaryRef(s, max); got != want {
			t.Errorf("Summary(%q, %d) = %q, want %q", s, max, got, want)
		}
	})
}

// TestPlain3: among all three-byte sequences, plain3 passes exactly
// those that decode to one rune of U+3001–U+CFFF or U+E000–U+FFFF other
// than U+FEFF, and each of those is plain.
func TestPlain3(t *testing.T) {
	for b0 := 0xe0; b0 <= 0xef; b0++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				s := string([]byte{byte(b0), byte(b1), byte(b2)})
				r, size := utf8.DecodeRuneInString(s)
				want := size == 3 && (r > 0x3000 && r < 0xd000 || r >= 0xe000) && r != 0xfeff
				if got := plain3(byte(b0), byte(b1), byte(b2)); got != want || got && !plainRune(r) {
					t.Fatalf("plain3(%q) = %v, want %v (U+%04X)", s, got, want, r)
				}
			}
		}
	}
}

// personNameFull is personName with the byline label replaced by the
// regexp and the address test always run.
func personNameFull(s string) (string, bool) {
	s = bylineRe.ReplaceAllString(collapse(stdhtml.UnescapeString(s)), "")
	if !emailRe.MatchString(s) {
		return s, false
	}
	return personAddress(s)
}

var personCases = []string{"", "By Jo", "by: Jo", "Written by  Jo", "Posted By\tJo", "Author: Jo", "authors : Jo", "作者：张伟", "作者 : 张伟",
	"jo@e.org (Jo)", "Jo <jo@e.org>", "mailto:jo@e.org", "By jo@e.org", "Byron", "by", "By By Jo", "&amp;By Jo", "By Jo &lt;jo@e.org&gt;"}

// TestPersonNameFixtures: personName and categoryKey agree with their
// full versions on the edge cases and on every piece of the fixtures.
func TestPersonNameFixtures(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got, gotBare := personName(s)
		want, wantBare := personNameFull(s)
		if got != want || gotBare != wantBare {
			t.Fatalf("personName(%q) = %q, %v; want %q, %v", s, got, gotBare, want, wantBare)
		}
	}
	for _, s := range personCases {
		check(s)
	}
	for _, text := range fixtureTexts(t) {
		for chunk := range fixtureChunks(text) {
			if len(chunk) < 200 {
				check(chunk)
				if got, want := categoryKey(chunk), slugSepRe.ReplaceAllString(strings.ToLower(chunk), " "); got != want {
					t.Fatalf("categoryKey(%q) = %q, want %q", chunk, got, want)
				}
			}
		}
	}
}

// FuzzPersonName: personName agrees with the full version.
func FuzzPersonName(f *testing.F) {
	for _, s := range personCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gotBare := personName(s)
		want, wantBare := personNameFull(s)
		if got != want || gotBare != wantBare {
			t.Errorf("personName(%q) = %q, %v; want %q, %v", s, got, gotBare, want, wantBare)
		}
	})
}

// TestIsCJKBelow1100: no rune below U+1100 is CJK by the tables, so
// isCJK may answer for them without looking.
func TestIsCJKBelow1100(t *testing.T) {
	for r := rune(0); r < 0x1100; r++ {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			t.Errorf("U+%04X is in a CJK table", r)
		}
	}
}

// TestFingerprintThreeByte: every three-byte sequence led by E3–EA or EF
// (valid or not), alone with two letters so that each gram weighs in
// the vote, hashes as in the plain version, which decodes with range.
func TestFingerprintThreeByte(t *testing.T) {
	for _, b0 := range []int{0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xef} {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				s := string([]byte{byte(b0), byte(b1), byte(b2), 'a', 'b'})
				if got, want := Fingerprint("", s), fingerprintRef("", s); got != want {
					t.Fatalf("Fingerprint(%q) = %016x, want %016x", s, got, want)
				}
			}
		}
	}
}

// FuzzCategoryKey: the regexp-free case of categoryKey gives what the
// regexp gives.
func FuzzCategoryKey(f *testing.F) {
	for _, s := range []string{"", "Muslim women", "muslim-women", "a  b", "a\tb", "a\vb", "x_y", "Ünï Çödé", "a\u00a0b", "a \u3000 b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := categoryKey(s), slugSepRe.ReplaceAllString(strings.ToLower(s), " "); got != want {
			t.Errorf("categoryKey(%q) = %q, want %q", s, got, want)
		}
	})
}
