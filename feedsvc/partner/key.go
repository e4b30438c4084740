package partner

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
)

// keyPrefix marks partner keys, so a leaked one is recognisable.
const keyPrefix = "fsk_"

// newKey returns a random key (256 bits, URL-safe) and its hash.
func newKey() (key, hash string) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	key = keyPrefix + base64.RawURLEncoding.EncodeToString(b)
	return key, hashKey(key)
}

// hashKey is the stored form of a key: hex SHA-256. Keys are 256 random
// bits, so a fast hash is as strong as a slow one here.
func hashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// sameHash compares two hashes in constant time.
func sameHash(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// newID returns a short random partner id.
func newID() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "p_" + hex.EncodeToString(b)
}
