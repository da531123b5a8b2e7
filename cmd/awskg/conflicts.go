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
		Args:  cobra.NoArgs,
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
	enc := json.NewEncoder(opts.IO.Out)
	for _, c := range cs {
		if opts.JSON {
			if err := enc.Encode(c); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(opts.IO.Out, "%s\n", opts.IO.Bold(c.Topic))
		for _, s := range c.Sides {
			fmt.Fprintf(opts.IO.Out, "  %s\t%s\n", s.Claim, strings.Join(s.Sources, ","))
		}
	}
	return nil
}
