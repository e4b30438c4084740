package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "<p>One  two</p>\n<p>three</p>", "One two\n\nthree"},
		{"entities", "<p>A &amp; B &lt;c&gt; &nbsp;d&#x4e2d;</p>", "A & B <c> d中"},
		{"lone ideographic space kept", "<p>\u3000\u3000中国\u3000工人</p>", "中国\u3000工人"},
		{"ideographic run collapsed", "<p>中国\u3000\u3000工人 \u3000会</p>", "中国 工人 会"},
		{"br separates", "a<br>b<br/><br/>c", "a\n\nb\n\nc"},
		{"inline joins", "<p>x<b>y</b><i> z</i></p>", "xy z"},
		{"script hidden", "<p>k</p><script>var a=1</script><style>p{}</style>", "k"},
		{"nested blocks", "<div><div>a</div><ul><li>b</li><li>c</li></ul></div>", "a\n\nb\n\nc"},
		{"plain text", "  plain\t text \n here ", "plain text here"},
		{"zero width", "a\u200bb", "ab"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	en := "The quick brown fox jumps over the lazy dog while the farmer watches from the porch"
	zh := "全国总工会日前印发通知。要求各级工会组织做好冬季职工服务工作，确保困难职工温暖过冬。各地工会积极行动"
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"short unchanged", "Hello world", 300, "Hello world"},
		{"whitespace collapsed", "a\n\nb  c", 300, "a b c"},
		{"english word boundary", en, 30, "The quick brown fox jumps…"},
		{"english exact fit", en, len([]rune(en)), en},
		{"chinese sentence boundary", zh, 44, "全国总工会日前印发通知。要求各级工会组织做好冬季职工服务工作，确保困难职工温暖过冬。…"},
		{"chinese character cut", "全国总工会日前印发通知要求各级工会组织做好冬季职工服务工作", 10, "全国总工会日前印发…"},
		{"latin word inside chinese", "工会发布了 Workers Daily 报道", 15, "工会发布了 Workers…"},
		{"zero max", en, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summary(tt.in, tt.max)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > tt.max {
				t.Errorf("got %d runes, want at most %d", n, tt.max)
			}
		})
	}
}

func TestSummaryNeverExceedsMax(t *testing.T) {
	long := strings.Repeat("word ", 200) + strings.Repeat("汉字", 200)
	for max := 1; max < 400; max += 7 {
		if n := utf8.RuneCountInString(Summary(long, max)); n > max {
			t.Errorf("Summary(_, %d): got %d runes", max, n)
		}
	}
}
