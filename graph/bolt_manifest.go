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
// store in root, in root's manifest.json: written beside, synced, renamed
// over the old one, directory synced.
func writeManifest(root *os.Root, f *os.File) error {
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

// writeManifestDir writes the manifest of the freshly built store in dir.
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
	return writeManifest(root, f)
}

// verifyStore checks f, the Bolt file of the store in root, against root's
// manifest: size first, then the SHA-256 of the whole file. The error says
// what does not match.
func verifyStore(root *os.Root, f *os.File) error {
	mf, err := root.Open(manifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("it has no %s (it was built by an older awskg, or the file was lost)", manifestFile)
	} else if err != nil {
		return fmt.Errorf("read %s: %w", manifestFile, err)
	}
	raw, err := io.ReadAll(io.LimitReader(mf, maxManifest+1))
	mf.Close()
	if err != nil {
		return fmt.Errorf("read %s: %w", manifestFile, err)
	}
	var m manifest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if len(raw) > maxManifest {
		return fmt.Errorf("%s is not a manifest: over %d bytes", manifestFile, maxManifest)
	} else if err := dec.Decode(&m); err != nil {
		return fmt.Errorf("%s is not a valid manifest: %v", manifestFile, err)
	} else if m.Format != manifestFormat {
		return fmt.Errorf("%s is not a valid manifest: format %q, want %q", manifestFile, m.Format, manifestFormat)
	} else if m.Version != manifestVersion {
		return fmt.Errorf("%s has version %d; this awskg reads version %d", manifestFile, m.Version, manifestVersion)
	}
	var want *manifestEntry
	for i := range m.Files {
		if m.Files[i].Name == boltFile {
			want = &m.Files[i]
		}
	}
	if want == nil {
		return fmt.Errorf("%s does not list %s", manifestFile, boltFile)
	}
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("stat %s: %w", boltFile, err)
	}
	if fi.Size() != want.Size {
		return fmt.Errorf("%s is %d bytes, %s says %d", boltFile, fi.Size(), manifestFile, want.Size)
	}
	sum, err := fileSHA256(f, fi.Size())
	if err != nil {
		return fmt.Errorf("read %s: %w", boltFile, err)
	}
	if sum != want.SHA256 {
		return fmt.Errorf("%s does not match the SHA-256 in %s", boltFile, manifestFile)
	}
	return nil
}
