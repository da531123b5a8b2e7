package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/cobra"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

const crossAccount = "which services support cross-account"

// ingestStore builds a bolt store of the embedded notes in a new directory.
func ingestStore(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "store")
	if r := runCLI(t, "", "ingest", "--db", dir); r.code != exitOK {
		t.Fatalf("ingest: exit %d, stderr %q", r.code, r.errOut)
	}
	return dir
}

// exitStatus returns the exit status of a finished command's error.
func exitStatus(t *testing.T, err error) int {
	t.Helper()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run: %v", err)
	}
	return 0
}

// TestDamagedStoreExits5 runs the binary on the damaged stores of issue 10:
// main crashed with a fault (one byte deep inside), answered from an older
// meta page (first page zeroed) or failed with an internal error
// (truncated). Each command that reads the damaged file must print one line
// saying the store is damaged and how to rebuild it, and exit 5; ingest
// then rebuilds it.
//
// A store has two files the manifest covers: indexes.bolt, the quads, which
// raw queries read, and index.bin, which questions (ask, facts) read
// instead. Every command checks the size of both, and the SHA-256 of the
// one it reads: a truncated file fails every command; a byte changed in
// place fails the commands that read that file, and the others answer as
// the whole store did (their file is verified whole).
func TestDamagedStoreExits5(t *testing.T) {
	t.Parallel()
	bin := awskgBinary(t)
	good := ingestStore(t)
	query := `g.V("<capability:cross-account>").In("<supports>").All()`
	want := map[string]string{}
	for _, args := range [][]string{{"ask", "--db", good, crossAccount}, {"facts", "--db", good}, {"query", "--db", good, query}} {
		want[args[0]] = mustRun(t, args...)
	}
	damages := []struct {
		name string
		do   func(f *os.File) error
	}{
		// On one store of the embedded notes built by main, 0x7f at this
		// offset crashed main with a fault; Bolt's page layout varies from
		// build to build, so here it may land in another page.
		{"one byte deep inside", func(f *os.File) error { _, err := f.WriteAt([]byte{0x7f}, 40971); return err }},
		{"first page zeroed", func(f *os.File) error { _, err := f.WriteAt(make([]byte, 4096), 0); return err }},
		{"truncated", func(f *os.File) error { return f.Truncate(100000) }},
	}
	for _, file := range []string{"indexes.bolt", "index.bin"} {
		for _, d := range damages {
			t.Run(file+"/"+d.name, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "store")
				copyDir(t, good, dir)
				f, err := os.OpenFile(filepath.Join(dir, file), os.O_RDWR, 0)
				if err != nil {
					t.Fatal(err)
				}
				err = d.do(f)
				f.Close()
				if err != nil {
					t.Fatal(err)
				}
				line := regexp.MustCompile(`^awskg: store "` + regexp.QuoteMeta(dir) + `" is damaged: [^\n]+; rebuild it with awskg ingest --db ` +
					regexp.QuoteMeta(dir) + ` and the notes it was built from\n$`)
				for _, args := range [][]string{
					{"ask", "--db", dir, crossAccount},
					{"facts", "--db", dir},
					{"query", "--db", dir, query},
				} {
					reads := "index.bin"
					if args[0] == "query" {
						reads = "indexes.bolt"
					}
					var out, errOut bytes.Buffer
					cmd := exec.Command(bin, args...)
					cmd.Stdout, cmd.Stderr = &out, &errOut
					code := exitStatus(t, cmd.Run())
					if reads != file && d.name != "truncated" {
						if code != exitOK || out.String() != want[args[0]] {
							t.Errorf("%s, which reads %s only: exit %d, stderr %q; want the whole store's answer", args[0], reads, code, firstLines(errOut.String(), 3))
						}
						continue
					}
					if code != exitDamaged || out.Len() != 0 || !line.MatchString(errOut.String()) {
						t.Errorf("%s: exit %d, stdout %d bytes, stderr %q; want exit %d and one line saying the store is damaged and how to rebuild it",
							args[0], code, out.Len(), firstLines(errOut.String(), 3), exitDamaged)
					}
				}
				if r := runCLI(t, "", "ingest", "--db", dir); r.code != exitOK {
					t.Fatalf("ingest over the damaged store: exit %d, stderr %q", r.code, r.errOut)
				}
				if got := mustRun(t, "ask", "--db", dir, crossAccount); got != want["ask"] {
					t.Errorf("the rebuilt store answers differently:\n%s", firstDiff(got, want["ask"]))
				}
			})
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatalf("copy %s: %v", from, err)
	}
}

