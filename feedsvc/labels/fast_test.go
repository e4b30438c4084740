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
}

// FuzzFastPaths: the shortcuts before the regexps change no result.
func FuzzFastPaths(f *testing.F) {
	for _, c := range fastCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
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
	})
}
