package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/awskg/awskg/graph"
)

// snapshotVersion changes whenever the snapshot layout changes.
const snapshotVersion = "awskg-snapshot-4"

// snapshotMagic starts a snapshot file; the metadata (JSON, its length
// first as a uvarint), zero bytes up to a multiple of 8 and an index file
// (see graph.EncodeIndex) follow. The index is read in place: its columns
// are views of the file's bytes, aligned as the file is.
const snapshotMagic = "AWSKGSNAP3\n"

// snapshotExt names snapshot files in the cache directory; the older
// extensions are of earlier layouts, pruned with them.
const snapshotExt = ".snap"

var oldSnapshotExts = []string{".gob"}

// Snapshot is the cached result of ingesting a set of notes: the index of
// their graph (which also holds the nodes and facts as ingested, see
// graph.Index.Graph) and what the ingest reported.
type Snapshot struct {
	Index    *graph.Index
	Files    int
	Warnings ErrorList
	// Names are the sources ingested, for quoting their lines (see Docs).
	Names []string
}

// snapshotMeta is the JSON part of a snapshot file.
type snapshotMeta struct {
	Files    int      `json:"files"`
	Warnings []Error  `json:"warnings,omitempty"`
	Names    []string `json:"names"`
}

// SnapshotKey identifies an ingest: the extractor build (a caller-supplied
// stamp such as the executable's size and time), the dictionary and every
// note's name and bytes. Any change gives a new key.
func SnapshotKey(build string, dict []byte, sources []Source) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00", snapshotVersion, build, len(dict))
	h.Write(dict)
	for _, s := range sources {
		fmt.Fprintf(h, "\x00%s\x00%d\x00", s.Name, len(s.Data))
		h.Write(s.Data)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// SaveSnapshot writes the ingest of c, indexed as ix (graph.NewIndex of
// c's graph), to dir/<key>.snap atomically and keeps only the newest few
// snapshots.
func SaveSnapshot(dir, key string, c *Corpus, ix *graph.Index) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create cache dir: %w", err)
	}
	meta := snapshotMeta{Files: c.Files, Names: []string{}}
	for _, w := range c.Warnings {
		meta.Warnings = append(meta.Warnings, *w)
	}
	for name := range c.Docs {
		meta.Names = append(meta.Names, name)
	}
	sort.Strings(meta.Names)
	js, err := json.Marshal(meta)
	if err != nil {
		return fmt.Errorf("encode snapshot: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".snapshot-*")
	if err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<16)
	head := append([]byte(snapshotMagic), binary.AppendUvarint(nil, uint64(len(js)))...)
	head = append(head, js...)
	head = append(head, make([]byte, (8-len(head)%8)%8)...)
	w.Write(head)
	err = graph.EncodeIndex(w, ix, graph.EncodeOptions{})
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, key+snapshotExt)); err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	pruneSnapshots(dir, 4)
	return nil
}

// LoadSnapshot reads the snapshot saved under key: one read of the file,
// the index decoded without being rebuilt. It returns (nil, nil) when there
// is no such snapshot, and an error when the file does not read as one.
func LoadSnapshot(dir, key string) (*Snapshot, error) {
	f, err := os.Open(filepath.Join(dir, key+snapshotExt))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open snapshot: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read snapshot: %w", err)
	}
	// Mapped, not read: the index is used in place, and a snapshot file is
	// never changed (a new one is renamed over it).
	data, err := graph.MapFile(f, fi.Size())
	if err != nil {
		return nil, fmt.Errorf("read snapshot: %w", err)
	}
	rest, ok := bytes.CutPrefix(data, []byte(snapshotMagic))
	if !ok {
		return nil, fmt.Errorf("read snapshot: not a snapshot of this awskg")
	}
	n, k := binary.Uvarint(rest)
	if k <= 0 || n > uint64(len(rest)-k) {
		return nil, fmt.Errorf("read snapshot: damaged metadata")
	}
	var meta snapshotMeta
	if err := json.Unmarshal(rest[k:k+int(n)], &meta); err != nil {
		return nil, fmt.Errorf("read snapshot: %w", err)
	}
	at := len(snapshotMagic) + k + int(n)
	at += (8 - at%8) % 8
	if at > len(data) {
		return nil, fmt.Errorf("read snapshot: damaged metadata")
	}
	ix, err := graph.DecodeIndex(data[at:])
	if err != nil {
		return nil, fmt.Errorf("read snapshot: %w", err)
	}
	snap := &Snapshot{Index: ix, Files: meta.Files, Names: meta.Names}
	for i := range meta.Warnings {
		w := meta.Warnings[i]
		snap.Warnings = append(snap.Warnings, &w)
	}
	return snap, nil
}

// Docs returns the documents of the snapshot's sources, with the raw lines
// of each (for quoting cited lines) but no blocks.
func (s *Snapshot) Docs(sources []Source) map[string]*Document {
	keep := map[string]bool{}
	for _, n := range s.Names {
		keep[n] = true
	}
	docs := map[string]*Document{}
	for _, src := range sources {
		if keep[src.Name] {
			docs[src.Name] = &Document{File: src.Name, Lines: strings.Split(strings.ReplaceAll(string(src.Data), "\r\n", "\n"), "\n")}
		}
	}
	return docs
}

func pruneSnapshots(dir string, keep int) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type snap struct {
		path string
		mod  int64
	}
	var all []snap
	for _, e := range entries {
		if isOldSnapshot(e.Name()) {
			os.Remove(filepath.Join(dir, e.Name())) // no awskg reads it any more
			continue
		}
		if !strings.HasSuffix(e.Name(), snapshotExt) {
			continue
		}
		if info, err := e.Info(); err == nil {
			all = append(all, snap{filepath.Join(dir, e.Name()), info.ModTime().UnixNano()})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].mod > all[j].mod })
	for _, s := range all[min(keep, len(all)):] {
		os.Remove(s.path)
	}
}

func isOldSnapshot(name string) bool {
	for _, ext := range oldSnapshotExts {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}
