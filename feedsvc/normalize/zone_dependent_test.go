package normalize

import (
	"testing"
	"time"
)

func TestZoneDependent(t *testing.T) {
	ref := time.Date(2023, 11, 15, 12, 0, 0, 0, time.UTC)
	for s, want := range map[string]bool{
		"2023-11-15 07:24":                true,
		"发布时间：2023年11月15日 07:24":          true,
		"Wed, 15 Nov 2023 07:24:00 CST":   true,
		"2023-11-15":                      true,
		"Wed, 15 Nov 2023 07:24:00 +0800": false,
		"2023-11-15T07:24:00Z":            false,
		"Wed, 15 Nov 2023 07:24:00 GMT":   false,
		"Wed, 15 Nov 2023 07:24:00 EST":   false,
		"3小时前":                            false,
		"not a date":                      false,
		"":                                false,
	} {
		if got := ZoneDependent(s, ref); got != want {
			t.Errorf("ZoneDependent(%q) = %v, want %v", s, got, want)
		}
	}
}
