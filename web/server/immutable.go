package server

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
)

// HashDigits is how many hex digits of a file's SHA-256 its content-hashed
// name carries: 32 bits, plenty to tell one build of a file from the next.
const HashDigits = 8

// immutableCache is the Cache-Control of a content-hashed file: its name
// changes whenever its bytes do, so a browser may keep it for a year and
// never ask again.
const immutableCache = "public, max-age=31536000, immutable"

// HashedName returns name with the first HashDigits lower-case hex digits of
// the SHA-256 of content put before its extension, the name under which the
// build ships an immutable asset: ouroboros.wasm becomes
// ouroboros.3f9c2a1b.wasm. Any directory in name is kept.
func HashedName(name string, content []byte) string {
	sum := sha256.Sum256(content)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:HashDigits] + ext
}

// Immutable reports whether name has the shape HashedName gives: a stem, a
// dot, HashDigits lower-case hex digits, and an extension. Such files are
// served with long caching; everything else, the page above all, with
// no-cache.
func Immutable(name string) bool {
	base := path.Base(name)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	dot := strings.LastIndexByte(stem, '.')
	if len(ext) < 2 || dot < 1 {
		return false
	}
	digits := stem[dot+1:]
	if len(digits) != HashDigits {
		return false
	}
	for _, c := range []byte(digits) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
