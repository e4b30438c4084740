package labels

import (
	"regexp"
	"strings"
)

// CreditedPerson reports whether a name read from a photo credit can be a
// photographer: a name in Latin script has at least two words (a first
// name and a surname, "Evan Vucci"); one word ("Radio-Canada",
// "SixThirty", "Shutterstock") names an outlet, agency or studio. Names
// in Han script are not split by spaces and pass.
func CreditedPerson(n string) bool {
	n = Clean(n)
	if n == "" {
		return false
	}
	if hanShare(n) >= 0.5 {
		return true
	}
	return len(strings.Fields(n)) >= 2
}

// spacedCredit is a credit closing a caption that names the photographer
// after "Photo" without a colon and the agency after a full stop or
// comma: "… à Toulouse (Photo Lionel Bonaventure. AFP)".
var spacedCredit = regexp.MustCompile(`[(（]\s*(?:[Pp]hoto(?:graph)?|[Ff]oto)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s*[.,]\s*[^()（）]{1,30}[)）]\s*$`)

// SpacedCredit reads the photographer of a caption closing with
// "(Photo Firstname Lastname. AGENCY)"; nil when it closes otherwise.
func SpacedCredit(text string) []string {
	if m := spacedCredit.FindStringSubmatch(Clean(text)); m != nil && !OrgLike(m[1]) {
		return []string{m[1]}
	}
	return nil
}
