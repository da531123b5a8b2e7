package main

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cmds, err := parse([]string{"@label=ask", "@env=A=1", "@env=B=x=y", "@prep=rm -f x", "awskg", "ask", "q", ":::", "@vs=ask", "grep", "-ril", "x"})
	if err != nil {
		t.Fatal(err)
	}
	if len(cmds) != 2 {
		t.Fatalf("%d commands, want 2", len(cmds))
	}
	a, g := cmds[0], cmds[1]
	if a.label != "ask" || a.vs != "ask" || !slices.Equal(a.env, []string{"A=1", "B=x=y"}) || a.prep != "rm -f x" || !slices.Equal(a.argv, []string{"awskg", "ask", "q"}) {
		t.Errorf("first command: %+v", a)
	}
	if g.label != "grep" || g.vs != "ask" || g.env != nil || g.prep != "" || !slices.Equal(g.argv, []string{"grep", "-ril", "x"}) {
		t.Errorf("second command: %+v", g)
	}
	for _, bad := range [][]string{nil, {"@label=x"}, {"a", ":::"}, {"@nope=1", "a"}, {"@env=A", "a"}, {"@label", "a"}, {"a", ":::", "a"}, {"@vs=b", "a"}} {
		if _, err := parse(bad); err == nil {
			t.Errorf("parse(%q) accepted", bad)
		}
	}
}

func TestRun(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses sh")
	}
	dir := t.TempDir()
	mark := filepath.Join(dir, "mark")
	// the prep runs first, with the command's environment
	c := &command{label: "test", env: []string{"MARK=" + mark}, prep: `echo prepped > "$MARK"`, argv: []string{"sh", "-c", `test -f "$MARK"`}}
	d, _, err := c.run()
	if err != nil || d <= 0 {
		t.Fatalf("run: %v, %v", d, err)
	}
	if b, err := os.ReadFile(mark); err != nil || string(b) != "prepped\n" {
		t.Errorf("prep output %q, %v", b, err)
	}
	// a failing command is an error that quotes its stderr
	c = &command{label: "fail", argv: []string{"sh", "-c", "echo boom >&2; exit 3"}}
	if _, _, err := c.run(); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("failing command: %v", err)
	}
}

func TestMedian(t *testing.T) {
	if m := medianFloat([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median of 3 1 2 = %v", m)
	}
	if m := medianFloat([]float64{4, 1, 2, 3}); m != 2.5 {
		t.Errorf("median of 4 1 2 3 = %v", m)
	}
}
