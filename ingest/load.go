package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

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

// LoadDictionary parses the embedded service dictionary and lexicon.
func LoadDictionary() (*Dictionary, error) {
	b, err := data.Dictionary()
	if err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	d, err := ParseDictionary(b)
	if err != nil {
		return nil, err
	}
	lb, err := data.Lexicon()
	if err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	if d.Lexicon, err = ParseLexicon(lb); err != nil {
		return nil, err
	}
	return d, nil
}

// IsNoteFile reports whether a file name is a note awskg reads from
// folders: Markdown, plain text, and the text formats it reads by their
// marks (Org-mode, AsciiDoc, reStructuredText, YAML, CSV and TSV, LaTeX,
// HTML, MediaWiki, RTF and the exports the README lists).
func IsNoteFile(name string) bool {
	return slices.Contains(noteExts, strings.ToLower(filepath.Ext(name)))
}

// sniffedByContent reports whether a note's format is told by its content
// alone: a text note (*.txt, *.text, no extension) or a file of no note
// extension read as plain text ("page.confluence", "notes.wiki2"), whose
// extension says nothing awskg knows.
func sniffedByContent(name string) bool {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case "", ".txt", ".text":
		return true
	default:
		return !slices.Contains(noteExts, ext)
	}
}

// codeExts are the extensions of program sources: text, but no notes, so a
// notes folder inside a project does not read its code. A ".log" in a notes
// folder is read as plain text when it holds text: a terminal session kept
// as a lab's notes ("lab-2024-06-02.log").
var codeExts = []string{".go", ".py", ".js", ".mjs", ".ts", ".tsx", ".jsx", ".java", ".kt", ".scala", ".c", ".h", ".cc", ".cpp", ".hpp", ".cs", ".rb", ".php", ".pl", ".rs", ".swift", ".sh", ".bash", ".zsh", ".ps1", ".bat", ".cmd", ".tf", ".hcl", ".css", ".scss", ".less", ".sql", ".lock", ".mod", ".sum", ".gradle", ".vue", ".svelte", ".lua", ".r", ".m"}

// noteExts are the extensions of the files IsNoteFile names.
var noteExts = []string{".md", ".markdown", ".mdown", ".mkd", ".txt", ".text",
	".org", ".adoc", ".asciidoc", ".rst", ".yaml", ".yml", ".csv", ".tsv", ".tex", ".html", ".htm", ".xhtml", ".mediawiki", ".wiki", ".wikitext", ".textile", ".mmd", ".mermaid", ".json", ".jsonl", ".ndjson", ".excalidraw", ".canvas", ".drawio", ".dio", ".opml", ".mm", ".bbcode", ".bb", ".srt", ".vtt", ".ics", ".bib", ".ipynb", ".rtf"}

// skippedFiles says which files a folder held that are no notes, by
// extension: "skipped 3 files that are no notes (2 .jpg, 1 .png)".
func skippedFiles(byExt map[string]int) string {
	return "skipped " + countFiles(byExt, "that are no notes")
}

// countFiles counts files by extension: "3 files that are no notes (2
// .jpg, 1 .png)", "1 file of no note extension (1 .ini)"; what follows
// "files" and is made singular ("files that are" → "file that is") for
// one file.
func countFiles(byExt map[string]int, what string) string {
	exts := make([]string, 0, len(byExt))
	n := 0
	for ext, k := range byExt {
		exts = append(exts, ext)
		n += k
	}
	slices.Sort(exts)
	parts := make([]string, len(exts))
	for i, ext := range exts {
		if ext == "" {
			parts[i] = fmt.Sprintf("%d without extension", byExt[ext])
		} else {
			parts[i] = fmt.Sprintf("%d %s", byExt[ext], ext)
		}
	}
	files := "files " + what
	if n == 1 {
		files = "file " + strings.Replace(what, "that are", "that is", 1)
	}
	return fmt.Sprintf("%d %s (%s)", n, files, strings.Join(parts, ", "))
}

