package pack

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// Brotli at its best quality with the largest window every browser decodes
// (16 MiB). On the 13 MB program it saves about 20 KB over the default
// window and takes about 40 s, hence the cache.
const (
	brotliQuality = 11
	brotliWindow  = 24
)

// Only files of at least cacheMin bytes go through the cache: brotli takes
// milliseconds on the others. The cache keeps what the last run used and,
// most recently used first, other entries up to cacheBytes in all: a few
// dozen builds of the program.
const (
	cacheMin   = 64 << 10
	cacheBytes = 64 << 20
)

// Brotli compresses b as Site does.
func Brotli(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotliQuality, LGWin: brotliWindow})
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Gzip compresses b as Site does: best compression, and no name or time in
// the header, so that a build is reproducible.
func Gzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// content is one distinct file content and the files that hold it (a plain
// file and its hashed copy), compressed once.
type content struct {
	sum   [sha256.Size]byte
	bytes []byte
	paths []string
}

// compressAll writes name.br and name.gz next to every compressible file
// under dir, the largest first, on every CPU.
func compressAll(dir, cache string) error {
	byContent := map[[sha256.Size]byte]*content{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || !Compressible(d.Name()) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		c := byContent[sum]
		if c == nil {
			c = &content{sum: sum, bytes: b}
			byContent[sum] = c
		}
		c.paths = append(c.paths, p)
		return nil
	})
	if err != nil {
		return err
	}
	jobs := make([]*content, 0, len(byContent))
	for _, c := range byContent {
		jobs = append(jobs, c)
	}
	slices.SortFunc(jobs, func(a, b *content) int { return cmp.Compare(len(b.bytes), len(a.bytes)) })

	queue := make(chan *content)
	errs := make(chan error, len(jobs))
	var used sync.Map // cache entries this run read or wrote
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for c := range queue {
				errs <- compressOne(c, cache, &used)
			}
		})
	}
	for _, c := range jobs {
		queue <- c
	}
	close(queue)
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	if err := errors.Join(all...); err != nil {
		return err
	}
	if cache != "" {
		pruneCache(cache, &used)
	}
	return nil
}

func compressOne(c *content, cache string, used *sync.Map) error {
	gz, err := Gzip(c.bytes)
	if err != nil {
		return err
	}
	br, err := cachedBrotli(c, cache, used)
	if err != nil {
		return err
	}
	for _, p := range c.paths {
		if err := os.WriteFile(p+".gz", gz, 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(p+".br", br, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// cachedBrotli is Brotli(c.bytes), read from the cache when an earlier run
// compressed the same bytes, and notes the entry in used. The cache is only a
// speed-up: any trouble with it means compressing again.
func cachedBrotli(c *content, cache string, used *sync.Map) ([]byte, error) {
	if cache == "" || len(c.bytes) < cacheMin {
		return Brotli(c.bytes)
	}
	name := fmt.Sprintf("%s.q%dw%d.br", hex.EncodeToString(c.sum[:]), brotliQuality, brotliWindow)
	used.Store(name, true)
	entry := filepath.Join(cache, name)
	if b, err := os.ReadFile(entry); err == nil && len(b) > 0 {
		now := time.Now()
		_ = os.Chtimes(entry, now, now) // marks it recently used
		return b, nil
	}
	br, err := Brotli(c.bytes)
	if err != nil {
		return nil, err
	}
	// Written under a temporary name and renamed, so that a build running
	// at the same time never reads half an entry.
	if os.MkdirAll(cache, 0o755) == nil {
		if tmp, err := os.CreateTemp(cache, "tmp-*"); err == nil {
			_, werr := tmp.Write(br)
			cerr := tmp.Close()
			if werr != nil || cerr != nil || os.Rename(tmp.Name(), entry) != nil {
				os.Remove(tmp.Name())
			}
		}
	}
	return br, nil
}

// pruneCache keeps the entries this run used and, most recently used first,
// others while the total stays within cacheBytes.
func pruneCache(cache string, used *sync.Map) {
	entries, err := os.ReadDir(cache)
	if err != nil {
		return
	}
	type entry struct {
		name string
		size int64
		used time.Time
	}
	var others []entry
	var total int64
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if _, ok := used.Load(e.Name()); ok {
			total += info.Size()
			continue
		}
		others = append(others, entry{e.Name(), info.Size(), info.ModTime()})
	}
	slices.SortFunc(others, func(a, b entry) int { return b.used.Compare(a.used) })
	for _, e := range others {
		if total += e.size; total > cacheBytes {
			os.Remove(filepath.Join(cache, e.name))
		}
	}
}
