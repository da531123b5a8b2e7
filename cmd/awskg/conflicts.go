package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/awskg/awskg/queries"
)

// ConflictsOptions are the inputs of `awskg conflicts`.
type ConflictsOptions struct {
	IO     *IOStreams
	Engine func(context.Context) (*queries.Engine, error)
	Ctx    context.Context
	JSON   bool
}

// NewCmdConflicts builds `awskg conflicts`.
func NewCmdConflicts(f *Factory, runF func(*ConflictsOptions) error) *cobra.Command {
	opts := &ConflictsOptions{IO: f.IO, Engine: f.Engine}
	cmd := &cobra.Command{
		Use:   "conflicts",
		Short: "List facts on which notes disagree, each side with its sources",
		Long: `List the facts notes state differently, each side (claim) with the note
lines that make it. On a terminal they are a table fitted to its width, the
topic on the first line of its sides; piped, one side per line as
topic<TAB>claim<TAB>sources; with --json, JSON Lines: {"topic", "sides":
[{"claim", "sources"}]}.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return runConflicts(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON Lines")
	return cmd
}

func runConflicts(opts *ConflictsOptions) error {
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	eng, err := opts.Engine(ctx)
	if err != nil {
		return err
	}
	cs, err := eng.Conflicts(ctx)
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		fmt.Fprintln(opts.IO.ErrOut, "no conflicting facts")
		return nil
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.IO.Out)
		for _, c := range cs {
			if err := enc.Encode(c); err != nil {
				return err
			}
		}
		return nil
	}
	if !opts.IO.IsStdoutTTY() {
		for _, c := range cs {
			for _, s := range c.Sides {
				fmt.Fprintf(opts.IO.Out, "%s\t%s\t%s\n", c.Topic, s.Claim, strings.Join(s.Sources, ","))
			}
		}
		return nil
	}
	var rows [][]string
	for _, c := range cs {
		for i, s := range c.Sides {
			topic := c.Topic
			if i > 0 {
				topic = "" // one topic, its sides on the lines below it
			}
			rows = append(rows, []string{topic, s.Claim, shortSources(s.Sources)})
		}
	}
	opts.IO.Table([]string{"TOPIC", "CLAIM", "SOURCES"}, rows)
	fmt.Fprintln(opts.IO.Out, opts.IO.Dim(nounCount(len(cs), "conflict")))
	return nil
}
