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
