package feedsvc

import "testing"

func TestScriptLanguage(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"chinese", "不归移民漫画系列：专业工作", "zh"},
		{"traditional chinese", "臺灣新聞報導", "zh"},
		{"japanese with kana", "東京で新しい駅が開業した", "ja"},
		{"korean", "년", "ko"},
		{"korean sentence with hanja", "大韓民國 정부는 오늘 발표했다", "ko"},
		{"thai", "ข่าววันนี้", "th"},
		{"greek", "Ειδήσεις σήμερα", "el"},
		{"english quoting a chinese name", "Interview with 王喆 about the union congress", ""},
		{"english", "Plain English text", ""},
		{"russian is ambiguous", "Первая новость", ""},
		{"no letters", "2023-11-15 12:00 …", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ScriptLanguage(tt.in); got != tt.want {
				t.Errorf("ScriptLanguage(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
