package normalize

import (
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"Wed, 15 Nov 2023 07:24:00 +0800", "2023-11-15T07:24:00.520+08:00", "2023年11月15日（星期三）07:24",
		"11-15 07:24", "3小时前", "昨天 07:24", "3 hours ago", "1700004240", "1700004240000",
		"发布时间：2023-11-15 07:24", "2023-02-30", "Wed, 15 Nov 2023 07:24:00 CST", "not a date", "",
		"99999-99-99 99:99", "9999-12-31T23:59:60+14:00", "0001-01-01", "一百年前", "十二天前",
	} {
		f.Add(s)
	}
	loc := time.FixedZone("+08:00", 8*3600)
	ref := time.Date(2023, 11, 15, 12, 0, 0, 0, loc)
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDate(s, loc, ref)
		if !ok {
			if !got.IsZero() {
				t.Errorf("ParseDate(%q): ok=false but got %v", s, got)
			}
			return
		}
		if y := got.Year(); y < minYear || y > maxYear {
			t.Errorf("ParseDate(%q): year %d outside %d..%d", s, y, minYear, maxYear)
		}
		out := got.Format(time.RFC3339)
		again, ok2 := ParseDate(out, loc, ref)
		if !ok2 || !again.Equal(got) {
			t.Errorf("ParseDate(%q) = %q; re-parse gave %v (ok=%v)", s, out, again, ok2)
		}
		if !utf8.ValidString(out) || got.Nanosecond() != 0 {
			t.Errorf("ParseDate(%q) = %v: want whole seconds", s, got)
		}
	})
}