// TestFaultWhileReadingExits5: a store cut short after it was opened and
// verified faults when read; the fault becomes the damaged-store line and
// exit 5, not a crash.
func TestFaultWhileReadingExits5(t *testing.T) {
	dir := ingestStore(t)
	cut := func(f *Factory, root *cobra.Command) {
		root.AddCommand(&cobra.Command{Use: "cut", RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := f.Store(cmd.Context())
			if err != nil {
				return err
			}
			if err := os.Truncate(filepath.Join(f.DB, "indexes.bolt"), 8192); err != nil {
				return err
			}
			_, err = s.Facts(cmd.Context())
			return err
		}})
	}
	io, _, out, errOut := Test()
	code := runCommand([]string{"cut", "--db", dir}, io, cut)
	want := regexp.MustCompile(`^awskg: store "` + regexp.QuoteMeta(dir) + `" is damaged: reading its file failed \([^\n]*\); rebuild it with awskg ingest --db ` + regexp.QuoteMeta(dir) + ` and the notes it was built from\n$`)
	if code != exitDamaged || out.Len() != 0 || !want.MatchString(errOut.String()) {
		t.Errorf("exit %d, stderr %q; want exit %d and the damaged-store line", code, errOut, exitDamaged)
	}
}

// TestHalfSwappedStoreAnswers: a store left as DIR.old without DIR (an
// ingest killed between its two renames) answers, and is put back.
func TestHalfSwappedStoreAnswers(t *testing.T) {
	t.Parallel()
	dir := ingestStore(t)
	want := mustRun(t, "ask", "--db", dir, crossAccount)
	if err := os.Rename(dir, dir+".old"); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", "ask", "--db", dir, crossAccount)
	if r.code != exitOK || r.out != want {
		t.Fatalf("ask on a half-swapped store: exit %d, stderr %q; want the store's answer", r.code, r.errOut)
	}
	if _, err := os.Stat(dir + ".old"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s.old is still there (%v): the swap was not finished", dir, err)
	}
	if got := mustRun(t, "ask", "--db", dir, crossAccount); got != want {
		t.Errorf("after recovery: %s", firstDiff(got, want))
	}
}

// TestAskEmptyFolderCreatesNothing: reading a folder with no store is an
// error (exit 2) that leaves the folder empty.
func TestAskEmptyFolderCreatesNothing(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dir := filepath.Join(parent, "empty")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"ask", "--db", dir, crossAccount}, {"facts", "--db", dir}} {
		r := runCLI(t, "", args...)
		if want := "awskg: no store at " + dir + ": build one with awskg ingest --db " + dir + "\n"; r.code != exitUsage || r.errOut != want {
			t.Errorf("%s on an empty folder: exit %d, stderr %q; want %d and %q", args[0], r.code, r.errOut, exitUsage, want)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("the empty folder now holds %v", left)
	}
	if all, _ := os.ReadDir(parent); len(all) != 1 {
		t.Errorf("beside the folder: %v, want nothing new", all)
	}
}

