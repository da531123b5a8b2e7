package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/awskg/awskg/graph"
)

// writeFileAtomic writes a file of mode 0644 (render -o, export -o) the way
// writeFileAtomicMode does.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	return writeFileAtomicMode(path, 0o644, write)
}

// writeFileAtomicMode writes a file through a temporary file in the same
// directory, given perm and renamed over path only when write and close
// succeed: a failed write leaves no half file, and whatever was at path
// before stays whole. A path that exists and is not a regular file
// (/dev/null, a named pipe, a terminal) is written in place: renaming over
// it would replace the device. It is the one atomic write of cmd/awskg
// (render, export, the REPL's history).
//
// (google/renameio does the same on Unix but does not build for Windows,
// and has no in-place write for devices.)
func writeFileAtomicMode(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	if info, serr := os.Stat(path); serr == nil && !info.Mode().IsRegular() {
		if info.IsDir() {
			return graph.Errorf(graph.EINVALID, "write %q: is a directory", path)
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return &graph.Error{Code: graph.EINVALID, Message: fmt.Sprintf("open %q", path), Err: unwrapPath(err)}
		}
		if err := write(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("write %q: %w", path, err)
		}
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return &graph.Error{Code: graph.EINVALID, Message: fmt.Sprintf("create %q", path), Err: unwrapPath(err)}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &graph.Error{Code: graph.EINVALID, Message: fmt.Sprintf("write %q", path), Err: unwrapPath(err)}
	}
	return nil
}
