package preinit

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestMain(m *testing.M) {
	Done() // as package main's init does
	os.Exit(m.Run())
}

// gcPercent reads the collector's setting.
func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

func TestBeginEnd(t *testing.T) {
	name := tempVar()
	if name == "" {
		t.Skip("no temporary directory variable on", runtime.GOOS)
	}
	gc := gcPercent()
	dir := filepath.Join(t.TempDir(), "cache", "awskg")
	for _, orig := range []string{"/elsewhere", ""} {
		if orig != "" {
			t.Setenv(name, orig)
		} else {
			t.Setenv(name, "x") // restored after the test
			os.Unsetenv(name)
		}
		s := begin(dir)
		if got := os.TempDir(); got != dir {
			t.Errorf("temporary directory during init = %q, want %q", got, dir)
		}
		if got := gcPercent(); got >= 0 {
			t.Errorf("GC percent during init = %d, want off", got)
		}
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			t.Fatalf("cache directory not made: %v", err)
		} else if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700 {
			t.Errorf("cache directory mode %v, want 0700", fi.Mode().Perm())
		}
		s.end()
		got, set := os.LookupEnv(name)
		if orig == "" && set {
			t.Errorf("%s was unset, is %q after init", name, got)
		}
		if orig != "" && got != orig {
			t.Errorf("%s = %q after init, want %q", name, got, orig)
		}
		if p := gcPercent(); p != gc {
			t.Errorf("GC percent %d after init, want %d", p, gc)
		}
	}
}

// A cache directory that cannot be made leaves the temporary directory as
// it is (go-graphviz's own default then).
func TestBeginUnusableDir(t *testing.T) {
	name := tempVar()
	if name == "" {
		t.Skip("no temporary directory variable on", runtime.GOOS)
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(name, "/elsewhere")
	gc := gcPercent()
	s := begin(filepath.Join(file, "awskg"))
	if got := os.Getenv(name); got != "/elsewhere" {
		t.Errorf("%s = %q, want it untouched", name, got)
	}
	s.end()
	if p := gcPercent(); p != gc {
		t.Errorf("GC percent %d after init, want %d", p, gc)
	}
}

func TestCacheDir(t *testing.T) {
	t.Setenv("AWSKG_CACHE_DIR", "/some/where")
	if got := CacheDir(); got != "/some/where" {
		t.Errorf("CacheDir() = %q with AWSKG_CACHE_DIR set", got)
	}
	t.Setenv("AWSKG_CACHE_DIR", "")
	base, err := os.UserCacheDir()
	if err != nil {
		t.Skip("no user cache directory:", err)
	}
	if got := CacheDir(); got != filepath.Join(base, "awskg") {
		t.Errorf("CacheDir() = %q, want awskg in %q", got, base)
	}
}
