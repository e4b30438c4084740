package fetch

import "unicode/utf8"

// mostlyUTF8 reports whether body reads as UTF-8 with a few invalid bytes:
// its valid multi-byte sequences outnumber its invalid bytes (when UTF-8
// is declared or nothing is), or outnumber them four to one (when another
// charset is declared). Latin-1 or GBK text yields valid UTF-8 sequences
// only by accident, far fewer than its invalid bytes.
func mostlyUTF8(body []byte, utf8OrUndeclared bool) bool {
	valid, invalid := utf8Share(body[:min(len(body), sniffScan)])
	if valid == 0 {
		return false
	}
	if utf8OrUndeclared {
		return valid > invalid
	}
	return valid >= 4*invalid
}

// utf8Share counts the valid multi-byte UTF-8 sequences and the bytes that
// start no valid sequence in b. A sequence cut at the end of b counts as
// neither.
func utf8Share(b []byte) (valid, invalid int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r != utf8.RuneError || size > 1:
			valid++
		case !utf8.FullRune(b[i:]):
			return valid, invalid
		default:
			invalid++
		}
		i += size
	}
	return valid, invalid
}
