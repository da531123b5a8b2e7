package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// TestReadPathsFolders: a folder's notes are read, and its files of other
// extensions that hold UTF-8 plain text, program sources excepted unless
// their comments are prose (a commented script); the
// files read as text are counted in one warning and the files that are no
// notes (empty, binary, UTF-16, sources) in another, which says how many
// it skipped; a folder named through a link is walked, its hidden folders
// not; a folder that holds no note it can read is an error (ENOTFOUND),
// not an empty corpus.
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
	write(mixed, ".DS_Store", "")
	write(mixed, "p.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	write(mixed, "blob.bin", "AWS CodeDeploy\x00\x01\x02")
	write(mixed, "settings.ini", "[CodeDeploy]\nhooks = BeforeInstall, AfterInstall\n")
	write(mixed, "ops.feature", "Feature: alarms\n  Scenario: notify\n    Given a CloudWatch alarm\n")
	write(mixed, "lab.log", "$ aws deploy list-applications\n## CodeDeploy apps in this account\n")
	write(mixed, "deploy.py", "import boto3\nsts = boto3.client('sts')  # AWS STS, cross-account\n")
	write(mixed, "cheats.sh", "#!/bin/sh\n"+strings.Repeat("# CodeDeploy rolls back a deployment when an alarm fires.\naws deploy stop-deployment --auto-rollback-enabled\n", 5))
	write(mixed, "utf16.notes", "\xff\xfeA\x00W\x00S\x00")
	write(mixed, "late.bin", strings.Repeat("AWS CodeDeploy notes\n", 40)+"\x00\x01")
	src, warn, err := ReadPaths(t.Context(), []string{mixed})
	if err != nil {
		t.Fatal(err)
	}
	var read []string
	for _, s := range src {
		read = append(read, filepath.Base(s.Name))
	}
	slices.Sort(read)
	if want := []string{"a.md", "cheats.sh", "lab.log", "ops.feature", "page.html", "settings.ini"}; !slices.Equal(read, want) {
		t.Errorf("read %v, want %v: the notes, the plain-text files of other extensions and the commented script", read, want)
	}
	if len(warn) != 3 || !strings.Contains(warn[0].Msg, "read 3 files of no note extension (1 .feature, 1 .ini, 1 .log) as plain text") ||
		!strings.Contains(warn[1].Msg, "read the comments of 1 file of program source (1 .sh) as notes") ||
		!strings.Contains(warn[2].Msg, "skipped 7 files that are no notes (2 .bin, 2 .jpg, 1 .notes, 1 .png, 1 .py)") {
		t.Errorf("warnings %v, want one that counts the plain-text files read, one the commented scripts and one the files that are no notes (empty, binary past 512 bytes, UTF-16, program sources)", warn)
	}
	if n := warn.Skipped(); n != 7 {
		t.Errorf("warnings skip %d files, want 7 (the notice of the files read as text skips none)", n)
	}

	// a folder named through a symbolic link is walked
	link := filepath.Join(t.TempDir(), "notes-link")
	if err := os.Symlink(mixed, link); err != nil {
		t.Fatal(err)
	}
	if src, _, err := ReadPaths(t.Context(), []string{link}); err != nil || len(src) != len(read) {
		t.Errorf("a folder named through a link: %d notes, %v; want %d", len(src), err, len(read))
	}

	// a hidden folder (.git) is a tool's, not notes
	if err := os.MkdirAll(filepath.Join(mixed, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(mixed, ".git"), "notes.md", "# AWS CodeBuild\n")
	if src, _, err := ReadPaths(t.Context(), []string{mixed}); err != nil || len(src) != len(read) {
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

// TestReadPathsFileNoNote: a file named on the command line that holds no
// note (empty, UTF-16, binary) is an error (EINVALID) that says why.
func TestReadPathsFileNoNote(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ text, want string }{
		"empty.md":  {" \n\n", "empty file"},
		"utf16.txt": {"\xff\xfeA\x00W\x00S\x00", "UTF-16 text"},
		"bin.txt":   {"AWS\x00\x01\x02", "binary file"},
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := ReadPaths(t.Context(), []string{p})
		var ge *graph.Error
		if !errors.As(err, &ge) || ge.Code != graph.EINVALID || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err %v, want EINVALID saying %q", name, err, tc.want)
		}
	}
}
