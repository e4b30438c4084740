package labels

import (
	"slices"
	"strings"
	"testing"
)

// fastCases are lines for the shortcut properties: labels, prose, long
// segments, separators of every kind.
var fastCases = []string{
	"", "来源：工人日报", "Source: Xinhua", "additional reporting by Jane Doe", "本报记者 张伟 通讯员 李娜",
	"字号：大 中 小", "Font size", "记者手记", "By John Smith", "2024-03-05 07:24",
	strings.Repeat("市总工会今天启动职工读书季活动，", 12),
	"来源：" + strings.Repeat("很长的来源名称", 30),
	"Editor in charge:" + strings.Repeat(" word", 60),
	"a\tb", "a  b", "a\u3000b", "a\u00a0b", "a|b｜c【d】e[f]g;h；i", "a \n b", "a\fb\f\fc",
	strings.Repeat("Photo: Jane Doe ", 20), "（来源：新华社）",
	" \u3000x\u2003 \u200b", "\u0085a\u200b\u200bb\xe3\x80", "\xe3\x80\x80\x80 a", "Opening (Introduction)",
	"学思践悟（引题） （主题）", "x（ 副标题 ）\t", "(intro) (theme", "（来源：X）[编辑:Y]",
	"详情见专题页面。（来源：工人日报）（责任编辑：王芳）", "(Source: Xinhua) text [Editor: Li Wei] (editor: 这是一个句子而不是名字。)",
	"【来源：X】【来源：】（原标题：冬季读书季启动）", "（编辑：王芳）（编辑：王芳）",
	"2024 年 3 月 5 日 星期二 T 上午 2 时 30 分 00", "x y 2024 年 3 月 5 日 礼拜天 T 凌晨 2 时 30 分 00 z",
	"5 de enero de 2014 à 10h21 CET", "a b 7 mai 2019 à 13h59 (CEST) c", "1:26 p.m. ET on Jun 3, 2014",
	"Posted December 27, 2014 at 12:06 P.M. EDT", "9:39AM BST 05 Oct 2011", "Septembrrrrr 5, 2020 x",
	"2023年11月15日（星期三）下午2:30 来源", "ſep 5, 2020", "5 Koct 2020",
}

// FuzzFastPaths: the shortcuts before the regexps change no result.
func FuzzFastPaths(f *testing.F) {
	for _, c := range fastCases {
		f.Add(c)
	}
	f.Fuzz(agreeFast)
}

// TestFastPathsAgree: on every line of the fixtures and the other tests'
// cases, the shortcuts give what the plain code gives.
func TestFastPathsAgree(t *testing.T) {
	lines := append(shortLines(t), fastCases...)
	for _, s := range append(lines, gateCases...) {
		agreeFast(t, s)
	}
}

// shortLines are the fixture lines up to 2,000 bytes: a whole page's
// text is no line Line reads, and running every regexp over it in the
// tests takes long.
func shortLines(t *testing.T) []string {
	var out []string
	for _, s := range fixtureLines(t) {
		if len(s) <= 2000 {
			out = append(out, s)
		}
	}
	return out
}

// agreeFast checks every shortcut on s against the code it stands for.
func agreeFast(t *testing.T, s string) {
	t.Helper()
	if got, want := splitHard(s), segSep.Split(s, -1); !slices.Equal(got, want) {
		t.Errorf("splitHard(%q) = %q, want %q", s, got, want)
	}
	seg := Clean(s)
	for _, r := range labelTable {
		if got, want := r.find(seg), r.re.FindStringIndex(seg); !slices.Equal(got, want) {
			t.Errorf("%s: find(%q) = %v, want %v", r.re, seg, got, want)
		}
	}
	if FindDate(s) != findDate(s) {
		t.Errorf("FindDate(%q) differs without the year shortcut", s)
	}
	for _, rest := range []int{0, 2, 3} {
		if d, ok := onlyDate(s, rest); ok != (d.Raw != "") || d != func() Date { d, _ := onlyDateSlow(s, rest); return d }() {
			t.Errorf("onlyDate(%q, %d) differs without the word-count shortcut", s, rest)
		}
	}
	n := runeLen(seg)
	for _, limit := range []int{0, 1, max(n-1, 0), n, n + 1, cleanMax} {
		if got := cleanLonger(s, limit); got != (n > limit) {
			t.Errorf("cleanLonger(%q, %d) = %v, Clean has %d runes", s, limit, got, n)
		}
	}
	for _, want := range []string{seg, seg + " ", s, strings.TrimSpace(s), "", seg[:len(seg)/2]} {
		if got := cleanIs(s, want); got != (seg == want) {
			t.Errorf("cleanIs(%q, %q) = %v, Clean is %q", s, want, got, seg)
		}
	}
	if got, want := mayBeInline(s), mayBeInlineRunes(s); got != want {
		t.Errorf("mayBeInline(%q) = %v, want %v", s, got, want)
	}
	agreeInline(t, s)
	for _, x := range []string{s, seg} {
		if !strings.ContainsAny(x, " \t\n\f\r") && innerLabel.MatchString(x) {
			t.Errorf("innerLabel matches %q, which holds no white space", x)
		}
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' })
	words = append(words, words...) // repeats, past the short-list search
	if got, want := Uniq(words), uniqMap(words); !slices.Equal(got, want) {
		t.Errorf("Uniq(%q) = %q, want %q", words, got, want)
	}
	for _, m := range markerTable {
		for _, x := range []string{s, seg} {
			if got, want := m.findMarker(x), m.re.FindStringIndex(x); !slices.Equal(got, want) {
				t.Errorf("%s: findMarker(%q) = %v, want %v", m.re, x, got, want)
			}
		}
	}
}

// agreeInline checks dropInline on s against the regexp replace it
// stands for.
func agreeInline(t *testing.T, s string) {
	t.Helper()
	var got, want []Hit
	gs := dropInline(s, &got)
	ws := inlineMeta.Regexp.ReplaceAllStringFunc(s, func(m string) string {
		if hits, ok := Line(inlineMeta.Regexp.FindStringSubmatch(m)[1]); ok {
			want = append(want, hits...)
			return ""
		}
		return m
	})
	if gs != ws || !slices.Equal(got, want) {
		t.Errorf("dropInline(%q) = %q %v, want %q %v", s, gs, got, ws, want)
	}
}

// uniqMap is Uniq as it was written, with a map for any list.
func uniqMap(vals []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vals {
		v = Clean(v)
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
	}
	return out
}

// mayBeInlineRunes is mayBeInline read rune by rune, as it was written
// before the byte search.
func mayBeInlineRunes(s string) bool {
	bracket, colon := false, false
	for _, r := range s {
		switch r {
		case '（', '(', '【', '[':
			bracket = true
		case ':', '：':
			colon = true
		}
	}
	return bracket && colon
}
