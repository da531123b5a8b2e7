package queries

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// TestFallbackAnswersWhatANamedEntityIs: when no reading scores well, a
// question that names a known entity is answered from what the notes say
// about it (intent describe or evidence, every answer sourced); one that
// names nothing known gets the note lines that hold most of its words, or
// no fallback when none holds half of them.
func TestFallbackAnswersWhatANamedEntityIs(t *testing.T) {
	e := newEngine(t)
	ctx := context.Background()
	tests := []struct {
		question string
		want     bool // a fallback answer expected
	}{
		{"Which colour is the CloudTrail logo?", true},
		{"qwzx SnapStart frobnicate", false}, // a dictionary name the embedded notes never use: nothing to fall back on
		{"zzqx frobnicate wibble", false},
		// names nothing known, but a note line holds its words: that line
		{"what are the many phases", true},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a := e.analyze(tt.question)
			e.supportOf(a)
			// No candidates at all: the fallback must stand on its own.
			res, err := e.fallback(ctx, a, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.want {
				if res != nil {
					t.Fatalf("fallback answered %q: %+v", tt.question, res.Answers)
				}
				return
			}
			if res == nil || len(res.Answers) == 0 {
				t.Fatal("no fallback answer for a question naming a known entity")
			}
			if res.Intent != string(candDescribe) && res.Intent != string(candEvidence) {
				t.Errorf("intent %q", res.Intent)
			}
			for _, ans := range res.Answers {
				if len(ans.Sources) == 0 {
					t.Errorf("answer %q has no source", ans.Name)
				}
			}
		})
	}
	// Through Ask, a question naming nothing known is ENOTFOUND.
	_, err := e.Ask(ctx, "zzqx frobnicate wibble")
	var ge *graph.Error
	if !errors.As(err, &ge) || ge.Code != graph.ENOTFOUND {
		t.Errorf("Ask(nothing known) = %v, want ENOTFOUND", err)
	}
}

// TestSearchFindsSynonyms: a note line that words the question with
// synonyms ("prevent", "deleted" for "stops", "destroyed") is found.
func TestSearchFindsSynonyms(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("what stops a stack from being destroyed by accident")
	hits := e.search(a, 3)
	if len(hits) == 0 {
		t.Fatal("no hits")
	}
	if got := e.ix.Statement(hits[0].i).Source; got != "data/notes/002_653d9272087ba1e1.txt:1400" {
		t.Errorf("best line %s, want 002:1400 (\"... termination protection enabled, which will prevent it from being deleted accidentally\")", got)
	}
}

// TestEvidenceAnswersValues: a question that names a known service and asks
// for a value is answered from the line that holds its words, by the
// line's quantities, even when no relation reads that line; it never exits
// with "the notes say nothing".
func TestEvidenceAnswersValues(t *testing.T) {
	e := engineWithNote(t, "outline.txt", "4 AWS BACKUP\n4.5 Backup Vault Lock\n4.5.1 Governance mode - removable by users with enough IAM permissions\n"+
		"4.5.2 Compliance mode - immutable after a grace time (min 72 hours); nobody can delete it after that\n")
	res, err := e.Ask(context.Background(), "With AWS Backup Vault Lock in compliance mode, what's the minimum grace time before the lock becomes immutable?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !containsStr(got, "72 hours") {
		t.Errorf("answers %v (intent %s), want 72 hours", got, res.Intent)
	}
}

// TestYesNoQuestionsAnswerYesOrNo: a question that opens with an auxiliary
// ("Is ...", "Can ...") is answered yes or no when the notes relate what it
// names, ahead of a list of what one of them relates to.
func TestYesNoQuestionsAnswerYesOrNo(t *testing.T) {
	e := engineWithNote(t, "alarms.md", "### CloudWatch alarms\n- Actions - what happens if alarm state\n  - Only target = Create one or more SNS notifications\n"+
		"  - KEY IDEA Note: CloudWatch alarms is NOT an event source in CloudWatch Events!\n")
	res, err := e.Ask(context.Background(), "Is a CloudWatch alarm an event source that CloudWatch Events rules can match?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || got[0] != "no" {
		t.Errorf("answers %v (intent %s), want no", got, res.Intent)
	}
}

// engineWithNote is newEngine with one more note, written to a temporary
// folder under the given file name.
func engineWithNote(t *testing.T, name, text string) *Engine {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return newEngine(t, dir)
}