// ReadPaths reads the notes named by paths: files, or folders walked for
// the files IsNoteFile names and the other files that hold plain text
// ("scenarios.feature", "settings.ini": sniffPlainText; counted in one
// warning per folder), program sources (codeExts) excepted unless their
// comments are notes (isCommentedScript: read as FormatScript, counted in
// a warning of their own); a folder named through a symbolic link is walked. A path that does not
// exist or cannot be read is an error (code ENOTFOUND or EINVALID), as is
// a named file that holds no note (empty, UTF-16, binary: EINVALID) and a
// folder that holds no note it can read (ENOTFOUND); a bad file inside a folder is a warning, and so are
// the files of a folder that are no notes (one warning per folder, by
// extension; hidden files are not counted, hidden folders such as .git not
// walked).
func ReadPaths(ctx context.Context, paths []string) ([]Source, ErrorList, error) {
	var out []Source
	var warn ErrorList
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, warn, &graph.Error{Code: graph.ENOTFOUND, Message: fmt.Sprintf("notes %q", p), Err: unwrapPathErr(err)}
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				return nil, warn, graph.Errorf(graph.EINVALID, "notes %q: not a regular file", p)
			}
			b, err := readNote(p, info)
			if err != nil {
				return nil, warn, &graph.Error{Code: graph.EINVALID, Message: fmt.Sprintf("notes %q", p), Err: err}
			}
			if msg := noNote(b); msg != "" {
				// a file named on the command line that holds no note is
				// a mistake, not an empty corpus
				return nil, warn, graph.Errorf(graph.EINVALID, "notes %q: %s", p, msg)
			}
			out = append(out, Source{Name: p, Data: b})
			continue
		}
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			root = p + string(filepath.Separator) // the folder a link the user named points at
		}
		before, warned := len(out), len(warn)
		skipped := map[string]int{} // extension → files of it that are no notes
		asText := map[string]int{}  // extension → files of it read as plain text
		scripts := map[string]int{} // extension → commented scripts read (their comments)
		err = filepath.WalkDir(root, func(fp string, d fs.DirEntry, err error) error {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			if err != nil {
				warn.skip(fp, 1, unwrapPathErr(err).Error())
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if fp != root && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir // ".git", ".obsidian": a tool's files, not notes
				}
				return nil
			}
			known := IsNoteFile(fp)
			if !known && (strings.HasPrefix(d.Name(), ".") || d.Type()&fs.ModeSymlink != 0) {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				warn.skip(fp, 1, unwrapPathErr(err).Error())
				return nil
			}
			if !info.Mode().IsRegular() {
				// symlinks are not followed (no loops), devices and pipes not read (no hangs)
				what := "not a regular file"
				if info.Mode()&fs.ModeSymlink != 0 {
					what = "symbolic link, not followed"
				}
				warn.skip(fp, 1, what+", skipped")
				return nil
			}
			ext := strings.ToLower(filepath.Ext(fp))
			if !known {
				// a file of no note extension ("scenarios.feature",
				// "settings.ini") is a note when it holds plain text
				text := false
				if info.Size() <= MaxNoteBytes {
					if text, err = sniffPlainText(fp, info); err != nil {
						warn.skip(fp, 1, err.Error())
						return nil
					}
				}
				if !text {
					skipped[ext]++
					return nil
				}
			}
			b, err := readNote(fp, info)
			if err != nil {
				warn.skip(fp, 1, err.Error())
				return nil
			}
			switch {
			case known:
			case slices.Contains(codeExts, ext) && !isCommentedScript(fp, string(b)):
				// a program's source is no note, unless its comments
				// are ("the commands I keep forgetting", each explained)
				skipped[ext]++
				return nil
			case slices.Contains(codeExts, ext):
				scripts[ext]++
			default:
				asText[ext]++
			}
			out = append(out, Source{Name: fp, Data: b})
			return nil
		})
		if err != nil {
			return nil, warn, fmt.Errorf("walk %s: %w", p, err)
		}
		if len(out) == before {
			// a folder of no readable note is a mistake, not an empty corpus
			msg := "no note in it"
			if n := len(warn) - warned; n > 0 {
				msg = fmt.Sprintf("no note it could read (%d unreadable: %s)", n, warn[warned].Error())
			}
			if len(skipped) > 0 {
				msg += "; " + skippedFiles(skipped)
			}
			return nil, warn[:warned], graph.Errorf(graph.ENOTFOUND, "notes %q: %s (awskg reads %s)", p, msg, strings.Join(noteExts, " ")+" and other plain-text files")
		}
		if len(asText) > 0 {
			warn.Add(p, 0, "read "+countFiles(asText, "of no note extension")+" as plain text")
		}
		if len(scripts) > 0 {
			warn.Add(p, 0, "read the comments of "+countFiles(scripts, "of program source")+" as notes")
		}
		if len(skipped) > 0 {
			n := 0
			for _, k := range skipped {
				n += k
			}
			warn.skip(p, n, skippedFiles(skipped))
		}
	}
	return out, warn, nil
}

