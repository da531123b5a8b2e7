package main

import (
	"sort"
	"strings"
	"unicode"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/queries"
)

// questionStarters are completed at the start of a question.
var questionStarters = []string{
	"which services support",
	"which services notify",
	"which services are implicitly multi-AZ",
	"which services have no notifications",
	"what is",
	"what are the",
	"what does",
	"what is the multi-region feature of",
	"what deployment configurations does",
	"how do I get data from",
	"compare",
	"order the DR strategies from cheapest to most expensive",
	"which DR strategy has the lowest RTO",
	"tell me about",
}

// relationPredicates are the predicates completion offers.
var relationPredicates = []string{
	graph.PredSupports, graph.PredFeature, graph.PredProvides, graph.PredNotifies,
	graph.PredNoNotify, graph.PredTargets, graph.PredDelivers, graph.PredFlowsTo,
	graph.PredHop, graph.PredConfig, graph.PredDeployType, graph.PredEvent,
	graph.PredHelper, graph.PredAggregate, graph.PredRank, graph.PredProperty,
	graph.PredLimit, graph.PredSameRegion, graph.PredIntegrates, graph.PredOnlyIn, graph.PredIsA,
	graph.PredPartOf, graph.PredWarns, graph.PredDoes,
	graph.PredName, graph.PredKind, graph.PredAlias,
}

// vocabulary holds the completion candidates of a graph.
type vocabulary struct {
	names      []string // node names and aliases, distinct case-insensitively, sorted
	predicates []string
	starters   []string
	commands   []string
}

func buildVocabulary(eng *queries.Engine) *vocabulary {
	v := &vocabulary{commands: commandNames()}
	seen := map[string]bool{}
	add := func(list *[]string, w string) {
		k := strings.ToLower(strings.TrimSpace(w))
		// the line editor prints candidates as they are: a name holding
		// control characters (terminal escapes) is not offered
		if k == "" || seen[k] || controlAt([]byte(w)) >= 0 {
			return
		}
		seen[k] = true
		*list = append(*list, w)
	}
	for _, n := range eng.Nodes() {
		if n.Kind == graph.KindPath || n.Kind == graph.KindLevel {
			continue
		}
		add(&v.names, n.Name)
		for _, a := range n.Aliases {
			add(&v.names, a)
		}
	}
	for _, p := range relationPredicates {
		add(&v.predicates, p)
	}
	starters := append(append([]string{}, questionStarters...), queries.Examples...)
	for _, q := range starters {
		add(&v.starters, q)
	}
	for _, l := range []*[]string{&v.names, &v.predicates, &v.starters} {
		sort.SliceStable(*l, func(i, j int) bool {
			a, b := strings.ToLower((*l)[i]), strings.ToLower((*l)[j])
			if a != b {
				return a < b
			}
			return (*l)[i] < (*l)[j]
		})
	}
	return v
}

// complete is liner's word completer: colon commands at the start of a line,
// then the arguments of the command (formats, node names); in a question,
// question starters at the start and node names (multi-word, any case),
// aliases and predicates anywhere. The candidates replace the longest
// fragment before the cursor that some candidate starts with.
func (s *session) complete(line string, pos int) (head string, completions []string, tail string) {
	rs := []rune(line)
	pos = max(0, min(pos, len(rs)))
	before, tail := string(rs[:pos]), string(rs[pos:])
	if s.words == nil {
		s.words = buildVocabulary(s.eng)
	}
	v := s.words
	lead := len(before) - len(strings.TrimLeft(before, " \t"))
	body := before[lead:]
	if len(s.pending) > 0 {
		return before, nil, tail
	}
	if strings.HasPrefix(body, ":") {
		name, _, hasArgs := strings.Cut(body, " ")
		if !hasArgs {
			return before[:lead], prefixMatches(v.commands, name), tail
		}
		argStart := lead + len(name) + 1
		c, _ := lookupCommand(name)
		var starters, cands []string
		switch c.name {
		case ":format":
			cands = []string{"json", "table"}
		case ":render":
			cands = []string{"dot", "png", "svg"}
		case ":show", ":neighbors", ":path", ":compare":
			cands = v.names
		case ":ask":
			starters, cands = v.starters, append(append([]string{}, v.names...), v.predicates...)
		default:
			return before, nil, tail
		}
		h, m := fragmentComplete(before, argStart, starters, cands)
		return h, m, tail
	}
	if s.mode != modeAsk {
		h, m := fragmentComplete(before, len(before), nil, v.predicates)
		return h, m, tail
	}
	h, m := fragmentComplete(before, lead, v.starters, append(append([]string{}, v.names...), v.predicates...))
	return h, m, tail
}

// fragmentComplete finds the longest fragment of before, starting at a word
// boundary at or after start, that some candidate begins with (ignoring
// case). starters are only tried on the whole text from start. It returns
// the text before the fragment and the matches.
func fragmentComplete(before string, start int, starters, cands []string) (string, []string) {
	for i := start; i < len(before); i++ {
		if i > start && !isWordStart(before, i) {
			continue
		}
		frag := before[i:]
		if strings.TrimSpace(frag) == "" {
			break
		}
		var m []string
		if i == start {
			m = prefixMatches(starters, frag)
		}
		m = append(m, prefixMatches(cands, frag)...)
		if len(m) > 0 {
			return before[:i], dedupFold(m)
		}
	}
	return before, nil
}

// isWordStart reports whether a word starts at byte i of s.
func isWordStart(s string, i int) bool {
	prev := rune(s[i-1])
	cur := rune(s[i])
	return (unicode.IsSpace(prev) || strings.ContainsRune("(\"'/,", prev)) && !unicode.IsSpace(cur)
}

// prefixMatches returns the candidates that start with frag, ignoring case.
// A candidate equal to frag (but for case) is kept so that Tab fixes the case.
func prefixMatches(cands []string, frag string) []string {
	lf := strings.ToLower(frag)
	var out []string
	for _, c := range cands {
		if strings.HasPrefix(strings.ToLower(c), lf) {
			out = append(out, c)
		}
	}
	return out
}

func dedupFold(list []string) []string {
	seen := map[string]bool{}
	out := list[:0:0]
	for _, x := range list {
		k := strings.ToLower(x)
		if !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out
}
