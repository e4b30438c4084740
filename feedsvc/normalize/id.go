package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// ID returns the stable article ID, 32 lower-case hex characters (128 bits
// of SHA-256). The key is, in order of preference:
//   - the GUID: its canonical URL when it is an http(s) URL (so a permalink
//     GUID and the same link agree across sources), otherwise the GUID
//     scoped by sourceID;
//   - the canonical article URL;
//   - sourceID, title and the raw published string.
//
// The same input gives the same ID across polls; a changed title alone
// does not change it while a GUID or URL exists.
func ID(sourceID string, a *feedsvc.Article) string {
	return hashKey(idKey(sourceID, a))
}

func idKey(sourceID string, a *feedsvc.Article) string {
	if g := strings.TrimSpace(a.GUID); g != "" {
		if c := CanonicalURL(g); c != "" {
			return "url\x00" + c
		}
		return "guid\x00" + sourceID + "\x00" + g
	}
	if c := CanonicalURL(a.URL); c != "" {
		return "url\x00" + c
	}
	return "hash\x00" + sourceID + "\x00" + collapse(a.Title) + "\x00" + strings.TrimSpace(a.PublishedRaw)
}

func hashKey(k string) string {
	sum := sha256.Sum256([]byte(k))
	return hex.EncodeToString(sum[:16])
}
