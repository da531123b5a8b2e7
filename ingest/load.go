package ingest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/awskg/awskg/data"
	"github.com/awskg/awskg/graph"
)

// MaxNoteBytes is the largest note read; larger files are skipped with a warning.
const MaxNoteBytes = 64 << 20

// Source is one note to ingest.
type Source struct {
	Name string // citation name: "data/notes/000_....txt" or the user's path
	Data []byte
}

// Corpus is the result of ingesting notes: the graph and the parsed notes.
type Corpus struct {
	Graph
	Docs     map[string]*Document // by Source.Name, for quoting cited lines
	Warnings ErrorList            // problems that skipped a file or a line
	Files    int                  // notes ingested
}

// Embedded returns the notes shipped in the binary.
func Embedded() ([]Source, error) {
	fsys, err := data.Notes()
	if err != nil {
		return nil, fmt.Errorf("open embedded notes: %w", err)
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("list embedded notes: %w", err)
	}
	var out []Source
	for _, e := range entries {
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, fmt.Errorf("read embedded note %s: %w", e.Name(), err)
		}
		out = append(out, Source{Name: path.Join(data.NotesDir, e.Name()), Data: b})
	}
	return out, nil
}

// LoadDictionary parses the embedded service dictionary.
func LoadDictionary() (*Dictionary, error) {
	b, err := data.Dictionary()
	if err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	return ParseDictionary(b)
}

// IsNoteFile reports whether a file name is a note awskg reads from folders.
func IsNoteFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".txt", ".text":
		return true
	}
	return false
}

// ReadPaths reads the notes named by paths: files, or folders walked for
// .md and .txt files. A path that does not exist or cannot be read is an
// error (code ENOTFOUND or EINVALID); a bad file inside a folder is a warning.
func ReadPaths(ctx context.Context, paths []string) ([]Source, ErrorList, error) {
	var out []Source
	var warn ErrorList
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, warn, &graph.Error{Code: graph.ENOTFOUND, Message: fmt.Sprintf("notes %q", p), Err: unwrapPathErr(err)}
		}
		if !info.IsDir() {
			b, err := readNote(p, info)
			if err != nil {
				return nil, warn, &graph.Error{Code: graph.EINVALID, Message: fmt.Sprintf("notes %q", p), Err: err}
			}
			out = append(out, Source{Name: p, Data: b})
			continue
		}
		err = filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			if err != nil {
				warn.Add(fp, 0, unwrapPathErr(err).Error())
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !IsNoteFile(fp) {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				warn.Add(fp, 0, unwrapPathErr(err).Error())
				return nil
			}
			if !info.Mode().IsRegular() {
				return nil // symlinks are not followed: no loops
			}
			b, err := readNote(fp, info)
			if err != nil {
				warn.Add(fp, 0, err.Error())
				return nil
			}
			out = append(out, Source{Name: fp, Data: b})
			return nil
		})
		if err != nil {
			return nil, warn, fmt.Errorf("walk %s: %w", p, err)
		}
	}
	return out, warn, nil
}

func readNote(p string, info fs.FileInfo) ([]byte, error) {
	if info.Size() > MaxNoteBytes {
		return nil, fmt.Errorf("note is %d MiB, over the %d MiB limit", info.Size()>>20, MaxNoteBytes>>20)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	return b, nil
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// Build parses and extracts every source. A note that cannot be parsed is
// skipped with a warning; the others still count.
func Build(ctx context.Context, sources []Source, dict *Dictionary) (*Corpus, error) {
	c := &Corpus{Docs: map[string]*Document{}}
	nodes := map[string]graph.Node{}
	for _, d := range dict.Nodes() {
		nodes[d.ID] = d
	}
	for _, s := range sources {
		if err := ctx.Err(); err != nil {
			return nil, &graph.Error{Code: graph.ETIMEOUT, Message: "ingest", Err: err}
		}
		doc, err := Parse(s.Name, s.Data)
		if doc == nil {
			c.Warnings.Add(s.Name, 0, errMessage(err))
			continue
		}
		if list, ok := err.(ErrorList); ok {
			c.Warnings = append(c.Warnings, list...)
		} else if err != nil {
			c.Warnings.Add(s.Name, 0, err.Error())
		}
		c.Docs[s.Name] = doc
		c.Files++
		g := Extract(doc, dict)
		for _, n := range g.Nodes {
			if _, ok := nodes[n.ID]; !ok {
				nodes[n.ID] = n
			}
		}
		c.Facts = append(c.Facts, g.Facts...)
	}
	for _, n := range nodes {
		c.Nodes = append(c.Nodes, n)
	}
	sort.Slice(c.Nodes, func(i, j int) bool { return c.Nodes[i].ID < c.Nodes[j].ID })
	c.Warnings.Sort()
	return c, nil
}

func errMessage(err error) string {
	if err == nil {
		return "could not parse"
	}
	msg := err.Error()
	if i := strings.Index(msg, ": "); i > 0 && strings.HasPrefix(msg, "parse ") {
		msg = msg[i+2:]
	}
	return msg
}