// TestEvidenceReadsLines: the line that matches a question best answers
// with what it holds when no relation does: a bare number for a value
// question ("a default runOrder of 1"), the list inside a sentence whose
// opening words the question shares (not the sentence's other list), the
// names of the "Name (what it does)" lines it is one of, and the names of
// the lines a head line ("three flavours:") heads.
func TestEvidenceReadsLines(t *testing.T) {
	tests := []struct {
		name, file, note, question string
		want, not                  []string
	}{
		{"bare number", "pipeline-json.md", "# CodePipeline structure\n\n" +
			"* In a pipeline written as a JSON document each action carries a default `runOrder` of 1, so actions in a stage run one after another.\n" +
			"* Actions that share the same runOrder integer run in parallel.\n",
			"What's the default runOrder of a CodePipeline action in JSON?", []string{"1"}, nil},
		{"inline list", "image-scans.md", "# Release hygiene\n\n" +
			"* To lint container images before a release, run open-source scanners like trivy (images) and grype (SBOM) to look for CVEs, stale packages or leaked keys.\n",
			"Which open-source scanners lint container images before a release?", []string{"trivy", "grype"}, []string{"stale packages"}},
		{"sibling items", "vault-policies.md", "# Vault retention\n\n" +
			"- Purge policy values\n" +
			"  - Erase (the default for most vaults)\n" +
			"  - Keep (the vault stays after the stack is gone)\n" +
			"  - Freeze (a read-only copy is kept first)\n" +
			"- Replacement policy takes the same values\n",
			"What values can I set a vault purge policy to?", []string{"Erase", "Keep", "Freeze"}, nil},
		{"head line", "builder-cache.md", "### Builder caching\n\n" +
			"- remote cache: kept in a bucket, shared across hosts\n" +
			"- warm cache, three flavours:\n" +
			"  - `WARM_SOURCE` - git metadata of the checkout\n" +
			"  - `WARM_LAYERS` - image layers (needs privileged mode)\n" +
			"  - `WARM_DIRS` - folders listed under `cache/paths`\n" +
			"- warm cache is best-effort\n",
			"Which warm cache flavours can a builder use?", []string{"WARM_SOURCE", "WARM_LAYERS", "WARM_DIRS"}, nil},
		{"arrow line", "invocation.md", "# Function invocation\n\n" +
			"- Lambda answers a blocking request while the caller holds the connection open.\n" +
			"- -> API Gateway, Cognito, CloudFront\n" +
			"- Lambda queues an event request and retries it twice.\n",
			"Which services send Lambda a blocking request?", []string{"API Gateway", "Cognito", "CloudFront"}, nil},
		{"arrow line of another kind", "pollers.md", "# Pollers\n\n" +
			"- A Lambda poller reads record batches from an event source and hands them to the function.\n" +
			"- -> Kinesis, DynamoDB, SQS\n",
			"Which event sources does a Lambda poller read record batches from?", []string{"Kinesis", "DynamoDB", "SQS"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engineWithNote(t, tt.file, tt.note)
			res := askHolding(t, e, tt.question, tt.want)
			got := answerNames(res)
			for _, w := range tt.not {
				if containsStr(got, w) {
					t.Errorf("answers %v hold %q", got, w)
				}
			}
		})
	}
}

// TestValueLineAnswers: a value question a line holds most of is answered
// by the line's numbers, though no relation reads them, before the values
// of relations that hold less of it.
func TestValueLineAnswers(t *testing.T) {
	e := engineWithNote(t, "pipeline.md", "# Pipelines\n\nWhen you write a pipeline as a JSON file, the default runOrder value for an action is 1.\n\n## S3\n\n- S3 defaults: SSE-S3 encryption, Block Public Access, private ACLs\n")
	got := askNames(t, e, "In a pipeline defined in JSON, what is the default runOrder value of an action?")
	if !slices.Equal(got, []string{"1"}) {
		t.Errorf("answers %v, want the line's 1", got)
	}
}

// TestNamelessQuestionAnswersFromItsBestLine: a question that names no
// entity, but a line the notes hold answers it, is answered from that line
// (not refused with "did you mean"), though the line holds less than half
// of its words.
func TestNamelessQuestionAnswersFromItsBestLine(t *testing.T) {
	e := engineWithNote(t, "presets.md", "# Traffic presets\n\n"+
		"* The Linear7Percent3Minutes preset moves 7% of requests at once, then the remainder after 3 minutes.\n"+
		"* Share the goes-first list with the rest of the team before the release.\n"+
		"* Snapshots cannot be shared first; copy them to the rest of the accounts.\n")
	askHolding(t, e, "Linear7Percent3Minutes - what share of requests goes first and how long before the rest moves?", []string{"7%", "3 minutes"})
}

// TestHowLongAsksForAValue: the word after "how" that names a value's
// dimension ("how long") says what shape the answer has; it is no word
// the lines must hold ("long-term", "long running" lines won), so the line
// that holds the question's other words answers with its value.
func TestHowLongAsksForAValue(t *testing.T) {
	e := engineWithNote(t, "gates.md", "# Release gates\n\n"+
		"- A pipeline release gate can page the on-call channel; if nobody signs off within 3 days the gate fails.\n")
	a := e.analyze("How long does a CodePipeline release gate wait before it fails?")
	for _, tm := range a.terms {
		if tm.stem == "long" {
			t.Errorf("term %q from \"how long\"", tm.stem)
		}
	}
	askHolding(t, e, "How long does a CodePipeline release gate wait before it fails?", []string{"3 days"})
}

