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
//   - sourceID, title and the raw published string, plus, for an
//     untitled item, what it carries (its first enclosure or image URL,
//     else its text), so two untitled items of one feed stay apart.
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
	k := "hash\x00" + sourceID + "\x00" + collapse(a.Title) + "\x00" + strings.TrimSpace(a.PublishedRaw)
	if strings.TrimSpace(a.Title) == "" {
		k += "\x00" + untitledKey(a)
	}
	return k
}

// untitledKey is what tells an item with no GUID, link or title apart:
// its first enclosure, else its first image, else its text.
func untitledKey(a *feedsvc.Article) string {
	switch {
	case len(a.Attachments) > 0:
		return "media\x00" + mediaKey(a.Attachments[0].URL)
	case len(a.Images) > 0:
		return "media\x00" + mediaKey(a.Images[0].URL)
	}
	return "text\x00" + collapse(a.BodyText+" "+a.Summary)
}

func hashKey(k string) string {
	sum := sha256.Sum256([]byte(k))
	return hex.EncodeToString(sum[:16])
}
