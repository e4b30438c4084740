package normalize

import (
	"math/bits"
	"unicode"

	"golang.org/x/text/width"
)

// Fingerprint is a 64-bit SimHash of title and body: the text is
// width-folded, lower-cased and stripped of whitespace and punctuation,
// then cut into overlapping character 3-grams (which works for Chinese,
// where there are no spaces, as well as for spaced scripts). 0 means no
// text.
func Fingerprint(title, body string) uint64 {
	rs := fingerprintRunes(title + " " + body)
	if len(rs) == 0 {
		return 0
	}
	const n = 3
	// ones[i] counts the grams whose hash has bit i set; bit i of the
	// fingerprint is set when more than half do (SimHash's +1/-1 vote).
	var ones [64]int
	var v votes
	grams := 1
	if len(rs) < n {
		v.add(mix(hashRunes(rs)), &ones)
	} else {
		grams = len(rs) - n + 1
		for i := 0; i+n <= len(rs); i++ {
			v.add(mix(hashRunes(rs[i:i+n])), &ones)
		}
	}
	v.flush(&ones)
	var fp uint64
	for i, c := range ones {
		if 2*c > grams {
			fp |= 1 << i
		}
	}
	return fp
}

// votes counts set bits of many hashes eight bits to a word: lane[j]
// holds, in byte k, how many hashes had bit 8k+j set. A byte overflows
// after 255 hashes, so the lanes are flushed into the totals before that.
type votes struct {
	lane [8]uint64
	n    int
}

const byteOnes = 0x0101010101010101

func (v *votes) add(h uint64, ones *[64]int) {
	for j := range v.lane {
		v.lane[j] += h >> j & byteOnes
	}
	if v.n++; v.n == 255 {
		v.flush(ones)
	}
}

func (v *votes) flush(ones *[64]int) {
	for j, l := range v.lane {
		for k := range 8 {
			ones[8*k+j] += int(l >> (8 * k) & 0xff)
		}
	}
	*v = votes{}
}

// Distance is the Hamming distance between two fingerprints (0–64).
func Distance(a, b uint64) int {
	return bits.OnesCount64(a ^ b)
}

// fingerprintRunes keeps letters and digits only, folded and lower-cased,
// so spacing and punctuation edits do not move the fingerprint.
func fingerprintRunes(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r >= 0x2000 { // width.Fold rune by rune: nothing below U+2000 folds
			if f := width.LookupRune(r).Folded(); f != 0 {
				r = f
			}
		}
		r = unicode.ToLower(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, r)
		}
	}
	return out
}

// hashRunes is 64-bit FNV-1a over the runes' little-endian bytes,
// written out to avoid hash.Hash's allocation per gram.
func hashRunes(g []rune) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, r := range g {
		for _, b := range [4]byte{byte(r), byte(r >> 8), byte(r >> 16), byte(r >> 24)} {
			h ^= uint64(b)
			h *= prime
		}
	}
	return h
}

// mix is the splitmix64 finalizer: FNV's high bits are weak for short
// inputs, and SimHash needs every bit to be a fair coin.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
