package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/awskg/awskg/graph"
)

// snapshotVersion changes whenever the snapshot layout changes.
const snapshotVersion = "awskg-snapshot-2"

// snapshot is the cached result of ingesting a set of notes.
type snapshot struct {
	Nodes    []graph.Node
	Facts    []graph.Fact
	Stmts    []graph.Statement
	Files    int
	Warnings []Error
	Names    []string // sources, for rebuilding Docs' lines
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

// SaveSnapshot writes a corpus to dir/<key>.gob atomically and keeps only
// the newest few snapshots.
func SaveSnapshot(dir, key string, c *Corpus) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create cache dir: %w", err)
	}
	snap := snapshot{Nodes: c.Nodes, Facts: c.Facts, Stmts: c.Statements, Files: c.Files}
	for _, w := range c.Warnings {
		snap.Warnings = append(snap.Warnings, *w)
	}
	for name := range c.Docs {
		snap.Names = append(snap.Names, name)
	}
	sort.Strings(snap.Names)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&snap); err != nil {
		return fmt.Errorf("encode snapshot: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".snapshot-*")
	if err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("write snapshot: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, key+".gob")); err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	pruneSnapshots(dir, 4)
	return nil
}

// LoadSnapshot reads the corpus saved under key, with Docs holding the raw
// lines of the sources (for quoting cited lines) but no blocks. It returns
// (nil, nil) when there is no such snapshot.
func LoadSnapshot(dir, key string, sources []Source) (*Corpus, error) {
	f, err := os.Open(filepath.Join(dir, key+".gob"))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open snapshot: %w", err)
	}
	defer f.Close()
	var snap snapshot
	if err := gob.NewDecoder(io.LimitReader(f, 1<<30)).Decode(&snap); err != nil {
		return nil, fmt.Errorf("decode snapshot: %w", err)
	}
	c := &Corpus{Graph: Graph{Nodes: snap.Nodes, Facts: snap.Facts, Statements: snap.Stmts}, Files: snap.Files, Docs: map[string]*Document{}}
	for i := range snap.Warnings {
		w := snap.Warnings[i]
		c.Warnings = append(c.Warnings, &w)
	}
	keep := map[string]bool{}
	for _, n := range snap.Names {
		keep[n] = true
	}
	for _, s := range sources {
		if keep[s.Name] {
			c.Docs[s.Name] = &Document{File: s.Name, Lines: strings.Split(strings.ReplaceAll(string(s.Data), "\r\n", "\n"), "\n")}
		}
	}
	return c, nil
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
		if !strings.HasSuffix(e.Name(), ".gob") {
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
