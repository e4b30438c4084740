package labels

import "testing"

func TestCreditedPerson(t *testing.T) {
	for n, want := range map[string]bool{
		"Evan Vucci": true, "Naomi Zitt-James": true, "陈思远": true,
		"Radio-Canada": false, "SixThirty": false, "Shutterstock": false, "": false,
	} {
		if got := CreditedPerson(n); got != want {
			t.Errorf("CreditedPerson(%q) = %v, want %v", n, got, want)
		}
	}
}

func TestSpacedCredit(t *testing.T) {
	for text, want := range map[string]string{
		"Jean-Marc Ayrault, le 27 octobre 2012 à Toulouse (Photo Lionel Bonaventure. AFP)": "Lionel Bonaventure",
		"The mayor on Sunday (Photo Associated Press. AP)":                                 "",
		"A photo of the team (photo taken in 2012)":                                        "",
	} {
		got := SpacedCredit(text)
		if want == "" && len(got) != 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("SpacedCredit(%q) = %q, want %q", text, got, want)
		}
	}
}
