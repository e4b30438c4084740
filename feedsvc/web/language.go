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