// noNote says why a file's content is no note ("empty file", "UTF-16
// text: awskg reads UTF-8", "binary file, not a note"), "" when it may be
// one.
func noNote(b []byte) string {
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return "empty file"
	case len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff):
		return "UTF-16 text: awskg reads UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)"
	case isBinary(b):
		return ErrBinary.Error()
	}
	return ""
}

// sniffPlainText reports whether a file holds UTF-8 plain text: its first
// 8 KiB a note as a named file must be (noNote: not empty, UTF-16 or
// binary) and its first 512 bytes typed "text/plain; charset=utf-8" by the
// WHATWG content sniffing of net/http (no image, archive or document
// signature).
func sniffPlainText(p string, info fs.FileInfo) (bool, error) {
	if info.Size() == 0 {
		return false, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return false, unwrapPathErr(err)
	}
	defer f.Close()
	head := make([]byte, sniffBytes)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, unwrapPathErr(err)
	}
	return noNote(head[:n]) == "" && http.DetectContentType(head[:n]) == "text/plain; charset=utf-8", nil
}

func readNote(p string, info fs.FileInfo) ([]byte, error) {
	if info.Size() > MaxNoteBytes {
		return nil, fmt.Errorf("note is %d MiB, over the %d MiB limit", info.Size()>>20, MaxNoteBytes>>20)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	defer f.Close()
	// Read at most the limit even when the file grew or lies about its size.
	b, err := io.ReadAll(io.LimitReader(f, MaxNoteBytes+1))
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	if len(b) > MaxNoteBytes {
		return nil, fmt.Errorf("note is over the %d MiB limit", MaxNoteBytes>>20)
	}
	return b, nil
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// BuildOptions tune Build.
type BuildOptions struct {
	// Progress, when set, is called after each note with the notes and
	// bytes done so far; calls come from one goroutine at a time.
	Progress func(done, total int, bytes int64)
	// Workers bounds the notes parsed at once (default GOMAXPROCS).
	Workers int
}

// Build parses and extracts every source. A note that cannot be parsed is
// skipped with a warning; the others still count.
func Build(ctx context.Context, sources []Source, dict *Dictionary) (*Corpus, error) {
	return BuildWith(ctx, sources, dict, BuildOptions{})
}

// docResult is what one worker made of one source.
type docResult struct {
	doc  *Document
	g    Graph
	warn ErrorList
}

// BuildWith is Build with options. Notes are parsed and extracted in
// parallel; the result is in source order, whatever the scheduling.
func BuildWith(ctx context.Context, sources []Source, dict *Dictionary, opt BuildOptions) (*Corpus, error) {
	WarmLemmas() // the lemma tables load while the notes are parsed
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make([]docResult, len(sources))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done, bytes := 0, int64(0)
	caches := make([][2]*WordCache, min(workers, len(sources)))
	for w := range caches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// the notes of one worker share word caches: terms and
			// lemmas are the same in every note (one for the extraction,
			// one for the statements' terms, read beside it)
			var words, termWords *WordCache
			if dict.Lexicon != nil {
				words, termWords = NewWordCache(dict.Lexicon), NewWordCache(dict.Lexicon)
				caches[w] = [2]*WordCache{words, termWords}
			}
			for i := range next {
				results[i] = buildOne(sources[i], dict, words, termWords)
				if opt.Progress != nil {
					mu.Lock()
					done++
					bytes += int64(len(sources[i].Data))
					opt.Progress(done, len(sources), bytes)
					mu.Unlock()
				}
			}
		}()
	}
	var cerr error
	for i := range sources {
		if cerr = ctx.Err(); cerr != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if cerr != nil {
		return nil, &graph.Error{Code: graph.ETIMEOUT, Message: "ingest", Err: cerr}
	}

	c := &Corpus{Docs: map[string]*Document{}}
	// the words every worker met: the same, however the notes were shared
	for _, pair := range caches {
		for _, wc := range pair {
			if wc != nil && len(wc.Forms()) > 0 {
				if c.Forms == nil {
					c.Forms = graph.Forms{}
				}
				mergeForms(c.Forms, wc.Forms())
			}
		}
	}
	nFacts, nStmts := 0, 0
	for _, r := range results {
		if r.doc != nil {
			nFacts += len(r.g.Facts)
			nStmts += len(r.g.Statements)
		}
	}
	if nFacts > 0 { // nil, as append leaves it, when there are none
		c.Facts = make([]graph.Fact, 0, nFacts)
	}
	if nStmts > 0 {
		c.Statements = make([]graph.Statement, 0, nStmts)
	}
	dictNodes := dict.Nodes()
	nodes := make(map[string]graph.Node, len(dictNodes))
	for _, d := range dictNodes {
		nodes[d.ID] = d
	}
	for i, r := range results {
		c.Warnings = append(c.Warnings, r.warn...)
		if r.doc == nil {
			continue
		}
		c.Docs[sources[i].Name] = r.doc
		c.Files++
		for _, n := range r.g.Nodes {
			if _, ok := nodes[n.ID]; !ok {
				nodes[n.ID] = n
			}
		}
		c.Facts = append(c.Facts, r.g.Facts...)
		c.Statements = append(c.Statements, r.g.Statements...)
	}
	if len(nodes) > 0 {
		c.Nodes = make([]graph.Node, 0, len(nodes))
	}
	for _, n := range nodes {
		c.Nodes = append(c.Nodes, n)
	}
	sort.Slice(c.Nodes, func(i, j int) bool { return c.Nodes[i].ID < c.Nodes[j].ID })
	c.Warnings.Sort()
	return c, nil
}

// buildOne parses and extracts one note. A panic in either becomes a
// warning naming the note, so one bad note never aborts a corpus.
func buildOne(s Source, dict *Dictionary, words, termWords *WordCache) (r docResult) {
	defer func() {
		if p := recover(); p != nil {
			r = docResult{}
			r.warn.Add(s.Name, 0, fmt.Sprintf("internal error, note skipped: %v", p))
		}
	}()
	doc, err := Parse(s.Name, s.Data)
	if doc == nil {
		r.warn.Add(s.Name, 0, errMessage(err))
		return r
	}
	if list, ok := err.(ErrorList); ok {
		r.warn = append(r.warn, list...)
	} else if err != nil {
		r.warn.Add(s.Name, 0, err.Error())
	}
	r.doc = doc
	var warn ErrorList
	r.g, warn = extractWords(doc, dict, words, termWords)
	r.warn = append(r.warn, warn...)
	return r
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
