package feedsvc

import (
	"fmt"
	"strconv"
	"strings"
)

// String encodes c for a `before` query parameter: "MILLIS_ID". Feeds and
// pages write and read page cursors with String and ParseCursor only.
func (c Cursor) String() string {
	return strconv.FormatInt(c.Millis, 10) + "_" + c.ID
}

// ParseCursor decodes a `before` query parameter written by String.
func ParseCursor(s string) (Cursor, error) {
	ms, id, ok := strings.Cut(s, "_")
	n, err := strconv.ParseInt(ms, 10, 64)
	if !ok || err != nil || id == "" || len(id) > 128 {
		return Cursor{}, fmt.Errorf("before %q: not a page cursor", s)
	}
	return Cursor{Millis: n, ID: id}, nil
}