// TestReadersShareAStore: while a REPL process reads a store, other
// processes reading it answer (main: exit 3, "in use").
func TestReadersShareAStore(t *testing.T) {
	t.Parallel()
	bin := awskgBinary(t)
	dir := ingestStore(t)
	want := mustRun(t, "ask", "--db", dir, crossAccount)

	repl := exec.Command(bin, "repl", "--db", dir)
	stdin, err := repl.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := repl.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var replErr bytes.Buffer
	repl.Stderr = &replErr
	if err := repl.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { repl.Process.Kill(); repl.Wait() })
	// Its first answer line means the REPL has the store open.
	if _, err := io.WriteString(stdin, crossAccount+"\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := bufio.NewReader(stdout).ReadString('\n'); err != nil {
		t.Fatalf("the REPL did not answer: %v (stderr %q)", err, replErr.String())
	}

	const readers = 4
	type result struct {
		code        int
		out, errOut string
	}
	results := make([]result, readers)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out, errOut bytes.Buffer
			cmd := exec.Command(bin, "ask", "--db", dir, crossAccount)
			cmd.Stdout, cmd.Stderr = &out, &errOut
			err := cmd.Run()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				code = -1
				errOut.WriteString(err.Error())
			}
			results[i] = result{code, out.String(), errOut.String()}
		}()
	}
	wg.Wait()
	for i, r := range results {
		if r.code != exitOK || r.out != want {
			t.Errorf("reader %d while the REPL reads: exit %d, stderr %q", i+1, r.code, r.errOut)
		}
	}
	if r := runCLI(t, "", "ask", "--db", dir, crossAccount); r.code != exitOK || r.out != want {
		t.Errorf("in-process reader while the REPL reads: exit %d, stderr %q", r.code, r.errOut)
	}
	stdin.Close()
	if err := repl.Wait(); err != nil {
		t.Errorf("REPL: %v (stderr %q)", err, replErr.String())
	}
}

// hookReader runs hook before its first read.
type hookReader struct {
	r    io.Reader
	hook func()
	once sync.Once
}

func (h *hookReader) Read(p []byte) (int, error) {
	h.once.Do(h.hook)
	return h.r.Read(p)
}

// TestIngestLocksBeforeParsing: a second ingest into the store while the
// first one still reads its input fails at once (exit 3); on main it
// finished first and was then silently overwritten.
func TestIngestLocksBeforeParsing(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	note := filepath.Join(tmp, "foo.md")
	writeFile(t, note, []byte("# Study notes\n\n## Amazon Foo\n\n- Amazon Foo: supports cross-account access\n"))
	// An export holding only Amazon Foo's fact.
	foo, xacct := graph.NodeID(graph.KindService, "Amazon Foo"), graph.NodeID(graph.KindCapability, "Cross-account")
	mem, err := graph.NewMemStore()
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if err := mem.Load(context.Background(),
		[]graph.Node{{ID: foo, Name: "Amazon Foo", Kind: graph.KindService}, {ID: xacct, Name: "Cross-account", Kind: graph.KindCapability}},
		[]graph.Fact{{Subject: foo, Predicate: graph.PredSupports, Object: xacct, Source: "foo.md:5"}}); err != nil {
		t.Fatal(err)
	}
	var nquads bytes.Buffer
	if err := graph.Export(context.Background(), mem, "nquads", &nquads); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		setup func(opts *IngestOptions, during func())
	}{
		{"notes", func(opts *IngestOptions, during func()) {
			opts.Paths = []string{note}
			opts.Dictionary = func() (*ingest.Dictionary, error) { during(); return ingest.LoadDictionary() }
		}},
		{"from quads", func(opts *IngestOptions, during func()) {
			opts.FromQuads, opts.Format = "-", "nquads"
			opts.IO.In = &hookReader{r: bytes.NewReader(nquads.Bytes()), hook: during}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "store")
			streams, _, _, errOut := Test()
			opts := &IngestOptions{IO: streams, DB: dir, Ctx: context.Background(), Dictionary: ingest.LoadDictionary}
			var second cliResult
			ran := false
			tc.setup(opts, func() {
				ran = true
				second = runCLI(t, "", "ingest", "--db", dir) // the embedded notes only
			})
			if err := runIngest(opts); err != nil {
				t.Fatalf("first ingest: %v (stderr %q)", err, errOut)
			}
			if !ran {
				t.Fatal("the second ingest did not run")
			}
			if second.code != exitConflict || !strings.Contains(second.errOut, "in use") || strings.Count(second.errOut, "\n") != 1 {
				t.Errorf("second ingest while the first reads its input: exit %d, stderr %q; want exit 3, in use", second.code, second.errOut)
			}
			// Only the first ingest's input names Amazon Foo.
			if foo := fooFacts(t, mustRun(t, "facts", "--db", dir, "--json")); len(foo) == 0 {
				t.Error("the store does not hold the first ingest's graph: no fact about Amazon Foo")
			}
		})
	}
}

