package editor

import (
	"bytes"
	"io/fs"
	"time"
)

// folder is dropped CSV files by their base name: the fs.FS that
// sheets.Convert reads a folder from.
type folder map[string][]byte

// Open opens the file name, or fails with fs.ErrNotExist.
func (f folder) Open(name string) (fs.File, error) {
	b, ok := f[name]
	if !ok || !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &file{Reader: bytes.NewReader(b), name: name, size: int64(len(b))}, nil
}

// ReadFile returns a copy of the file name's bytes.
func (f folder) ReadFile(name string) ([]byte, error) {
	b, ok := f[name]
	if !ok || !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return bytes.Clone(b), nil
}

// file is an open file of a folder.
type file struct {
	*bytes.Reader
	name string
	size int64
}

func (f *file) Stat() (fs.FileInfo, error) { return info{f.name, f.size}, nil }
func (f *file) Close() error               { return nil }

// info describes a file of a folder.
type info struct {
	name string
	size int64
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) Mode() fs.FileMode  { return 0o444 }
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return false }
func (i info) Sys() any           { return nil }
