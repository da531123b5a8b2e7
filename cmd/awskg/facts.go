package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/queries"
)

// FactsOptions are the inputs of `awskg facts`.
type FactsOptions struct {
	IO      *IOStreams
	Engine  func(context.Context) (*queries.Engine, error)
	Ctx     context.Context
	Service string
	JSON    bool
}

// factJSON is one fact of `facts --json`.
type factJSON struct {
	Subject   string   `json:"subject"`
	Predicate string   `json:"predicate"`
	Object    string   `json:"object"`
	Details   []string `json:"details,omitempty"`
	Position  int      `json:"position,omitempty"`
	Sources   []string `json:"sources"`
}

// NewCmdFacts builds `awskg facts`.
func NewCmdFacts(f *Factory, runF func(*FactsOptions) error) *cobra.Command {
	opts := &FactsOptions{IO: f.IO, Engine: f.Engine}
	cmd := &cobra.Command{
		Use:   "facts",
		Short: "List every fact of the graph with its sources",
		Long: `List every fact of the graph (or, with --service, those about one node)
with the note lines it comes from. On a terminal the facts are a table fitted
to its width (details and short sources: 002:745 is line 745 of note 002);
piped, one fact per line as subject<TAB>predicate<TAB>object<TAB>sources;
with --json, JSON Lines: {"subject", "predicate", "object", "details",
"position", "sources"}.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return runFacts(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON Lines")
	cmd.Flags().StringVar(&opts.Service, "service", "", "only facts about `NAME` (as subject or object)")
	return cmd
}

func runFacts(opts *FactsOptions) error {
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	eng, err := opts.Engine(ctx)
	if err != nil {
		return err
	}
	facts, err := eng.Index().Facts(ctx)
	if err != nil {
		return err
	}
	only := ""
	if opts.Service != "" {
		n, err := eng.Resolve(opts.Service)
		if err != nil {
			return err
		}
		only = n.ID
	}
	var keep []graph.Fact
	for _, f := range facts {
		if only == "" || f.Subject == only || f.Object == only {
			keep = append(keep, f)
		}
	}
	edges := graph.MergeFacts(keep)
	name := func(id string) string {
		if n, ok := eng.Node(id); ok {
			return n.Name
		}
		return id
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.IO.Out)
		for _, e := range edges {
			if err := enc.Encode(factJSON{name(e.Subject), e.Predicate, name(e.Object), e.Details, e.Position, e.Sources}); err != nil {
				return err
			}
		}
		return nil
	}
	if !opts.IO.IsStdoutTTY() {
		for _, e := range edges {
			fmt.Fprintf(opts.IO.Out, "%s\t%s\t%s\t%s\n", name(e.Subject), e.Predicate, name(e.Object), strings.Join(e.Sources, ","))
		}
		return nil
	}
	rows := make([][]string, len(edges))
	for i, e := range edges {
		rows[i] = []string{name(e.Subject), e.Predicate, name(e.Object), strings.Join(e.Details, "; "), shortSources(e.Sources)}
	}
	opts.IO.Table([]string{"SUBJECT", "PREDICATE", "OBJECT", "DETAIL", "SOURCES"}, rows)
	fmt.Fprintln(opts.IO.Out, opts.IO.Dim(nounCount(len(edges), "fact")))
	return nil
}
