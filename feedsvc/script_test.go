package feedsvc

import (
	"strings"
	"testing"
)

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
			if got := scriptLanguage(tt.in); got != tt.want {
				t.Errorf("scriptLanguage(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestGuessLanguage(t *testing.T) {
	english := strings.Repeat("The council said that the plan was ready for the vote of the members. ", 3)
	french := strings.Repeat("Le conseil a dit que le plan était prêt pour le vote des membres. ", 3)
	tests := []struct{ name, in, want string }{
		{"chinese by script", "不归移民漫画系列：专业工作", "zh"},
		{"technical chinese with english terms", "Kubernetes 集群 部署 指南", "zh"},
		{"english prose", english, "en"},
		{"french prose is not english", french, ""},
		{"a short english line is too little", "The plan was ready", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GuessLanguage(tt.in); got != tt.want {
				t.Errorf("GuessLanguage(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
