package ingest

import (
	"regexp"
	"testing"
)

// TestLazyRegexpsCompile: every expression the package compiles on first
// use compiles, so none can fail in a user's process.
func TestLazyRegexpsCompile(t *testing.T) {
	if len(lazyREs) < 50 {
		t.Fatalf("%d lazy expressions registered, want the package's every one", len(lazyREs))
	}
	for _, l := range lazyREs {
		if _, err := regexp.Compile(l.expr); err != nil {
			t.Errorf("%q: %v", l.expr, err)
		}
	}
	if l := lazyRE(`a+`); !l.MatchString("caab") || l.FindString("caab") != "aa" {
		t.Errorf("lazyRE(`a+`) does not match as regexp does")
	}
}
