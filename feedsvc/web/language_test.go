package web

import (
	"regexp"
	"testing"
)

func TestNewsLanguage(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"simplified default", "zh", "zh-cn"},
		{"mainland", "zh-CN", "zh-cn"},
		{"explicit Hans", "zh-Hans-SG", "zh-cn"},
		{"taiwan", "zh-TW", "zh-tw"},
		{"hong kong", "zh-HK", "zh-tw"},
		{"explicit Hant", "zh-Hant", "zh-tw"},
		{"english region dropped", "en-US", "en"},
		{"lower case", "FR", "fr"},
		{"three letters", "fil", "fil"},
		{"empty", "", ""},
		{"undetermined", "und", ""},
		{"garbage", "not a tag!", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newsLanguage(tt.in); got != tt.want {
				t.Errorf("newsLanguage(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

var newsLangRE = regexp.MustCompile(`^(|[a-z]{2,3}|zh-cn|zh-tw)$`)

// FuzzNewsLanguage checks the output is always a code Google accepts (or
// empty), whatever the input.
func FuzzNewsLanguage(f *testing.F) {
	for _, s := range []string{"zh-CN", "zh-Hant-TW", "en", "und", "x-private", "sgn-BE-FR", "i-klingon", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if got := newsLanguage(in); !newsLangRE.MatchString(got) {
			t.Errorf("newsLanguage(%q) = %q, not an ISO 639 code or zh-cn/zh-tw", in, got)
		}
	})
}
