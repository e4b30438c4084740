package web

import (
	"strings"

	"golang.org/x/text/language"
)

// newsLanguage converts a BCP 47 tag to the code Google News sitemaps
// want: the ISO 639 language code alone ("en", "fr", "fil"), except
// Chinese, which is "zh-cn" in Simplified and "zh-tw" in Traditional
// script (inferred from the region when the tag names no script, so
// zh-HK and zh-TW are Traditional). It returns "" for an empty or
// undetermined tag.
func newsLanguage(tag string) string {
	t, err := language.Parse(strings.TrimSpace(tag))
	if err != nil || t.IsRoot() {
		return ""
	}
	base, conf := t.Base()
	if conf == language.No {
		return ""
	}
	if base.String() != "zh" {
		return base.String()
	}
	if script, _ := t.Script(); script.String() == "Hant" {
		return "zh-tw"
	}
	return "zh-cn"
}

// labels are the fixed words of the HTML pages in one language.
type labels struct {
	Feeds, Copy, Copied, Sections, AllSections, Empty string
	Source, By, Photos, OPML, Older, Newest, Sep      string
}

var english = labels{
	Feeds: "Subscribe", Copy: "Copy", Copied: "Copied", Sections: "Sections",
	AllSections: "All sections", Empty: "No articles yet.",
	Source: "Source: ", By: "By ", Photos: "Photos: ", OPML: "All feeds as OPML",
	Older: "Older articles →", Newest: "← Newest articles", Sep: ", ",
}

var chinese = labels{
	Feeds: "订阅", Copy: "复制", Copied: "已复制", Sections: "栏目",
	AllSections: "全部栏目", Empty: "暂无文章。",
	Source: "来源：", By: "作者：", Photos: "摄影：", OPML: "全部订阅源（OPML）",
	Older: "更早的文章 →", Newest: "← 最新文章", Sep: "、",
}

// labelsFor picks the page words for a BCP 47 tag; English by default.
func labelsFor(lang string) labels {
	tag, err := language.Parse(lang)
	if err != nil {
		return english
	}
	if base, _ := tag.Base(); base.String() == "zh" {
		return chinese
	}
	return english
}
