package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// NewCmdRoot builds the command tree.
func NewCmdRoot(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "awskg",
		Short: "Query a knowledge graph of AWS DevOps notes",
		Long: `awskg ingests AWS DevOps study notes into a graph of services, features,
capabilities, notification and data paths, and answers questions about it.
Every answer cites the note lines it comes from.

Exit status: 0 success, 1 failure (or some questions of a batch failed),
2 usage error, unknown question or entity, 3 store in use, 4 timeout,
5 store damaged (rebuild it with ingest), 130 interrupted (Ctrl-C).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionLine(debug.ReadBuildInfo()),
		// A word that is no command is a usage error (exit 2), with
		// cobra's suggestions; without this cobra's own error exits 1.
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += "; did you mean " + strings.Join(s, ", ") + "?"
			} else if strings.Contains(args[0], " ") {
				msg += `; to ask a question, run awskg ask "QUESTION"`
			}
			return flagError{errors.New(msg + " (awskg --help lists the commands)")}
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.IO.IsStdinTTY() {
				return runRepl(&ReplOptions{IO: f.IO, Engine: f.Engine, Factory: f, Timeout: defaultTimeout})
			}
			return cmd.Help()
		},
	}
	cmd.PersistentFlags().StringArrayVar(&f.Notes, "notes", nil, "add the notes in `PATH` (a file, or a folder of notes: .md, .txt, .org, .adoc, .rst, .yaml, .csv, .tex, ...); repeatable")
	cmd.PersistentFlags().StringVar(&f.DB, "db", "", "read the graph from a store (`DIR` of a bolt store, or postgres://...) instead of ingesting notes")
	cmd.PersistentFlags().Bool("debug", false, "print stack traces of internal errors")
	cmd.SetVersionTemplate("{{.Version}}\n")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return flagError{dashHint(c, err)} })
	cmd.SetOut(f.IO.Out)
	cmd.SetErr(f.IO.ErrOut)
	cmd.SetIn(f.IO.In)
	// help that cannot be written is reported once, by main (the streams
	// keep the failed write), not also by cobra
	help := cmd.HelpFunc()
	cmd.SetHelpFunc(func(c *cobra.Command, args []string) {
		c.SetErr(io.Discard)
		defer c.SetErr(f.IO.ErrOut)
		help(c, args)
	})
	cmd.AddCommand(NewCmdAsk(f, nil))
	cmd.AddCommand(NewCmdFacts(f, nil))
	cmd.AddCommand(NewCmdConflicts(f, nil))
	cmd.AddCommand(NewCmdRender(f, nil))
	cmd.AddCommand(NewCmdRepl(f, nil))
	cmd.AddCommand(NewCmdQuery(f, nil))
	cmd.AddCommand(NewCmdExport(f, nil))
	cmd.AddCommand(NewCmdIngest(f, nil))
	cmd.AddCommand(NewCmdVersion(f, nil))
	registerCompletions(f, cmd)
	return cmd
}

// takesText lists the commands whose argument is free text (a question, a
// query): a text that starts with "-" reads as a flag unless it follows --.
var takesText = map[string]string{"ask": "QUESTION", "render": "QUESTION", "query": "QUERY"}

// dashHint adds to an unknown-flag error of a command that takes text how
// to pass a text that starts with "-".
func dashHint(c *cobra.Command, err error) error {
	what, ok := takesText[c.Name()]
	if !ok || c.Parent() == nil || c.Parent().Parent() != nil || !strings.HasPrefix(err.Error(), "unknown ") {
		return err
	}
	return fmt.Errorf(`%w (a %s that starts with "-" goes after --: awskg %s -- "-...")`, err, what, c.Name())
}
