package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestBatchScript runs testdata/batch/run.sh, the shell test of a batch of
// questions (JSON Lines, one failed question, exit status 1), with bash.
func TestBatchScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary: skipped with -short")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run testdata/batch/run.sh")
	}
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goCmd); err != nil {
		if goCmd, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command for the script to build awskg with")
		}
	}
	t.Parallel()
	script, err := filepath.Abs(filepath.Join("..", "..", "testdata", "batch", "run.sh"))
	if err != nil {
		t.Fatal(err)
	}
	// TestMain points XDG_CACHE_HOME to a temporary directory, which would
	// also move Go's build cache there and make the script's build a cold
	// one: give it the build cache of the environment without that variable.
	env := make([]string, 0, len(os.Environ()))
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "XDG_CACHE_HOME=") {
			env = append(env, e)
		}
	}
	goEnv := exec.Command(goCmd, "env", "GOCACHE")
	goEnv.Env = env
	gocache, err := goEnv.Output()
	if err != nil {
		t.Fatalf("go env GOCACHE: %v", err)
	}
	cmd := exec.Command(bash, script)
	cmd.Env = append(env, "GO="+goCmd, "GOCACHE="+strings.TrimSpace(string(gocache)))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, out)
	}
	if strings.TrimSpace(string(out)) != "ok" {
		t.Errorf("%s printed %q, want ok", script, out)
	}
}
