package feedsvc

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Age is a retention period: how long a section keeps an article, by the
// article's sort time. The zero Age means "not set" (a default applies);
// Forever keeps every article.
type Age time.Duration

// Forever is the Age that keeps everything ("forever").
const Forever Age = -1

// ParseAge reads an Age: "forever", a whole number of days ("90d"), or a
// Go duration ("36h"). The empty string is the zero Age. Other negative or
// zero periods are errors.
func ParseAge(s string) (Age, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "":
		return 0, nil
	case "forever":
		return Forever, nil
	}
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 || n > 100*366 {
			return 0, fmt.Errorf("%q: want a whole number of days like 90d", s)
		}
		return Age(time.Duration(n) * 24 * time.Hour), nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q: want forever, days like 90d or a duration like 36h", s)
	}
	return Age(d), nil
}

// String formats a as ParseAge reads it: whole days as "90d".
func (a Age) String() string {
	d := time.Duration(a)
	switch {
	case a == 0:
		return ""
	case a == Forever:
		return "forever"
	case d%(24*time.Hour) == 0:
		return strconv.FormatInt(int64(d/(24*time.Hour)), 10) + "d"
	}
	return d.String()
}

// MarshalText encodes a as its String (YAML and JSON use it).
func (a Age) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText decodes what ParseAge reads.
func (a *Age) UnmarshalText(b []byte) error {
	v, err := ParseAge(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}
