package labels

import "strings"

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