// TestCountOfTheAskedThings: "max number of X per Y" is answered by the
// count of X a line writes ("up to 7 alarms": 7, the things counted being
// the question's own; see countName), though X is a name the
// question links (so no word of it matches) and readings of Y's relations
// hold more of its words; "per" bounds the counted phrase.
func TestCountOfTheAskedThings(t *testing.T) {
	e := engineWithNote(t, "guards.md", "# Rollback guards\n\n- attach CloudWatch alarms to the deployment group - up to *7 alarms*\n")
	got := askNames(t, e, "max number of CloudWatch alarms per CodeDeploy deployment group?")
	if !slices.Equal(got, []string{"7"}) {
		t.Errorf("answers %v, want 7", got)
	}
	if n := e.countedNoun(e.analyze("how many targets can one EventBridge rule have?")); n != ingest.Stem("targets") {
		t.Errorf("counted noun %q, want targets", n)
	}
}

// TestCoordinatedModifiersAnswer: the capitalised words a line coordinates
// before the noun a question asks for ("AWS Business or Enterprise
// support" for "which support plans") are its answers, not the line's
// other list ("all checks and the APIs").
func TestCoordinatedModifiersAnswer(t *testing.T) {
	e := engineWithNote(t, "advisor.md", `# Trusted Advisor

All customers have access to a core set of Trusted Advisor checks. Customers with AWS Business or Enterprise support can access all Trusted Advisor checks and the Trusted Advisor APIs.
`)
	q := "Which AWS support plans give access to all Trusted Advisor checks and the Trusted Advisor APIs?"
	res, err := e.Ask(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !slices.Equal(got, []string{"Business", "Enterprise"}) {
		t.Errorf("%q: answers %q (%s); want Business, Enterprise", q, got, res.Reading)
	}
}

// TestValueFromTheLinesOtherSentence: a value question whose best line's
// sentence states no value takes it from the sentence of the same line
// that does and shares a word of the question, and a superlative that asks
// for one value ("the longest timeout") is answered by one.
func TestValueFromTheLinesOtherSentence(t *testing.T) {
	e := engineWithNote(t, "cfn.md", "# Creation policies\n\n"+
		"A `CreationPolicy` makes CloudFormation wait for success signals before CREATE_COMPLETE. You set `ResourceSignal` with `Count` and `Timeout`, for example `Timeout: PT15M`. The maximum timeout is 12 hours (`PT12H`). If the timeout expires, the stack rolls back.\n")
	q := "What's the longest timeout I can give a CreationPolicy ResourceSignal?"
	res, err := e.Ask(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !slices.Equal(got, []string{"12 hours"}) {
		t.Errorf("%q: answers %q (%s); want 12 hours", q, got, res.Reading)
	}
}

// TestValueLineCounts: a line no relation reads answers a value question
// with its quantities and with the number the question's counted noun
// follows ("up to 5 CloudWatch alarms" for "how many alarms"), over the
// service's limits that say nothing of the question's other words.
func TestValueLineCounts(t *testing.T) {
	res, got := askOneNote(t, "tickets.txt", []string{
		"CloudFormation governance tickets",
		"",
		"  [m.okafor] Rollback triggers: up to 5 CloudWatch alarms, monitoring time 0-180 minutes after the stack operation.",
	}, "CloudFormation rollback triggers: how many alarms max and how long can the monitoring period be?")
	if want := []string{"5", "0-180 minutes"}; !slices.Equal(got, want) {
		t.Errorf("answers %v (%s), want %v", got, res.Reading, want)
	}
}

// TestValueLineOverLimits: the quantities of a line that holds most of a
// value question are answers of the kind it asks for (values), as a
// relation's value nodes are: "rollback triggers – up to 5 CloudWatch
// alarms" answers, not CloudFormation's template limits.
func TestValueLineOverLimits(t *testing.T) {
	res, got := askOneNote(t, "deploy.md", []string{
		"## CloudFormation",
		"- Protecting stacks",
		"  - **stack policy** – JSON; once you set one, every resource is protected",
		"  - termination protection",
		"  - **rollback triggers** – up to 5 CloudWatch alarms, monitoring time 0–180 minutes",
		"  - **change sets** – preview what an update will add / modify / replace",
	}, "CloudFormation rollback triggers: how many alarms max and what monitoring time range?")
	if want := []string{"5", "0–180 minutes"}; !slices.Equal(got, want) {
		t.Errorf("answers %v (%s), want %v", got, res.Reading, want)
	}
}
