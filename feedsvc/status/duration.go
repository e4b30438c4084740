package status

import (
	"fmt"
	"time"
)

// human writes a duration for people, in its two largest units:
// "45 s", "12 min", "3 h 5 min", "4 d 2 h", "1 y 20 d".
func human(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	const day, year = 24 * time.Hour, 365 * 24 * time.Hour
	two := func(a int64, ua string, b int64, ub string) string {
		if b == 0 {
			return fmt.Sprintf("%d %s", a, ua)
		}
		return fmt.Sprintf("%d %s %d %s", a, ua, b, ub)
	}
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int64(d/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int64(d/time.Minute))
	case d < day:
		return two(int64(d/time.Hour), "h", int64(d%time.Hour/time.Minute), "min")
	case d < year:
		return two(int64(d/day), "d", int64(d%day/time.Hour), "h")
	}
	return two(int64(d/year), "y", int64(d%year/day), "d")
}
