package queries

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// The kind-identifier reading answers a question that asks for things of a
// kind the notes name by identifiers ("Which IAM roles do StackSets need
// with self-managed permissions?") with the identifiers the best-matching
// lines write whose last camel-case word is that kind
// ("AWSCloudFormationStackSetAdministrationRole",
// "AWSCloudFormationStackSetExecutionRole"): a name that says what it is.

// identifierPrior is what a kind-identifier reading is worth before its
// words are matched, beside the evidence reading's -0.3.
const identifierPrior = 0.6

// maxIdentifierHits is how many of the best-matching lines the reading
// looks in, best first.
const maxIdentifierHits = 10

// maxIdentifierSpread is how many statements after the first line with
// such identifiers the reading reads more of them from, in its section
// ("... AdministrationRole in the admin account" then "...ExecutionRole in
// each target account").
const maxIdentifierSpread = 3

// minIdentifierParts is how many camel-case words an identifier holds at
// least: one that names what it is says more than its kind
// ("AWSCloudFormationStackSetExecutionRole"); a short one is a verb or a
// state that ends in a common noun ("PutMetricData", "OutOfService",
// "FindInMap").
const minIdentifierParts = 4

// kindIdentifierCandidate returns the kind-identifier reading of a question
// whose asked-for noun (the last word of its focus) is the last word of
// identifiers in one of its best-matching lines; nil when none is.
func (e *Engine) kindIdentifierCandidate(a *analysis) *candidate {
	if a.yesno || len(a.focus) == 0 {
		return nil
	}
	kind := a.focus[len(a.focus)-1]
	ids := a.strongLinkIDs()
	best, bestAbout := -1, -1.0
	var names []string
	for k, h := range a.hits {
		if k == maxIdentifierHits {
			break
		}
		ns := identifiersOfKind(e.ix.StatementText(h.i), kind)
		if len(ns) == 0 {
			continue
		}
		// the line most about what the question names, the better
		// matching one of those equally about it
		if about := e.aboutBonus(h.i, ids) + e.sectionBonusOf(h.i, ids); about > bestAbout {
			best, bestAbout, names = k, about, ns
		}
	}
	if best >= 0 {
		h := a.hits[best]
		st := e.ix.Statement(h.i)
		var answers []Answer
		add := func(names []string, st graph.Statement) {
			for _, n := range names {
				answers = append(answers, Answer{Name: n, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{st.Source}})
			}
		}
		add(names, st)
		for j := h.i + 1; j <= h.i+maxIdentifierSpread && e.sameSection(h.i, j); j++ {
			more := identifiersOfKind(e.ix.StatementText(j), kind)
			if len(more) == 0 {
				break
			}
			add(more, e.ix.Statement(j))
		}
		c := &candidate{typ: candEvidence, result: &Result{Intent: "evidence", Answers: answers}, ends: []string{}}
		c.ctx = st.Terms
		c.rel = []string{kind}
		c.prior = -0.3 + identifierPrior
		c.links = e.statementLinks(a, h.i)
		c.reading = fmt.Sprintf("the %s identifiers a best-matching line writes (%s)", kind, st.Source)
		return c
	}
	return nil
}

// minNamedIdentifierParts is how many camel-case words an identifier the
// next word calls one of a kind holds at least: "PutMetricData API", not
// the service of "CloudWatch statistics".
const minNamedIdentifierParts = 3

// identifiersOfKind returns the identifiers a text writes, once each in
// order, of minIdentifierParts or more camel-case words the last of which
// stems to kind ("AWSCloudFormationStackSetExecutionRole" of "role"), and
// those of minNamedIdentifierParts or more that the next word calls one
// of the kind ("the CloudWatch PutMetricData API" of "api"); a snake-case
// word the next or the word before calls one ("configure CodeDeploy with
// `:proxy_uri` parameter" of "parameter"), and for "variable" every
// upper-case snake-case word (see envVariableKind).
func identifiersOfKind(text, kind string) []string {
	var out []string
	toks := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-'
	})
	calls := func(j int) bool { return j >= 0 && j < len(toks) && ingest.Stem(strings.ToLower(toks[j])) == kind }
	for i, tok := range toks {
		parts := ingest.CamelParts(tok)
		code := len(parts) >= minNamedIdentifierParts && camelCased(tok) || snakeCased(tok)
		named := code && (calls(i+1) || snakeCased(tok) && calls(i-1)) ||
			kind == envVariableKind && upperSnake(tok)
		if !named && (len(parts) < minIdentifierParts || ingest.Stem(parts[len(parts)-1]) != kind) || containsStr(out, tok) {
			continue
		}
		out = append(out, tok)
	}
	return out
}

// envVariableKind is the stem of "variable": environment variables are
// written in upper-case snake case ("CODEBUILD_SOURCE_VERSION"), so a
// line's such word is one whatever the line calls it.
const envVariableKind = "variabl"

// snakeCased reports a word that joins lower- or upper-case words with
// underscores ("proxy_uri", "CODEBUILD_SOURCE_VERSION"): a name code
// writes, not prose.
func snakeCased(w string) bool {
	k := strings.IndexByte(w, '_')
	return k > 0 && k < len(w)-1 && strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// upperSnake reports a snake-case word in capitals ("AWS_XRAY_DAEMON_ADDRESS").
func upperSnake(w string) bool {
	return snakeCased(w) && strings.ToUpper(w) == w
}

// camelCased reports whether a word joins words by capitals inside it
// ("PutMetricData", "AWS-RunPatchBaseline"): an upper-case letter after a
// lower-case one.
func camelCased(w string) bool {
	prevLower := false
	for _, r := range w {
		if unicode.IsUpper(r) && prevLower {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}
