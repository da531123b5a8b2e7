package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/queries"
)

// RenderOptions are the inputs of `awskg render`.
type RenderOptions struct {
	IO       *IOStreams
	Engine   func(context.Context) (*queries.Engine, error)
	Renderer func() *graph.Renderer
	Ctx      context.Context

	Question string
	Around   string
	Depth    int
	From, To string
	Map      string

	Kinds      []string
	Predicates []string

	Output   string // file, "-" for stdout, "" for stdout
	Format   string
	RankDir  string
	MaxNodes int
	NoLegend bool
}

// NewCmdRender builds `awskg render`.
func NewCmdRender(f *Factory, runF func(*RenderOptions) error) *cobra.Command {
	opts := &RenderOptions{IO: f.IO, Engine: f.Engine, Renderer: f.Renderer}
	cmd := &cobra.Command{
		Use:   "render [QUESTION]",
		Short: "Draw an answer, a neighbourhood, a path or a map with Graphviz",
		Long: `Render part of the graph as DOT, SVG or PNG (no system Graphviz needed).

Select exactly one of:
  QUESTION               the subgraph an answer stands on
  --around X [--depth N] X's neighbourhood
  --from X --to Y        the best path from X to Y
  --map NAME             a capability or strategy map (--map multi-region),
                         or every edge of a predicate (--map notifies)
Narrow it with --kind and --predicate. The format comes from -o's extension
(.dot .gv .svg .png) or --format; -o - writes to stdout. Selections larger
than --max-nodes are refused with a hint.

PNG text is drawn with the Go fonts, and characters they lack (CJK, emoji)
with the first system font that has them (/usr/share/fonts,
~/.local/share/fonts, ...; e.g. Debian's fonts-noto-cjk or
fonts-droid-fallback, and fonts-symbola). A character no font has is drawn
as a box and named in one warning on stderr; the PNG is still written and
the exit status is 0. SVG keeps every character: the viewer's fonts draw it.`,
		Example: `  awskg render "which services support cross-account" -o xacct.svg
  awskg render --around CodeDeploy --depth 1 -o codedeploy.png
  awskg render --from "CloudWatch Logs" --to Athena -o - --format dot
  awskg render --map notifies --kind service -o notifications.svg`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Question = strings.Join(args, " ")
			opts.Ctx = cmd.Context()
			n := 0
			for _, set := range []bool{opts.Question != "", opts.Around != "", opts.From != "" || opts.To != "", opts.Map != ""} {
				if set {
					n++
				}
			}
			if n != 1 {
				return flagError{errors.New("render needs exactly one selection: a QUESTION, --around X, --from X --to Y, or --map NAME")}
			}
			if (opts.From == "") != (opts.To == "") {
				return flagError{errors.New("--from and --to go together")}
			}
			if opts.Depth < 1 || opts.Depth > queries.MaxNeighborDepth {
				return flagError{fmt.Errorf("--depth must be from 1 to %d, got %d", queries.MaxNeighborDepth, opts.Depth)}
			}
			if runF != nil {
				return runF(opts)
			}
			return runRender(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Around, "around", "", "render the neighbourhood of `NAME`")
	cmd.Flags().IntVar(&opts.Depth, "depth", 1, fmt.Sprintf("neighbourhood depth (1-%d)", queries.MaxNeighborDepth))
	cmd.Flags().StringVar(&opts.From, "from", "", "render the path from `NAME`")
	cmd.Flags().StringVar(&opts.To, "to", "", "render the path to `NAME`")
	cmd.Flags().StringVar(&opts.Map, "map", "", "render a capability/strategy map or a predicate map")
	cmd.Flags().StringSliceVar(&opts.Kinds, "kind", nil, "keep only nodes of these `KINDS` (service, feature, capability, ...)")
	cmd.Flags().StringSliceVar(&opts.Predicates, "predicate", nil, "keep only edges of these `PREDICATES`")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (- for stdout)")
	cmd.Flags().StringVar(&opts.Format, "format", "", "dot, svg or png (default: from -o's extension, else dot)")
	cmd.Flags().StringVar(&opts.RankDir, "rankdir", "LR", "layout direction: LR, TB, RL or BT")
	cmd.Flags().IntVar(&opts.MaxNodes, "max-nodes", graph.DefaultMaxNodes, "refuse selections with more nodes")
	cmd.Flags().BoolVar(&opts.NoLegend, "no-legend", false, "leave the legend out")
	return cmd
}

func runRender(opts *RenderOptions) error {
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	ro := graph.DefaultRenderOptions()
	ro.RankDir, ro.MaxNodes, ro.Legend = opts.RankDir, opts.MaxNodes, !opts.NoLegend
	ro.Warn = func(msg string) { fmt.Fprintf(opts.IO.ErrOut, "warning: %s\n", msg) }
	switch {
	case opts.Format != "":
		ro.Format = graph.RenderFormat(strings.ToLower(opts.Format))
	case opts.Output != "" && opts.Output != "-":
		f, err := graph.FormatFromPath(opts.Output)
		if err != nil {
			return err
		}
		ro.Format = f
	default:
		ro.Format = graph.FormatDOT
	}
	switch ro.Format {
	case graph.FormatDOT, graph.FormatSVG, graph.FormatPNG:
	default:
		return graph.Errorf(graph.EINVALID, "unknown format %q: use dot, svg or png", opts.Format)
	}
	if ro.Format == graph.FormatPNG && (opts.Output == "" || opts.Output == "-") && opts.IO.IsStdoutTTY() {
		return graph.Errorf(graph.EINVALID, "refusing to write a PNG to the terminal: use -o FILE.png")
	}
	eng, err := opts.Engine(ctx)
	if err != nil {
		return err
	}
	sg, err := selectSubgraph(ctx, eng, opts)
	if err != nil {
		return err
	}
	var kinds []graph.NodeKind
	for _, k := range opts.Kinds {
		kinds = append(kinds, graph.NodeKind(strings.ToLower(k)))
	}
	sg = queries.Filter(sg, kinds, opts.Predicates)
	if len(sg.Nodes) == 0 {
		return graph.Errorf(graph.ENOTFOUND, "the selection is empty after --kind/--predicate filters")
	}
	return writeRendering(ctx, opts, sg, ro)
}

func selectSubgraph(ctx context.Context, eng *queries.Engine, opts *RenderOptions) (graph.Subgraph, error) {
	switch {
	case opts.Question != "":
		res, err := askOne(ctx, eng, opts.Question, defaultTimeout)
		if err != nil {
			return graph.Subgraph{}, err
		}
		return eng.Subgraph(ctx, res), nil
	case opts.Around != "":
		n, err := eng.Resolve(opts.Around)
		if err != nil {
			return graph.Subgraph{}, err
		}
		return eng.Neighbors(ctx, n.ID, opts.Depth)
	case opts.From != "":
		from, err := eng.Resolve(opts.From)
		if err != nil {
			return graph.Subgraph{}, err
		}
		to, err := eng.Resolve(opts.To)
		if err != nil {
			return graph.Subgraph{}, err
		}
		res, err := eng.Path(ctx, from.ID, to.ID)
		if err != nil {
			return graph.Subgraph{}, err
		}
		return res.Subgraph, nil
	default:
		preds, err := eng.Predicates(ctx)
		if err != nil {
			return graph.Subgraph{}, err
		}
		for _, p := range preds {
			if strings.EqualFold(p, opts.Map) {
				return eng.PredicateMap(ctx, p)
			}
		}
		n, err := eng.Resolve(opts.Map)
		if err != nil {
			return graph.Subgraph{}, fmt.Errorf("--map takes a capability, a strategy or one of %s: %w", strings.Join(preds, ", "), err)
		}
		if n.Kind != graph.KindCapability && n.Kind != graph.KindStrategy {
			return graph.Subgraph{}, graph.Errorf(graph.EINVALID, "--map %s: %s is a %s; use --around for its neighbourhood", opts.Map, n.Name, n.Kind)
		}
		return eng.CapabilityMap(ctx, n.ID)
	}
}

// writeRendering renders to the output atomically: a file is written to a
// temporary sibling and renamed, so a failed render leaves no half file.
func writeRendering(ctx context.Context, opts *RenderOptions, sg graph.Subgraph, ro graph.RenderOptions) error {
	r := opts.Renderer()
	if opts.Output == "" || opts.Output == "-" {
		return r.Render(ctx, sg, ro, opts.IO.DataOut())
	}
	err := writeFileAtomic(opts.Output, func(w io.Writer) error {
		return r.Render(ctx, sg, ro, w)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "wrote %s (%s, %d nodes, %d edges)\n", opts.Output, ro.Format, len(sg.Nodes), len(sg.Edges))
	return nil
}
