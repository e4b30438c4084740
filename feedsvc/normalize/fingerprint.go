package normalize

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Fingerprint is a 64-bit SimHash of title and body: the text is
// width-folded, lower-cased and stripped of whitespace and punctuation,
// then cut into overlapping character 3-grams (which works for Chinese,
// where there are no spaces, as well as for spaced scripts). 0 means no
// text.
func Fingerprint(title, body string) uint64 {
	// One pass over title then body (the space between them would be
	// dropped as punctuation), hashing each gram as its last rune
	// arrives: no rune slice, no joined copy.
	const n = 3
	// ones[i] counts the grams whose hash has bit i set; bit i of the
	// fingerprint is set when more than half do (SimHash's +1/-1 vote).
	var ones [64]int
	var v votes
	var win [n]rune
	kept := 0
	for _, s := range [2]string{title, body} {
		for i := 0; i < len(s); {
			var r rune
			var ok bool
			if c := s[i]; c < utf8.RuneSelf { // most text: one table look-up per byte
				r, ok = rune(asciiFold[c]), asciiFold[c] != 0
				i++
			} else if i+2 < len(s) && s[i]-0xe4 <= 0xe9-0xe4 && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
				// U+4000–U+9FFF (leads E4–E9 have no overlong forms or
				// surrogates), decoded in line: most Chinese text.
				d := rune(s[i]&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
				i += 3
				if r, ok = d, d >= 0x4e00; !ok { // not a CJK ideograph
					r, ok = fingerprintRune(d)
				}
			} else {
				d, size := utf8.DecodeRuneInString(s[i:])
				i += size
				switch {
				case d-0x3000 < 0x100 && d >= 0x3000:
					r = cjkMarksFold[d-0x3000]
				case d-0xff00 < 0x100 && d >= 0xff00:
					r = fullWidthFold[d-0xff00]
				default:
					r = -1
				}
				if ok = r > 0; r < 0 {
					r, ok = fingerprintRune(d)
				}
			}
			if !ok {
				continue
			}
			win[0], win[1], win[2] = win[1], win[2], r
			if kept++; kept >= n {
				v.add(mix(fnvRune(fnvRune(fnvRune(fnvOffset, win[0]), win[1]), win[2])), &ones)
			}
		}
	}
	grams := kept - n + 1
	switch {
	case kept == 0:
		return 0
	case kept < n:
		h := uint64(fnvOffset)
		for _, r := range win[n-kept:] {
			h = fnvRune(h, r)
		}
		v.add(mix(h), &ones)
		grams = 1
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
	// Unrolled: eight independent adds the processor runs side by side.
	l := &v.lane
	l[0] += h & byteOnes
	l[1] += h >> 1 & byteOnes
	l[2] += h >> 2 & byteOnes
	l[3] += h >> 3 & byteOnes
	l[4] += h >> 4 & byteOnes
	l[5] += h >> 5 & byteOnes
	l[6] += h >> 6 & byteOnes
	l[7] += h >> 7 & byteOnes
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
		if r, ok := fingerprintRune(r); ok {
			out = append(out, r)
		}
	}
	return out
}

// fingerprintRune is one rune of fingerprintRunes: r width-folded and
// lower-cased, and whether it is a letter or digit.
func fingerprintRune(r rune) (rune, bool) {
	if r < 0x80 { // ASCII: only A-Z fold, only letters and digits count
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r, true
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A', true
		}
		return r, false
	}
	if 0x4e00 <= r && r <= 0x9fff { // CJK Unified Ideographs: letters, no case, no fold
		return r, true
	}
	if r >= 0x2000 { // width.Fold rune by rune: nothing below U+2000 folds
		if f := width.LookupRune(r).Folded(); f != 0 {
			r = f
		}
	}
	r = unicode.ToLower(r)
	return r, unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiFold is fingerprintRune for ASCII: the lower-case letter or digit
// a byte counts as, 0 when it does not count.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		if r, ok := fingerprintRune(rune(c)); ok {
			t[c] = byte(r)
		}
	}
	return t
}()

// cjkMarksFold and fullWidthFold are fingerprintRune for U+3000–U+30FF
// (CJK punctuation and kana) and U+FF00–U+FFFF (full-width forms),
// looked up: Chinese text puts a mark every dozen characters or so, and
// the width and case tables are slow for them. 0 when the rune does not
// count.
var cjkMarksFold, fullWidthFold = foldTable(0x3000), foldTable(0xff00)

func foldTable(lo rune) (t [0x100]rune) {
	for k := range t {
		if r, ok := fingerprintRune(lo + rune(k)); ok {
			t[k] = r
		}
	}
	return t
}

// A gram's hash is 64-bit FNV-1a over its runes' little-endian bytes
// (hashRunes in the tests is the plain definition).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	fnvPrime2 = fnvPrime * fnvPrime & (1<<64 - 1)
	fnvPrime3 = fnvPrime2 * fnvPrime & (1<<64 - 1)
)

// fnvRune continues FNV-1a h over the four bytes of r. XOR with a zero
// byte changes nothing, so the zero high bytes of a short rune (three for
// ASCII, two for most of the BMP) are one multiplication by a power of
// the prime instead of one each.
func fnvRune(h uint64, r rune) uint64 {
	h = (h ^ uint64(r&0xff)) * fnvPrime
	switch {
	case uint32(r) < 1<<8:
		return h * fnvPrime3
	case uint32(r) < 1<<16:
		return (h ^ uint64(r>>8&0xff)) * fnvPrime3
	}
	h = (h ^ uint64(r>>8&0xff)) * fnvPrime
	h = (h ^ uint64(r>>16&0xff)) * fnvPrime
	return (h ^ uint64(uint32(r)>>24)) * fnvPrime
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
