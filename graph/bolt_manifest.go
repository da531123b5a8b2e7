package graph

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// manifest is DIR/manifest.json: what the files of a bolt store were when
// it was built, so that an open can tell a damaged store before reading it.
type manifest struct {
	Format  string          `json:"format"`  // manifestFormat
	Version int             `json:"version"` // manifestVersion
	Files   []manifestEntry `json:"files"`
}

type manifestEntry struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"` // hex
}

const (
	manifestFormat  = "awskg bolt store"
	manifestVersion = 1
	// maxManifest bounds what is read of a manifest (a real one is ~200 bytes).
	maxManifest = 1 << 16
)

// fileSHA256 hashes the first size bytes of f, from offset 0.
func fileSHA256(f *os.File, size int64) (string, error) {
	h := sha256.New()
	n, err := io.Copy(h, io.NewSectionReader(f, 0, size))
	if err != nil {
		return "", err
	} else if n != size {
		return "", fmt.Errorf("read %d of %d bytes", n, size)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// writeManifest records the size and SHA-256 of f, the Bolt file of the
// store in root, in root's manifest.json, and those of the index file when
// index is set: written beside, synced, renamed over the old one, directory
// synced.
func writeManifest(root *os.Root, f *os.File, index *manifestEntry) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	sum, err := fileSHA256(f, fi.Size())
	if err != nil {
		return fmt.Errorf("hash %s: %w", boltFile, err)
	}
	m := manifest{Format: manifestFormat, Version: manifestVersion,
		Files: []manifestEntry{{Name: boltFile, Size: fi.Size(), SHA256: sum}}}
	if index != nil {
		m.Files = append(m.Files, *index)
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp := manifestFile + ".tmp"
	w, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	if err == nil {
		err = w.Sync()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", manifestFile, err)
	}
	if err := root.Rename(tmp, manifestFile); err != nil {
		return err
	}
	if d, err := root.Open("."); err == nil {
		d.Sync() // best effort, as syncDir
		d.Close()
	}
	return nil
}

// entryOf returns the manifest entry of the file name in root.
func entryOf(root *os.Root, name string) (*manifestEntry, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	sum, err := fileSHA256(f, fi.Size())
	if err != nil {
		return nil, fmt.Errorf("hash %s: %w", name, err)
	}
	return &manifestEntry{Name: name, Size: fi.Size(), SHA256: sum}, nil
}

// writeManifestDir writes the manifest of the freshly built store in dir,
// listing its index file when it has one.
func writeManifestDir(dir string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	f, err := root.Open(boltFile)
	if err != nil {
		return err
	}
	defer f.Close()
	index, err := entryOf(root, indexFile)
	if errors.Is(err, fs.ErrNotExist) {
		index = nil
	} else if err != nil {
		return err
	}
	return writeManifest(root, f, index)
}

// readManifest reads and checks root's manifest.
func readManifest(root *os.Root) (*manifest, error) {
	mf, err := root.Open(manifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("it has no %s (it was built by an older awskg, or the file was lost)", manifestFile)
	} else if err != nil {
		return nil, fmt.Errorf("read %s: %w", manifestFile, err)
	}
	raw, err := io.ReadAll(io.LimitReader(mf, maxManifest+1))
	mf.Close()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", manifestFile, err)
	}
	var m manifest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if len(raw) > maxManifest {
		return nil, fmt.Errorf("%s is not a manifest: over %d bytes", manifestFile, maxManifest)
	} else if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s is not a valid manifest: %v", manifestFile, err)
	} else if m.Format != manifestFormat {
		return nil, fmt.Errorf("%s is not a valid manifest: format %q, want %q", manifestFile, m.Format, manifestFormat)
	} else if m.Version != manifestVersion {
		return nil, fmt.Errorf("%s has version %d; this awskg reads version %d", manifestFile, m.Version, manifestVersion)
	}
	if m.entry(boltFile) == nil {
		return nil, fmt.Errorf("%s does not list %s", manifestFile, boltFile)
	}
	return &m, nil
}

// entry returns the entry of a file; nil when the manifest does not list it.
func (m *manifest) entry(name string) *manifestEntry {
	for i := range m.Files {
		if m.Files[i].Name == name {
			return &m.Files[i]
		}
	}
	return nil
}

// checkSize checks the size of f, the file of entry want.
func checkSize(f *os.File, want *manifestEntry) error {
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("stat %s: %w", want.Name, err)
	}
	if fi.Size() != want.Size {
		return fmt.Errorf("%s is %d bytes, %s says %d", want.Name, fi.Size(), manifestFile, want.Size)
	}
	return nil
}

// verifyStore checks f, the Bolt file of the store in root, against root's
// manifest: size first, then the SHA-256 of the whole file; and the size of
// the index file the manifest lists (its contents are checked when it is
// read, see OpenIndex). The error says what does not match.
func verifyStore(root *os.Root, f *os.File) error {
	m, err := readManifest(root)
	if err != nil {
		return err
	}
	want := m.entry(boltFile)
	if err := checkSize(f, want); err != nil {
		return err
	}
	if err := checkIndexSize(root, m); err != nil {
		return err
	}
	sum, err := fileSHA256(f, want.Size)
	if err != nil {
		return fmt.Errorf("read %s: %w", boltFile, err)
	}
	if sum != want.SHA256 {
		return fmt.Errorf("%s does not match the SHA-256 in %s", boltFile, manifestFile)
	}
	return nil
}

// checkIndexSize checks the size of the index file when the manifest lists
// one.
func checkIndexSize(root *os.Root, m *manifest) error {
	want := m.entry(indexFile)
	if want == nil {
		return nil
	}
	fi, err := root.Stat(indexFile)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s is missing", indexFile)
	} else if err != nil {
		return fmt.Errorf("stat %s: %w", indexFile, err)
	}
	if fi.Size() != want.Size {
		return fmt.Errorf("%s is %d bytes, %s says %d", indexFile, fi.Size(), manifestFile, want.Size)
	}
	return nil
}
