package extract

import (
	"regexp"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc/labels"
)

// parenCredit is a body line that is only a parenthesized credit with an
// agency or address after a slash: "(Mike Cason/mcason@al.com)",
// "(Evan Vucci/AP)".
var parenCredit = regexp.MustCompile(`^[(（]([^()（）/]{3,40})/[^()（）]{1,40}[)）]$`)

// personName is a name of two to four capitalised words.
var personName = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){1,3}$`)

// lineCredits reads photographers from body lines that are a credit on
// their own under a picture, "(Mike Cason/mcason@al.com)": a person's
// name before the slash.
func lineCredits(lines []string) []string {
	var out []string
	for _, l := range lines {
		m := parenCredit.FindStringSubmatch(labels.Clean(l))
		if m == nil {
			continue
		}
		if n := strings.TrimSpace(m[1]); personName.MatchString(n) && !labels.OrgLike(n) {
			out = append(out, n)
		}
	}
	return out
}
