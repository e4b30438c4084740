package labels

import (
	"slices"
	"testing"
)

// guardCases are values near the guarded patterns' edges: role words,
// tails, codes, report places, compiled sources, bureau notes, updates,
// split characters of every kind and names with middle dots.
var guardCases = []string{
	"本报记者 张伟", "本報記者 張偉", "新华社记者", "驻京记者 王芳", "Staff Reporter Jane Doe", "SPECIAL CORRESPONDENT",
	"by Jane", " BY Jane", "por Juan", "writersblock", "Jane Doe of Reuters", "Jane Doe (AP)", "张伟（北京）",
	"Jane OF X", "李四_NE0011", "李四＿ab12", "杜智 PX209", "PX209", "ABCDE12", "A1", "桃园机场报导", "台北電", "中央社讯",
	"综合 新华社、人民网", "转载自 X", "21世纪经济报道(广州)", "(广州", "Publié - Mis à jour le 5", "X, updated 3:15 p.m.",
	"X | LAST UPDATED: 5", "X — modifié", "X - ACTUALISÉ", "张伟、李娜，王芳,赵敏；陈晨;刘洋/周杰／吴凡|郑爽及孙丽和钱多与李白與杜甫",
	"、张伟、", "阿依古丽·买买提", "阿依古丽•买买提·艾山", "·张伟", "张伟·", "张·伟·明·亮", "一二三四五六七八九·甲", "张", "张伟明亮好",
	"\u212aicker", "ſtaff writer", "张伟\t李娜\n王芳\f赵敏\r陈晨 刘洋", "",
	"实习生 陈晨", "实习记者 王芳", "驻京记者张伟", "驻北京市朝阳区记者", "驻京", "驻 记者", "本报实习生", "本報記者本报记者", "新华社记者实习生",
	"人民網評論員", "特派记者记者", "见习编辑、實習記者", "撰稿人", "记", "中青报·中青网记者 魏其濛", "\xe8\xae记者", "驻\xff记者",
}

// agreeGuards checks on s and Clean(s) that no guard turns away a text
// its regexp matches, and that the hand-read patterns agree with theirs.
func agreeGuards(t *testing.T, s string) {
	t.Helper()
	agreeGuarded(t, s)
	if c := Clean(s); c != s {
		agreeGuarded(t, c)
	}
}

func agreeGuarded(t *testing.T, x string) {
	t.Helper()
	for _, g := range guards {
		if !g.may(x) && g.Regexp.MatchString(x) {
			t.Errorf("%s: the guard turns away %q, which matches", g.Regexp, x)
		}
	}
	if got, want := hanSplit.Split(x, -1), hanSplit.Regexp.Split(x, -1); !slices.Equal(got, want) {
		t.Errorf("hanSplit.Split(%q) = %q, want %q", x, got, want)
	}
	if got, want := isHanName(x), hanName.MatchString(x); got != want {
		t.Errorf("isHanName(%q) = %v, want %v", x, got, want)
	}
	if got, want := isStaffCode(x), staffCode.MatchString(x); got != want {
		t.Errorf("isStaffCode(%q) = %v, want %v", x, got, want)
	}
	re := roleWords.Regexp
	if got, want := roleWords.FindStringIndex(x), re.FindStringIndex(x); !slices.Equal(got, want) {
		t.Errorf("roleWords.FindStringIndex(%q) = %v, want %v", x, got, want)
	}
	if got, want := roleWords.ReplaceAllString(x, " "), re.ReplaceAllString(x, " "); got != want {
		t.Errorf("roleWords.ReplaceAllString(%q) = %q, want %q", x, got, want)
	}
}

// TestGuardsAgree: on every fixture line Line reads (up to cleanMax
// characters), its segments and the parts a byline splits into, and on
// the cases above, the guards and the hand-read patterns give what the
// regexps give.
func TestGuardsAgree(t *testing.T) {
	seen := map[string]bool{}
	check := func(s string) {
		if !seen[s] {
			seen[s] = true
			agreeGuards(t, s)
		}
	}
	lines := append(fixtureLines(t), guardCases...)
	for _, s := range append(lines, gateCases...) {
		if cleanLonger(s, cleanMax) {
			continue // Line reads no such line, and the regexps are slow on it
		}
		check(s)
		for _, seg := range splitSegments(s) {
			check(seg)
			for _, p := range hanSplit.Split(seg, -1) {
				check(p)
			}
		}
	}
	t.Logf("%d texts", len(seen))
}

// TestGuardsNarrow: every guarded pattern yields a condition (else its
// guard lets every text through and saves nothing).
func TestGuardsNarrow(t *testing.T) {
	if len(guards) == 0 {
		t.Fatal("no guarded regexps")
	}
	for _, g := range guards {
		if g.gate.req.op == reqTrue || len(g.gate.atoms) > gateAtomMax {
			t.Errorf("%s: the guard lets every text through", g.Regexp)
		}
	}
}

// FuzzGuards: on any text the guards and hand-read patterns agree with
// the regexps.
func FuzzGuards(f *testing.F) {
	for _, c := range guardCases {
		f.Add(c)
	}
	f.Fuzz(agreeGuards)
}
