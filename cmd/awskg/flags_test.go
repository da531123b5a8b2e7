package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/shlex"
	"github.com/spf13/cobra"
)

// execFlags runs a command built with a runF that captures its options, on
// the shell-split command line cli. With wantErr it asserts a usage error
// (exit 2) whose message contains wantErr and returns false; otherwise it
// asserts success and returns true, so the caller checks the options.
func execFlags(t *testing.T, cmd *cobra.Command, cli, wantErr string) bool {
	t.Helper()
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return flagError{err} })
	args, err := shlex.Split(cli)
	if err != nil {
		t.Fatal(err)
	}
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	_, err = cmd.ExecuteC()
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("error = %v, want %q", err, wantErr)
		}
		if exitCode(err) != exitUsage {
			t.Errorf("exit code = %d, want %d", exitCode(err), exitUsage)
		}
		return false
	}
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	return true
}
