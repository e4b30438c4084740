package labels

import "testing"

func TestWithTraditional(t *testing.T) {
	for _, tt := range []struct{ in, out string }{
		{`^来源\s*[:：]`, `^[来來]源\s*[:：]`},
		{`[:：时]`, `[:：时時]`},
		{`\d{2}时`, `\d{2}[时時]`},
		{`[\]来]`, `[\]来來]`},
	} {
		if got := withTraditional(tt.in); got != tt.out {
			t.Errorf("withTraditional(%q) = %q, want %q", tt.in, got, tt.out)
		}
	}
	hits, ok := Line("發布時間：2024/03/05 14:30　來源：中央社")
	if !ok || len(hits) != 2 || hits[0].Field != Published || hits[1].Field != Source || hits[1].Value != "中央社" {
		t.Errorf("traditional labels: %+v %v", hits, ok)
	}
	if got := creditNames("記者 林大華 攝", true); len(got) != 1 || got[0] != "林大華" {
		t.Errorf("traditional photo credit: %q", got)
	}
}

func TestFindDateWeekdayAndHalfDay(t *testing.T) {
	for in, want := range map[string]string{
		"2024年3月5日 星期二 下午2:30":  "2024-03-05 14:30",
		"2024年3月5日（星期二）上午9时05分": "2024-03-05 09:05",
		"2024年3月5日 14時30分":      "2024-03-05 14:30",
		"2024-03-05 07:24":      "2024-03-05 07:24",
	} {
		if got := FindDate(in).Canonical(); got != want {
			t.Errorf("FindDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBracketedAndPrefixedLabels(t *testing.T) {
	for in, want := range map[string]Hit{
		"（原标题：老厂房变身文化园）":   {PrintTitle, "老厂房变身文化园"},
		"本文来源：澎湃新闻":        {Source, "澎湃新闻"},
		"责任编辑：李四_NE0011":   {Editor, "李四"},
		"(Source: Xinhua)": {Source, "Xinhua"},
	} {
		hits, ok := Line(in)
		if !ok || len(hits) == 0 || hits[0] != want {
			t.Errorf("Line(%q) = %+v %v, want %+v", in, hits, ok, want)
		}
	}
}

// TestTraditionalSectionHeads checks that headings of recommended and
// popular lists match in Traditional script (推薦閱讀, 熱門).
func TestTraditionalSectionHeads(t *testing.T) {
	re := Regexp(`^(推荐阅读|热门推荐)$`)
	for _, s := range []string{"推薦閱讀", "熱門推薦", "推荐阅读"} {
		if !re.MatchString(s) {
			t.Errorf("%q not matched", s)
		}
	}
}
