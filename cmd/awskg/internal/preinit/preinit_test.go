package preinit

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
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

// A cache directory that cannot be made points the temporary directory at
// a directory of this user's in it (awskg-UID), and when that one is not
// writable (another user's), at a fresh private one: never at the shared
// temporary directory itself, where another user's go-graphviz folder
// makes go-graphviz panic.
func TestBeginUnusableDir(t *testing.T) {
	name := tempVar()
	if name == "" {
		t.Skip("no temporary directory variable on", runtime.GOOS)
	}
	base := t.TempDir()
	file := filepath.Join(base, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(name, base)
	gc := gcPercent()
	s := begin(filepath.Join(file, "awskg"))
	own := filepath.Join(base, "awskg-"+strconv.Itoa(os.Getuid()))
	if got := os.Getenv(name); got != own {
		t.Errorf("%s = %q, want the user's own %q", name, got, own)
	}
	s.end()
	if got := os.Getenv(name); got != base {
		t.Errorf("%s = %q after end, want %q back", name, got, base)
	}
	if p := gcPercent(); p != gc {
		t.Errorf("GC percent %d after init, want %d", p, gc)
	}
	if runtime.GOOS == "windows" || os.Getuid() == 0 {
		return // no mode denies root, nor Windows, a write
	}
	// the user's own directory taken (not writable): a fresh private one
	if err := os.Chmod(own, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(own, 0o700)
	s = begin(filepath.Join(file, "awskg"))
	got := os.Getenv(name)
	s.end()
	if got == base || got == own || filepath.Dir(got) != base {
		t.Errorf("%s = %q with %q not writable, want a fresh directory in %q", name, got, own, base)
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
