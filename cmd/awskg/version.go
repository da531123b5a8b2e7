package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// VersionOptions are the inputs of `awskg version`.
type VersionOptions struct {
	IO   *IOStreams
	Info func() (*debug.BuildInfo, bool)
}

// NewCmdVersion builds `awskg version` (also `awskg --version`).
func NewCmdVersion(f *Factory, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{IO: f.IO, Info: debug.ReadBuildInfo}
	return &cobra.Command{
		Use:   "version",
		Short: "Print awskg's version, commit and Go version",
		Long: `Print the module version awskg was built as, the commit it was built
from (with "+dirty" when the work tree had changes) and its date, and the Go
version that built it, as recorded in the binary (go version -m shows the
same). A binary built by "go build" or "go run" in a clone is "(devel)" with
its commit; one from "go install module@version" has that version.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runVersion(opts)
		},
	}
}

func runVersion(opts *VersionOptions) error {
	fmt.Fprintln(opts.IO.Out, versionLine(opts.Info()))
	return nil
}

// versionLine describes a build: "awskg VERSION (commit REV[+dirty],
// DATE) GOVERSION". What the build info lacks is left out.
func versionLine(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "awskg (unknown version: built without module information)"
	}
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var rev, when string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	var about []string
	if rev != "" {
		c := "commit " + cutCommit(rev)
		if dirty {
			c += "+dirty"
		}
		about = append(about, c)
	}
	if when != "" {
		about = append(about, when)
	}
	line := "awskg " + version
	if len(about) > 0 {
		line += " (" + strings.Join(about, ", ") + ")"
	}
	if info.GoVersion != "" {
		line += " " + info.GoVersion
	}
	return line
}

// cutCommit shortens a commit hash to 12 characters, as Go's pseudo-versions do.
func cutCommit(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