// storeQuestions are the dev questions and questions that only the notes'
// statements answer (evidence).
func storeQuestions(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/questions-dev.json")
	if err != nil {
		t.Fatal(err)
	}
	var dev []struct{ Question string }
	if err := json.Unmarshal(b, &dev); err != nil {
		t.Fatal(err)
	}
	qs := []string{"which service detects ssh private keys uploaded to s3", "what does guardduty scan"}
	for _, d := range dev {
		qs = append(qs, d.Question)
	}
	path := filepath.Join(t.TempDir(), "questions.txt")
	writeFile(t, path, []byte(strings.Join(qs, "\n")+"\n"))
	return path
}

// TestAskDBAnswersAsAsk: a bolt store answers every question, evidence
// answers included, and lists every fact exactly as the notes it was built
// from do (it reads its index file, which holds the notes' statements).
func TestAskDBAnswersAsAsk(t *testing.T) {
	t.Parallel()
	notes := t.TempDir()
	writeFile(t, filepath.Join(notes, "n.md"), []byte(goodNote))
	dir := filepath.Join(t.TempDir(), "store")
	if r := runCLI(t, "", "ingest", "--db", dir, notes); r.code != exitOK {
		t.Fatalf("ingest: exit %d, stderr %q", r.code, r.errOut)
	}
	questions := storeQuestions(t)
	want := mustRun(t, "ask", "--json", "--notes", notes, "--file", questions)
	got := mustRun(t, "ask", "--json", "--db", dir, "--file", questions)
	if got != want {
		t.Errorf("ask --db answers differently from ask on the same notes:\n%s", firstDiff(got, want))
	}
	if !strings.Contains(want, `"intent":"evidence"`) {
		t.Errorf("no evidence answer among the questions: the test does not test what it says")
	}
	if got, want := mustRun(t, "facts", "--json", "--db", dir), mustRun(t, "facts", "--json", "--notes", notes); got != want {
		t.Errorf("facts --db lists differently from facts on the same notes:\n%s", firstDiff(got, want))
	}
}

// TestAskDBChangedIndexExits5: an index file changed so that it still
// reads (its own checksum recomputed) is not the one the store was built
// with: questions on it exit 5 and print nothing, though the engine is
// built while the file is hashed.
func TestAskDBChangedIndexExits5(t *testing.T) {
	t.Parallel()
	dir := ingestStore(t)
	path := filepath.Join(dir, "index.bin")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(data, []byte("AWS CloudTrail"))
	if at < 0 {
		t.Fatal("no AWS CloudTrail in the index file")
	}
	copy(data[at:], "AWS CloudTraiL")
	const header = 24 // graph's index file header: magic, version, CRC-32C at 8, length at 16
	binary.LittleEndian.PutUint32(data[8:], crc32.Checksum(data[header:], crc32.MakeTable(crc32.Castagnoli)))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.DecodeIndex(data); err != nil {
		t.Fatalf("the changed index file should read: %v", err)
	}
	line := regexp.MustCompile(`^awskg: store "` + regexp.QuoteMeta(dir) + `" is damaged: index.bin does not match the SHA-256 in manifest.json; rebuild it`)
	for _, args := range [][]string{{"ask", "--db", dir, crossAccount}, {"facts", "--db", dir}, {"render", "--db", dir, crossAccount, "-o", "-", "--format", "dot"}} {
		r := runCLI(t, "", args...)
		if r.code != exitDamaged || r.out != "" || !line.MatchString(r.errOut) {
			t.Errorf("%s: exit %d, stdout %d bytes, stderr %q; want exit %d and the damaged-store line", args[0], r.code, len(r.out), r.errOut, exitDamaged)
		}
	}
}
