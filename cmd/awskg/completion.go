package main

import (
	"context"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/awskg/awskg/graph"
)

// nodeKinds are the values of render's --kind.
var nodeKinds = []graph.NodeKind{
	graph.KindService, graph.KindFeature, graph.KindCapability, graph.KindStrategy,
	graph.KindDR, graph.KindLevel, graph.KindComponent, graph.KindEvent,
	graph.KindLog, graph.KindPath, graph.KindConcept, graph.KindValue,
}

// registerCompletions completes flag values in the shells' completion
// (`awskg completion bash|zsh|fish|powershell`): formats, languages and
// kinds from fixed lists; names (service names and aliases, and every other
// node) from the dictionary and the graph; predicates and maps from the
// graph. Completion reads the graph as the command would (the embedded notes
// with --notes, or --db), without a progress bar; when the graph cannot be
// read, the dictionary's names and the ontology's predicates are offered.
func registerCompletions(f *Factory, root *cobra.Command) {
	c := &completer{f: f}
	for _, cmd := range root.Commands() {
		switch cmd.Name() {
		case "render":
			c.values(cmd, "format", fixed(string(graph.FormatDOT), string(graph.FormatSVG), string(graph.FormatPNG)))
			c.values(cmd, "rankdir", fixed("LR", "TB", "RL", "BT"))
			c.values(cmd, "kind", c.list(func(context.Context) []string {
				out := make([]string, len(nodeKinds))
				for i, k := range nodeKinds {
					out[i] = string(k)
				}
				return out
			}))
			c.values(cmd, "predicate", c.list(c.predicates))
			c.values(cmd, "map", c.maps)
			c.values(cmd, "around", c.names)
			c.values(cmd, "from", c.names)
			c.values(cmd, "to", c.names)
			cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				return []string{"dot", "gv", "svg", "png"}, cobra.ShellCompDirectiveFilterFileExt
			})
		case "export":
			c.values(cmd, "format", fixed(append(graph.ExportFormats(), graph.FormatAliases()...)...))
		case "ingest":
			c.values(cmd, "format", fixed(graph.ImportFormats()...))
		case "query":
			c.values(cmd, "lang", fixed(queryLanguages...))
		case "facts":
			c.values(cmd, "service", c.names)
		}
	}
	root.RegisterFlagCompletionFunc("db", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	root.RegisterFlagCompletionFunc("notes", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"md", "txt"}, cobra.ShellCompDirectiveFilterFileExt
	})
}

// completer computes completion values from the factory's dictionary and
// graph.
type completer struct {
	f *Factory
}

// valuesFunc returns the completions of a flag's value.
type valuesFunc func(ctx context.Context, toComplete string) []string

// values registers the completion of a flag: the values that start with
// what is typed (ignoring case), never followed by file names.
func (c *completer) values(cmd *cobra.Command, flag string, vf valuesFunc) {
	cmd.RegisterFlagCompletionFunc(flag, func(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		ctx := cmd.Context()
		if ctx == nil {
			ctx = context.Background()
		}
		return vf(ctx, toComplete), cobra.ShellCompDirectiveNoFileComp
	})
}

func fixed(values ...string) valuesFunc {
	return func(_ context.Context, toComplete string) []string { return prefixMatches(values, toComplete) }
}

// list completes the last item of a comma-separated list (--kind a,b).
func (c *completer) list(all func(context.Context) []string) valuesFunc {
	return func(ctx context.Context, toComplete string) []string {
		done, last := "", toComplete
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			done, last = toComplete[:i+1], toComplete[i+1:]
		}
		var out []string
		for _, v := range prefixMatches(all(ctx), last) {
			out = append(out, done+v)
		}
		return out
	}
}

// graph returns the graph's nodes and predicates (nil when it cannot be
// read), ingesting without the progress bar: a completion must draw
// nothing on the terminal.
func (c *completer) graph(ctx context.Context) ([]graph.Node, []string) {
	c.f.IO.SetStderrTTY(false)
	eng, err := c.f.Engine(ctx)
	if err != nil || eng == nil {
		return nil, nil
	}
	preds, err := eng.Predicates(ctx)
	if err != nil {
		preds = nil
	}
	return eng.Nodes(), preds
}

// names are the names and aliases of the dictionary's nodes and of the
// graph's (but for paths, levels and values), distinct ignoring case.
func (c *completer) names(ctx context.Context, toComplete string) []string {
	var nodes []graph.Node
	if d, err := c.f.Dictionary(); err == nil {
		nodes = d.Nodes()
	}
	gn, _ := c.graph(ctx)
	nodes = append(nodes, gn...)
	var all []string
	for _, n := range nodes {
		if n.Kind == graph.KindPath || n.Kind == graph.KindLevel || n.Kind == graph.KindValue {
			continue
		}
		all = append(all, n.Name)
		all = append(all, n.Aliases...)
	}
	return completionList(all, toComplete)
}

// predicates are the graph's predicates, else the ontology's.
func (c *completer) predicates(ctx context.Context) []string {
	_, preds := c.graph(ctx)
	if len(preds) == 0 {
		preds = relationPredicates
	}
	return completionList(preds, "")
}

// maps are what --map takes: a predicate, a capability or a strategy.
func (c *completer) maps(ctx context.Context, toComplete string) []string {
	nodes, _ := c.graph(ctx)
	all := c.predicates(ctx)
	for _, n := range nodes {
		if n.Kind == graph.KindCapability || n.Kind == graph.KindStrategy {
			all = append(all, n.Name)
		}
	}
	return completionList(all, toComplete)
}

// completionList returns the values that start with prefix (ignoring case),
// without control characters (a shell prints candidates as they are),
// distinct ignoring case, sorted.
func completionList(values []string, prefix string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range prefixMatches(values, prefix) {
		k := strings.ToLower(v)
		if v == "" || seen[k] || controlAt([]byte(v)) >= 0 || strings.ContainsAny(v, "\n\t") {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i]), strings.ToLower(out[j])
		if a != b {
			return a < b
		}
		return out[i] < out[j]
	})
	return out
}
