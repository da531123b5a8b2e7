package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// goodNote is a note whose fact must survive whatever else is in its folder.
const goodNote = "# Team notes\n\n## AWS Frobnicator\n\nAWS Frobnicator can replicate widgets across multiple AWS accounts.\n"

// askWithNotes runs `ask --json QUESTION --notes DIR` and returns exit
// status, answer names and stderr.
func askWithNotes(t *testing.T, dir, question string) (int, []string, string) {
	t.Helper()
	io, _, out, errOut := Test()
	code := run([]string{"ask", "--json", "--notes", dir, question}, io)
	var res struct {
		Answers []struct{ Name string } `json:"answers"`
	}
	if code == exitOK {
		if err := json.Unmarshal(out.Bytes(), &res); err != nil {
			t.Fatalf("stdout is not JSON: %v\n%s", err, out)
		}
	}
	var names []string
	for _, a := range res.Answers {
		names = append(names, a.Name)
	}
	return code, names, errOut.String()
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestHostileNotes(t *testing.T) {
	tests := []struct {
		name     string
		make     func(t *testing.T, dir string)
		wantWarn string // "" when no warning is expected
	}{
		{name: "binary file", wantWarn: "binary file, not a note", make: func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "blob.txt"), append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00"), bytes.Repeat([]byte{0, 1, 2, 250}, 4096)...))
		}},
		{name: "invalid UTF-8", wantWarn: "bad.md:4: invalid UTF-8", make: func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "bad.md"), []byte("# Bad\n\nok line\n\xff\xfe broken \xc3\x28 line\n"))
		}},
		{name: "50 MB single line", wantWarn: "huge.txt:1:", make: func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "huge.txt"), bytes.Repeat([]byte("cross-account "), 50<<20/14))
		}},
		{name: "empty file", make: func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "empty.md"), nil)
		}},
		{name: "named pipe", wantWarn: "not a regular file, skipped", make: func(t *testing.T, dir string) {
			if err := mkfifo(filepath.Join(dir, "pipe.txt")); errors.Is(err, errors.ErrUnsupported) {
				t.Skip("no named pipes in the file system on", runtime.GOOS)
			} else if err != nil {
				t.Fatal(err)
			}
		}},
		{name: "symlink loop", wantWarn: "symbolic link, not followed", make: func(t *testing.T, dir string) {
			if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(filepath.Join(dir, "self.md"), filepath.Join(dir, "self.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "a note naming 5,000 services", make: func(t *testing.T, dir string) {
			var b strings.Builder
			b.WriteString("# Many\n\n")
			for i := 0; i < 5000; i++ {
				fmt.Fprintf(&b, "* AWS Widget%04d can notify SNS topics.\n", i)
			}
			writeFile(t, filepath.Join(dir, "many.md"), []byte(b.String()))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "good.md"), []byte(goodNote))
			tt.make(t, dir)
			code, names, stderr := askWithNotes(t, dir, "which services support cross-account")
			if code != exitOK {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if !containsName(names, "AWS Frobnicator") || !containsName(names, "AWS CloudTrail") {
				t.Errorf("the good note or the embedded notes were lost: %v", names)
			}
			if tt.wantWarn == "" {
				if strings.Contains(stderr, "warning") {
					t.Errorf("unexpected warning: %q", stderr)
				}
				return
			}
			if !strings.Contains(stderr, tt.wantWarn) {
				t.Errorf("stderr %q lacks %q", stderr, tt.wantWarn)
			}
			if !strings.Contains(stderr, "awskg: ingested ") {
				t.Errorf("stderr %q does not report counts", stderr)
			}
			for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if len(l) > 400 {
					t.Errorf("warning line is %d bytes long: %.80q", len(l), l)
				}
			}
		})
	}
}

func containsName(names []string, n string) bool {
	for _, x := range names {
		if x == n {
			return true
		}
	}
	return false
}

func TestFolderOfTenThousandNotes(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 10000; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("d%02d", i%100), fmt.Sprintf("n%05d.md", i)),
			[]byte(fmt.Sprintf("# Note %d\n\nAWS Gizmo%05d can replicate data across multiple AWS accounts.\n", i, i)))
	}
	code, names, stderr := askWithNotes(t, dir, "which services support cross-account")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !containsName(names, "AWS Gizmo00000") || !containsName(names, "AWS Gizmo09999") || len(names) < 10000 {
		t.Errorf("%d answers; want the 10,000 new services", len(names))
	}
}

func TestHostileArguments(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unreadable file", []string{"ask", "--notes", "/proc/self/mem", "what is S3"}, exitUsage, "input/output error"},
		{"missing file", []string{"ask", "--notes", "/nonexistent/notes.md", "what is S3"}, exitUsage, "no such file or directory"},
		{"1 MB question", []string{"ask", strings.Repeat("which services support cross-account ", 1<<20/37)}, exitUsage, "over the 4096-byte limit"},
		{"unknown service", []string{"facts", "--service", "Frobozz Magic Cloud"}, exitUsage, "unknown entity"},
		{"bad flag", []string{"ask", "--jsn", "q"}, exitUsage, "unknown flag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, out, errOut := Test()
			code := run(tt.args, io)
			if code != tt.code || !strings.Contains(errOut.String(), tt.msg) {
				t.Errorf("exit %d stderr %q; want exit %d with %q", code, errOut, tt.code, tt.msg)
			}
			if strings.Count(errOut.String(), "\n") != 1 || len(errOut.String()) > 600 {
				t.Errorf("error is not one short line: %q", errOut)
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q on error", out)
			}
		})
	}
}

func TestPanicBecomesOneLine(t *testing.T) {
	boom := func(f *Factory, root *cobra.Command) {
		root.AddCommand(&cobra.Command{Use: "boom", RunE: func(*cobra.Command, []string) error {
			var m map[string]int
			m["x"]++ // a nil-map write: a real runtime panic
			return nil
		}})
	}
	io, _, _, errOut := Test()
	if code := runCommand([]string{"boom"}, io, boom); code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
	if !strings.HasPrefix(lines[0], "awskg: internal error: assignment to entry in nil map") || strings.Contains(errOut.String(), "goroutine") {
		t.Errorf("stderr %q, want a one-line internal error without trace", errOut)
	}
	io, _, _, errOut = Test()
	if code := runCommand([]string{"boom", "--debug"}, io, boom); code != exitError {
		t.Errorf("--debug: exit %d", code)
	}
	if !strings.Contains(errOut.String(), "goroutine") || !strings.Contains(errOut.String(), "hostile_test.go") {
		t.Errorf("--debug did not print the stack trace: %q", errOut)
	}
}
