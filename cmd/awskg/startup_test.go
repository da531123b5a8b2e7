package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestGraphvizCache: go-graphviz's compiled WebAssembly module is cached in
// awskg's cache directory, never in the shared temporary directory, where
// an entry this user cannot read (another user's) made go-graphviz panic at
// start-up in every command, --help included.
func TestGraphvizCache(t *testing.T) {
	tmpVar := "TMPDIR"
	switch runtime.GOOS {
	case "windows":
		tmpVar = "TMP"
	case "plan9":
		t.Skip("the temporary directory is always /tmp")
	}
	bin := awskgBinary(t)
	help := func(tmp, cache string) {
		t.Helper()
		cmd := exec.Command(bin, "--help")
		cmd.Env = append(os.Environ(), tmpVar+"="+tmp, "AWSKG_CACHE_DIR="+cache)
		out, err := cmd.CombinedOutput()
		if err != nil || strings.Contains(string(out), "panic") || !strings.Contains(string(out), "Usage:") {
			t.Fatalf("awskg --help: %v\n%s", err, cutEnd(string(out), 2000))
		}
	}
	module := func(dir string) string { // the compiled module's file in dir, or ""
		m, _ := filepath.Glob(filepath.Join(dir, "go-graphviz", "wazero-*", "*"))
		if len(m) == 0 {
			return ""
		}
		return m[0]
	}
	tmp, cache := t.TempDir(), t.TempDir()
	help(tmp, cache)
	entry := module(cache)
	if entry == "" {
		t.Errorf("no compiled module in the cache directory")
	}
	if module(tmp) != "" {
		t.Errorf("go-graphviz wrote its cache in the temporary directory")
		entry = module(tmp)
	}
	if entry == "" {
		t.Fatal("no compiled module anywhere")
	}
	// A shared temporary directory holds the same entry, unreadable to
	// this user (a directory where wazero reads a file fails as another
	// user's file does): awskg never looks there.
	rel, err := filepath.Rel(filepath.Dir(filepath.Dir(filepath.Dir(entry))), entry)
	if err != nil {
		t.Fatal(err)
	}
	shared := t.TempDir()
	if err := os.MkdirAll(filepath.Join(shared, rel), 0o700); err != nil {
		t.Fatal(err)
	}
	help(shared, cache)
}
