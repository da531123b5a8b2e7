package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// TestReadPathsFolders: a folder's notes are read and its other files
// counted in one warning, its hidden folders not walked; a folder that
// holds no note it can read is an error (ENOTFOUND), not an empty corpus.
func TestReadPathsFolders(t *testing.T) {
	write := func(dir, name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mixed := t.TempDir()
	write(mixed, "a.md", "# AWS CodeDeploy\n")
	write(mixed, "page.html", "<h1>AWS CodeBuild</h1>\n")
	write(mixed, "x.jpg", "")
	write(mixed, "y.jpg", "")
	write(mixed, "p.png", "")
	write(mixed, ".DS_Store", "")
	src, warn, err := ReadPaths(t.Context(), []string{mixed})
	if err != nil {
		t.Fatal(err)
	}
	if len(src) != 2 {
		t.Errorf("read %d notes, want the .md and the .html", len(src))
	}
	if len(warn) != 1 || !strings.Contains(warn[0].Msg, "skipped 3 files that are no notes (2 .jpg, 1 .png)") {
		t.Errorf("warnings %v, want one that counts the three files that are no notes", warn)
	}

	// a hidden folder (.git) is a tool's, not notes
	if err := os.MkdirAll(filepath.Join(mixed, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(mixed, ".git"), "notes.md", "# AWS CodeBuild\n")
	if src, _, err := ReadPaths(t.Context(), []string{mixed}); err != nil || len(src) != 2 {
		t.Errorf("with a .git folder: %d notes, %v; want its notes.md unread", len(src), err)
	}

	none := t.TempDir()
	write(none, "x.jpg", "")
	links := t.TempDir() // a folder whose only note is a link, not followed
	if err := os.Symlink(filepath.Join(mixed, "a.md"), filepath.Join(links, "a.md")); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{none, t.TempDir(), links} {
		_, _, err := ReadPaths(t.Context(), []string{dir})
		var ge *graph.Error
		if !errors.As(err, &ge) || ge.Code != graph.ENOTFOUND || !strings.Contains(err.Error(), "no note") {
			t.Errorf("folder %s with no note it can read: err %v, want ENOTFOUND 'no note ...'", dir, err)
		}
	}
}
