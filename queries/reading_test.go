package queries

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// TestReadings holds questions whose reading was once wrong, each with
// names its answers must hold and names they must not be limited to.
func TestReadings(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		question string
		want     []string
	}{
		// fixed bugs
		// Commands under a heading no relation reads ("migrate from git")
		// are a run of items, named by their command lines, in the note's
		// order: an order question's evidence.
		{"In order, what are the git commands to migrate an existing git repo (with all branches and tags) into CodeCommit?", []string{"git clone git_repo_url --mirror", "git push codecommit_repo_url --all", "git push codecommit_repo_url --tags"}},
		// a comparison that asks "which one": the option whose own line
		// holds the question's other words
		{"What's the difference between pilot light and warm standby - which one runs the full system at reduced capacity?", []string{"Warm Standby"}},
		// "steps" is a kind word, but the question's entity owns the steps:
		// every node of the kind is no answer
		{"what are the steps, in order, to migrate an existing git repo to CodeCommit?", []string{"git clone git_repo_url --mirror", "git push codecommit_repo_url --tags"}},
		// Two entities written side by side are one noun phrase, not the
		// two ends of a path; "where" asks for a place, not a reason.
		{"Where can a CloudWatch Logs subscription filter send log events?", []string{"Amazon Kinesis Data Streams", "AWS Lambda"}},
		// The note says "consists of"; the lexicon's synonym groups let
		// "made up of" find it.
		{"CloudWatch is made up of which services?", []string{"Amazon CloudWatch Logs", "Amazon EventBridge"}},
		// A light verb ("make", a stop word) opens a phrasal verb that
		// means a word the lines hold: "make up" asks what a line says
		// Kinesis "consists of", not what it "can set up".
		{"What services make up Amazon Kinesis?", []string{"Amazon Kinesis Data Analytics", "Amazon Kinesis Data Firehose", "Amazon Kinesis Data Streams", "Amazon Kinesis Video Streams"}},
		// A question that asks "how long" wants a quantity: a relation that
		// answers with a service's name reads it worse than the one whose
		// answer is the value.
		{"How long can slow start mode last on a target group?", []string{"15 minutes"}},
		// "CloudWatch Logs subscription" links to the feature a subheading
		// made; the dictionary's "Subscription filter" related to the same
		// service is the same thing, and its destinations that support
		// cross-account answer.
		{"Which CloudWatch Logs subscription destination can deliver log data to a different AWS account?", []string{"Amazon Kinesis Data Streams"}},
		// "global" alone is no region ("the global index"); "span or
		// replicate" is how the capability is asked for, not a filter on
		// the services that have it.
		{"What services can span or replicate across several AWS regions?", []string{"Amazon DynamoDB", "AWS CloudFormation", "Amazon Route 53", "Amazon S3"}},
		// A chain written in a table cell ("scale in -> Terminating ->
		// Terminating:Wait -> ...") is read, and an order question about
		// its first hop answers the hops after it.
		{"In what order does an instance move through the lifecycle states on scale in?", []string{"Terminating", "Terminating:Wait", "Terminating:Proceed", "Terminated"}},
		// "GuardDuty analyzes ... across multiple AWS data sources, such as
		// AWS CloudTrail, ...": a comma before the list is no clause boundary
		{"Which data sources does GuardDuty analyze?", []string{"AWS CloudTrail", "VPC Flow Logs", "DNS log"}},
		// A camel-case word and its words are one term: "deletion policy"
		// finds the relation a "DeletionPolicy" label makes, and
		// "DeletionPolicy" a relation written "deletion policy"; "values"
		// asks for a setting's values, names as often as quantities.
		{"What can a CloudFormation deletion policy be set to?", []string{"Delete", "Retain", "Snapshot"}},
		{"What values can a CloudFormation DeletionPolicy take?", []string{"Delete", "Retain", "Snapshot"}},
		// a generic asked-for noun ("values") says what shape the answers
		// have: it does not outweigh the thing the question names, as
		// "what categories" does
		{"what values can DeletionPolicy take on a cloudformation resource?", []string{"Delete", "Retain", "Snapshot"}},
		// The sentence that asks places the entities, not the one that
		// sets the scene: "changes" in the first sentence is no verb of
		// the flow asked for.
		{"I'd like a Slack alert when a Trusted Advisor check changes status. What's the event flow?", []string{"AWS Lambda", "Slack"}},
		// "Services" over a list under "Amazon Kinesis" relates Kinesis to
		// the four by the kind word, and a question for "the Kinesis
		// services" reads that relation.
		// "Kinesis consumers include ..." is said of Amazon Kinesis, the
		// family Kinesis Data Streams is named in: it answers for it.
		{"Kinesis Data Streams consumers: what can read from a stream?", []string{"Kinesis Client Library", "AWS Lambda"}},
		{"List the Kinesis services", []string{"Amazon Kinesis Data Analytics", "Amazon Kinesis Data Firehose", "Amazon Kinesis Data Streams", "Amazon Kinesis Video Streams"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			askHolding(t, e, tt.question, tt.want)
		})
	}
}

// askExactly asks e a question and wants exactly these answers, in order.
func askExactly(t *testing.T, e *Engine, question string, want ...string) {
	t.Helper()
	if got := askNames(t, e, question); !slices.Equal(got, want) {
		t.Errorf("%q answers %v, want %v", question, got, want)
	}
}

// askHolding asks e a question and reports every name of want its answers
// lack.
func askHolding(t *testing.T, e *Engine, question string, want []string) *Result {
	t.Helper()
	res, err := e.Ask(context.Background(), question)
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	for _, w := range want {
		if !containsStr(got, w) {
			t.Errorf("answers %v lack %q (reading %q)", got, w, res.Reading)
		}
	}
	return res
}

// TestNarrowedReadingMeasuredByWhatItKeeps: a reading another entity of
// the question narrows ("EC2 instances" keeps Run Command of Systems
// Manager's features) is measured by the lines and names of the answers it
// keeps, so the reading narrowed by the feature whose own line holds the
// question's words outranks it.
func TestNarrowedReadingMeasuredByWhatItKeeps(t *testing.T) {
	e := newEngine(t)
	for _, tt := range []struct{ question, want string }{
		{"Which Systems Manager feature deploys software patches across groups of EC2 instances?", "Patch Manager"},
		{"what part of Systems Manager collects the software inventory from EC2 instances?", "Inventory"},
	} {
		t.Run(tt.question, func(t *testing.T) {
			askExactly(t, e, tt.question, tt.want)
		})
	}
}

// TestLineConstraintOfTwo: a question that asks for one thing narrows a
// relation of two answers to the one whose line says what it asks ("can't
// be removed even by the root user" is said of Compliance mode, not of
// Governance mode, whose line says it can be removed).
func TestLineConstraintOfTwo(t *testing.T) {
	dir := t.TempDir()
	note := "# AWS Backup\n\n## Vault Lock\n\nVault Lock makes a vault WORM. There are two modes:\n\n" +
		"1. Governance mode: users with the right IAM permissions can still change or remove the lock.\n" +
		"2. Compliance mode: once the grace time ends the lock is immutable. Nobody, not the root user and not AWS, can delete the lock.\n"
	if err := os.WriteFile(filepath.Join(dir, "backup.md"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	e := newEngine(t, dir)
	q := "which AWS Backup Vault Lock mode can't be removed even by the root user?"
	askExactly(t, e, q, "Compliance mode")
	// (the answer stands on the line that says it, not on the order the
	// note lists the two in)
	if res := askHolding(t, e, q, nil); !strings.Contains(res.Reading, "where its line") {
		t.Errorf("reading %q is not narrowed by its line", res.Reading)
	}
}

// TestScoreAnswersNamedByQuestion: a reading whose every answer is an
// entity the question names tells nothing and ranks well below the same
// reading with a new answer.
func TestScoreAnswersNamedByQuestion(t *testing.T) {
	e := newEngine(t)
	ctx := context.Background()
	a := e.analyze("What kinds of tasks can a Systems Manager maintenance window run?")
	ssm, mw := "service:aws-systems-manager", "feature:maintenance-windows"
	if !containsStr(a.linkIDs(), ssm) || !containsStr(a.linkIDs(), mw) {
		t.Fatalf("links %v lack %s, %s", a.linkIDs(), ssm, mw)
	}
	named := &candidate{typ: candRelation, anchor: mw, pred: graph.PredFeature, inverse: true, ends: []string{ssm}}
	other := &candidate{typ: candRelation, anchor: mw, pred: graph.PredFeature, inverse: true, ends: []string{"feature:run-command"}}
	e.score(ctx, a, named)
	e.score(ctx, a, other)
	if named.score > other.score-0.4 {
		t.Errorf("answering only the question's own entity scores %.3f, a new answer %.3f", named.score, other.score)
	}
}

// TestScoreUnsupportedReading: a reading whose facts cite no line the
// question's search ranks stands on nothing the question asked about, and
// scores below the same reading citing the best line.
func TestScoreUnsupportedReading(t *testing.T) {
	e := newEngine(t)
	ctx := context.Background()
	a := e.analyze("What can a CloudWatch Logs subscription filter send log events to?")
	e.supportOf(a)
	if len(a.hits) == 0 {
		t.Fatal("the question finds no line")
	}
	best := e.ix.StatementSource(a.hits[0].i)
	cand := func(src string) *candidate {
		c := &candidate{typ: candRelation, anchor: "feature:subscription-filter", pred: graph.PredFlowsTo, ends: []string{"service:aws-lambda"}}
		c.edges = []graph.Edge{{Subject: c.anchor, Predicate: c.pred, Object: c.ends[0], Sources: []string{src}}}
		e.score(ctx, a, c)
		return c
	}
	on, off := cand(best), cand("elsewhere.md:1")
	if off.feat[featUnsupported] != 1 || on.feat[featUnsupported] != 0 {
		t.Fatalf("unsupported feature: on the best line %v, elsewhere %v", on.feat[featUnsupported], off.feat[featUnsupported])
	}
	if off.score >= on.score-0.05 {
		t.Errorf("a reading on no ranked line scores %.3f, on the best line %.3f", off.score, on.score)
	}
}

// TestMergeTiesNamedWord: readings that match the question's words alike
// merge, but a relation that holds a name the question gives ("linear")
// reads it better than one that does not ("canary"), so they stay apart.
func TestMergeTiesNamedWord(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("Which predefined linear deployment configurations does CodeDeploy have for Lambda?")
	stems := func(ws ...string) []string {
		var out []string
		for _, w := range ws {
			out = append(out, ingest.Stem(w))
		}
		return out
	}
	rel := func(pred string, score float64, words ...string) *candidate {
		return &candidate{typ: candRelation, anchor: "service:aws-codedeploy", pred: pred, rel: stems(words...), score: score, ends: []string{pred}}
	}
	linear := rel("rel:predefine deployment configs linear", 1.0, "predefine", "deployment", "configs", "linear")
	canary := rel("rel:predefine deployment configs canary", 0.99, "predefine", "deployment", "configs", "canary")
	whole := rel("rel:predefine deployment configs", 0.85, "predefine", "deployment", "configs")
	got := mergeTies(a, []*candidate{linear, canary, whole})
	if len(got) != 3 || len(got[0].ends) != 1 {
		t.Fatalf("merged %d readings into the linear one (ends %v), want none", 3-len(got)+1, got[0].ends)
	}
	// the same words, no name: one reading
	b := e.analyze("Which predefined deployment configurations does CodeDeploy have?")
	if got := mergeTies(b, []*candidate{canary, whole}); len(got) != 1 {
		t.Errorf("readings that match alike stayed apart: %d", len(got))
	}
}

// TestTableRowEvidence: the best line being a table row the question does
// not name, the evidence answers with the table's keys, not with a list
// inside that row's cells.
func TestTableRowEvidence(t *testing.T) {
	dir := t.TempDir()
	note := "Alarms wiki\n\nOverview\nThis page is about CloudWatch alarms and CloudWatch Logs.\n\n" +
		"Treating missing data\nDefault is missing. Choose per alarm.\nKey Description\n" +
		"missing  Missing datapoints are not considered\n" +
		"notBreaching  Missing datapoints are treated as good, within the threshold\n" +
		"breaching  Missing datapoints are treated as bad, breaching the threshold\n" +
		"ignore  The current alarm state is kept\n"
	if err := os.WriteFile(filepath.Join(dir, "alarms.txt"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	e := newEngine(t, dir)
	res, err := e.Ask(context.Background(), "cw alarm treat missing data options")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range res.Answers {
		names = append(names, a.Name)
	}
	if !slices.Equal(names, []string{"missing", "notBreaching", "breaching", "ignore"}) {
		t.Errorf("answers %q (%s), want the table's four keys", names, res.Reading)
	}
}

// TestMemberCandidates: a question that names a service family ("kinesis")
// reads the relations the notes state of the services named after it
// (Kinesis Data Streams' write limit per shard), a little below its own.
func TestMemberCandidates(t *testing.T) {
	e := engineWithNote(t, "limits.md", "# Kinesis Data Streams\n\n- Write per shard: 1 MB/s or 1,000 records/s\n")
	a := e.analyze("kinesis shard write limit")
	cands, err := e.relationCandidates(context.Background(), a, "service:amazon-kinesis")
	if err != nil {
		t.Fatal(err)
	}
	var vias []string
	for _, c := range cands {
		if c.via == "service:amazon-kinesis-data-streams" {
			return
		}
		vias = append(vias, c.via)
	}
	t.Errorf("no reading at Kinesis Data Streams among %d (vias %q)", len(cands), vias)
}

// TestSourceWordsWeighNothing: words by which a question points at the
// notes ("the cheat-sheet notes say", "according to the wiki") are no
// terms to match, and the question reads as if they were not there.
func TestSourceWordsWeighNothing(t *testing.T) {
	e := newEngine(t)
	for _, q := range []string{
		"Which services do the cheat-sheet notes say can do a canary deployment?",
		"According to the wiki, which services can do a canary deployment?",
	} {
		a := e.analyze(q)
		for _, tm := range a.terms {
			if e.lx.QuestionWord("source", tm.stem) {
				t.Errorf("%q: %q is a term (weight %.1f)", q, tm.stem, tm.weight)
			}
		}
		askHolding(t, e, q, []string{"AWS CodeDeploy", "Amazon API Gateway"})
	}
}

// TestRankedReadings: a question that ranks reads the ranking whose column
// it names, by a synonym too ("cheapest" names the DR table's cost
// column), and a weighed list's items, ordered by their weights; a
// ranking one of whose things happens to hold the question's words ("...
// and Disaster Recovery" among the exam domains) is no reading of it, and
// a question that names one word of a three-word column ("domain") does
// not read that ranking over its own path.
func TestRankedReadings(t *testing.T) {
	e := newEngine(t)
	res := askHolding(t, e, "Rank the disaster recovery strategies from cheapest to most expensive.", nil)
	if res.Intent != "rank" || !strings.Contains(res.Reading, "costs") {
		t.Errorf("DR ranking read as %s %q", res.Intent, res.Reading)
	}
	res = askHolding(t, e, "Rank the six DevOps Pro exam domains from the biggest weighting to the smallest.", nil)
	got := answerNames(res)
	want := []string{"Software Development LifeCycle (SDLC) Automation", "Configuration Management and Infrastructure as Code", "Incident and Event Response"}
	if len(got) < len(want) || !reflect.DeepEqual(got[:len(want)], want) {
		t.Errorf("exam domains ranked %q, want %q first", got, want)
	}
	res = askHolding(t, e, "When a domain name gets resolved, which servers does the DNS lookup pass through, in order?", nil)
	if res.Intent == "rank" {
		t.Errorf("a DNS lookup read as a ranking: %q", res.Reading)
	}
}

// TestVerdictLineNamesEntity: a yes/no question is decided by a
// best-matching line about an entity it names when one is among them, not
// by a line that holds its other words about something else ("Are CI/CD
// build artifacts stored in AWS Artifact?": the line that says artifacts
// have nothing to do with AWS Artifact, not CodeBuild's line on storing
// artifacts in S3).
func TestVerdictLineNamesEntity(t *testing.T) {
	e := newEngine(t)
	res := askHolding(t, e, "Are CI/CD build artifacts stored in AWS Artifact?", []string{"no"})
	if len(res.Answers) != 1 {
		t.Errorf("answers %v, want one verdict", answerNames(res))
	}
}

// TestVerdictCaveatBeforeTheLine: a line that denies what a yes/no question
// asks qualifies the line chosen for holding the entities it names, though
// the denial comes first in the notes and in the ranking.
func TestVerdictCaveatBeforeTheLine(t *testing.T) {
	e := engineWithNote(t, "enc.md", "# Encryption at rest\n\n"+
		"- A key cannot be attached to an object directly; the bucket default or the request names it.\n"+
		"- Amazon S3 uses AWS KMS keys to encrypt objects at rest.\n")
	res := askHolding(t, e, "Can you attach a KMS key directly to an S3 object?", []string{"no"})
	if len(res.Answers) != 1 {
		t.Errorf("answers %v, want one verdict", answerNames(res))
	}
}

// TestChoiceOfTwoNamedOptions: a question that closes with a choice of two
// things it names ("... Amazon SQS or Amazon SNS?") is answered by the one
// the best line names, though the line restricts ("the only option"), not
// by yes or no, nor by how the notes relate the two.
func TestChoiceOfTwoNamedOptions(t *testing.T) {
	e := engineWithNote(t, "msg.md", "# Messaging\n\n"+
		"- Amazon SNS pushes each message to every subscriber of a topic.\n"+
		"- For strictly ordered delivery to a single consumer, Amazon SQS FIFO queues are the only option.\n")
	got := askNames(t, e, "I need strictly ordered delivery to a single consumer - should I use Amazon SQS or Amazon SNS?")
	if !slices.Equal(got, []string{"Amazon SQS"}) {
		t.Errorf("answers %v, want Amazon SQS", got)
	}
}

// TestStepsNotLifecycle: "steps" asks for a list of steps, which CodeDeploy's
// lifecycle events are not: the steps a note lists for registering
// on-prem servers answer, not the curated lifecycle-event relation.
func TestStepsNotLifecycle(t *testing.T) {
	e := engineWithNote(t, "onprem.md", "# CodeDeploy\n\n## Registering on-prem servers with CodeDeploy\n\n"+
		"1. Create an IAM role that the on-prem instances will assume\n2. Generate temporary credentials with STS\n"+
		"3. Set up a cron job that refreshes the credentials\n4. Install the CodeDeploy agent on each server\n")
	res := askHolding(t, e, "What are the steps, in order, to register on-prem servers with CodeDeploy?", nil)
	for _, n := range answerNames(res) {
		if n == "ApplicationStop" || n == "BeforeInstall" {
			t.Fatalf("steps answered with lifecycle events %v (reading %q)", answerNames(res), res.Reading)
		}
	}
	if len(res.Answers) < 3 {
		t.Errorf("answers %v (reading %q), want the four steps", answerNames(res), res.Reading)
	}
}

// TestTasksNotFeatures: "tasks", "actions" and "tools" ask for what a
// thing runs or takes, not for the features of the service it belongs
// to: a maintenance window's task types answer, not "what Maintenance
// Windows is a feature of".
func TestTasksNotFeatures(t *testing.T) {
	e := engineWithNote(t, "mw.md", "# Systems Manager\n\n## Maintenance Windows\n\n- tasks: Run Command, Automation, Lambda, Step Functions\n- schedule: cron or rate expressions\n")
	res := askHolding(t, e, "What kinds of tasks can an SSM maintenance window run?", []string{"Run Command", "AWS Lambda"})
	if containsStr(answerNames(res), "AWS Systems Manager") {
		t.Errorf("answers %v (reading %q) name the service the window is a feature of", answerNames(res), res.Reading)
	}
}

// TestFileExtensionNoLink: a file's extension (".config", ".yml") links
// no service, though "config" alone names AWS Config.
func TestFileExtensionNoLink(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("What sections/keys can go in a .ebextensions .config file?")
	if containsStr(a.linkIDs(), "service:aws-config") {
		t.Errorf("links %v: '.config' linked AWS Config", a.linkIDs())
	}
	if a := e.analyze("Which rules does AWS Config evaluate?"); !containsStr(a.linkIDs(), "service:aws-config") {
		t.Errorf("links %v lack AWS Config", a.linkIDs())
	}
}

// TestAbbreviationNoSentenceEnd: an abbreviation's period ("e.g.") ends no
// sentence, so the question a yes/no sentence asks before it stays yes/no.
func TestAbbreviationNoSentenceEnd(t *testing.T) {
	e := newEngine(t)
	q := "Can CloudWatch Events deliver cross-account, e.g. to an event bus in another account?"
	if a := e.analyze(q); !a.yesno {
		t.Errorf("%q read as no yes/no question (asked from %d)", q, a.askAt)
	}
	if a := e.analyze("I use S3 and SNS. Can SNS deliver cross-account?"); e.questionStart(a.text) == 0 {
		t.Errorf("a sentence's period no longer ends it")
	}
}

// TestSubordinateClauseScene: a leading subordinate clause sets the scene
// of the wh-question after its comma: the question is asked from there.
func TestSubordinateClauseScene(t *testing.T) {
	e := newEngine(t)
	q := "If my CloudWatch Logs subscription goes to Kinesis Data Firehose, where can Firehose then deliver the data?"
	a := e.analyze(q)
	if want := strings.Index(q, "where"); a.askAt != want {
		t.Errorf("asked from %d, want %d (the wh-question after the if-clause)", a.askAt, want)
	}
	if a := e.analyze("If the alarm fires and SNS is down what happens?"); a.askAt != 0 {
		t.Errorf("an if-clause with no comma before the wh-word: asked from %d, want 0", a.askAt)
	}
}

// TestYesNoFollowUp: a yes/no question after a wh-question asks a detail
// of its answer; the wh-question is the one asked. A yes/no question after
// a statement is still asked.
func TestYesNoFollowUp(t *testing.T) {
	e := newEngine(t)
	for q, yesno := range map[string]bool{
		"AWS Config automatic remediation - what does it run? can it use Lambda?": false,
		"Which services notify SNS? Does CodeCommit?":                             false,
		"I use S3 and SNS. Can SNS deliver cross-account?":                        true,
		"Can SNS deliver cross-account?":                                          true,
	} {
		if a := e.analyze(q); a.yesno != yesno {
			t.Errorf("%q: yes/no %v, want %v (asked from %d)", q, a.yesno, yesno, a.askAt)
		}
	}
}

// TestCapabilityQualifiesTheNoun: a capability written before the noun it
// qualifies ("a cross-account CloudWatch Logs subscription") narrows the
// answers to those that have it, and "destination ... for X" is what X
// flows to, not what flows to X.
func TestCapabilityQualifiesTheNoun(t *testing.T) {
	e := newEngine(t)
	res := askHolding(t, e, "Which destination can I use for a cross-account CloudWatch Logs subscription?", []string{"Amazon Kinesis Data Streams"})
	if got := answerNames(res); containsStr(got, "AWS Lambda") || containsStr(got, "Amazon CloudWatch Logs") {
		t.Errorf("answers %v (reading %q): not narrowed to the cross-account destination", got, res.Reading)
	}
}

// TestPathFromAfterInfinitive: "how to get X from Y" is a path from Y to
// X; the infinitive's "to" bounds no "from" phrase.
func TestPathFromAfterInfinitive(t *testing.T) {
	e := newEngine(t)
	res := askHolding(t, e, "how to get an SNS alert from a pattern in CloudWatch Logs - chain of components", []string{"Amazon CloudWatch Logs", "Metric filter", "Amazon SNS"})
	if got := answerNames(res); len(got) < 4 || got[0] != "Amazon CloudWatch Logs" || got[len(got)-1] != "Amazon SNS" {
		t.Errorf("answers %v (reading %q), want the chain from CloudWatch Logs to SNS", got, res.Reading)
	}
}

// TestMergeTiesKeepsPolarity: a relation the notes deny never merges into
// one they state, though both match the question's words alike.
func TestMergeTiesKeepsPolarity(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("Which services send notifications to SNS?")
	rel := func(pred string, score float64) *candidate {
		return &candidate{typ: candRelation, anchor: "service:amazon-sns", inverse: true, pred: pred, rel: []string{ingest.Stem("send"), ingest.Stem("notifications")}, score: score, ends: []string{pred}}
	}
	stated := rel("rel:send notification", 1.0)
	denied := rel("rel:not send notification", 0.95)
	if got := mergeTies(a, []*candidate{stated, denied}); len(got) != 2 || len(got[0].ends) != 1 {
		t.Errorf("a denied relation merged into a stated one: %d readings, ends %v", len(got), got[0].ends)
	}
	if got := mergeTies(a, []*candidate{stated, rel("rel:send notification to", 0.95)}); len(got) != 1 {
		t.Errorf("two stated relations that read alike stayed apart: %d readings", len(got))
	}
}

// TestRelationNamesTheEntity: a relation whose own words name an entity
// the question gives ("canary option" for "... canary ...
// configurations") reads it better than its sibling ("linear option"),
// and "configurations" finds "options".
func TestRelationNamesTheEntity(t *testing.T) {
	e := engineWithNote(t, "ecs.md", "## Deploy to ECS\n\n- Deployment traffic-shifting strategies:\n    - Linear: grow traffic every N minutes. Options:\n        - `ECSLinear10PercentEvery3Minutes`\n        - `ECSLinear10PercentEvery10Minutes`\n    - Canary: try X percent then 100%. Options:\n        - `ECSCanary10Percent5Minutes`\n        - `ECSCanary10Percent30Minutes`\n")
	res := askHolding(t, e, "codedeploy ECS canary predefined configurations", []string{"ECSCanary10Percent5Minutes", "ECSCanary10Percent30Minutes"})
	if got := answerNames(res); containsStr(got, "ECSLinear10PercentEvery3Minutes") {
		t.Errorf("answers %v (reading %q) hold the linear options", got, res.Reading)
	}
}

// TestAskedForNounIsTheEntitys: the asked-for noun ("events") names what
// the entity after it relates to ("which repository events can a
// CodeCommit trigger fire on" reads CodeCommit's events), and a relation
// named by a kind word ("Events:") answers with things of that kind.
func TestAskedForNounIsTheEntitys(t *testing.T) {
	e := engineWithNote(t, "cc.md", "## CodeCommit\n\n- Triggers - SNS or Lambda - to initiate an action\n  - Events:\n    - push to existing branch\n    - create branch or tag\n    - delete branch or tag\n")
	res := askHolding(t, e, "Which repository events can a CodeCommit trigger fire on?", []string{"push to existing branch", "create branch or tag", "delete branch or tag"})
	if got := answerNames(res); containsStr(got, "Amazon SNS") {
		t.Errorf("answers %v (reading %q) hold the trigger's targets", got, res.Reading)
	}
}

// TestAttributeConstraint: a list reading is narrowed to the things whose
// attribute (a column they share) the question states, and stays narrow:
// no whole list or tie puts the others back.
func TestAttributeConstraint(t *testing.T) {
	e := engineWithNote(t, "eb.md", `# AWS Elastic Beanstalk

## Deployment policies

| Policy | Downtime | Capacity during deploy | Rollback |
|---|---|---|---|
| All at once | yes | none while deploying | manual redeploy |
| Rolling | no | reduced by one batch | manual redeploy |
| Rolling with additional batch | no | full | manual redeploy |
| Immutable | no | full (double) | terminate new ASG |
| Traffic splitting | no | full (double) | reroute traffic |
`)
	res := askHolding(t, e, "Elastic Beanstalk: which deployment policies keep full capacity during the deploy?", []string{"Rolling with additional batch", "Immutable", "Traffic splitting"})
	for _, n := range answerNames(res) {
		if n == "Rolling" || n == "All-at-once" || n == "All at once" {
			t.Errorf("answers %v (reading %q) hold %q, whose capacity is not full", answerNames(res), res.Reading, n)
		}
	}
	// a question that states no attribute of them gets the whole list
	askHolding(t, e, "What deployment policies does Elastic Beanstalk have?", []string{"Rolling", "Immutable", "Traffic splitting"})
	// the things of a kind are narrowed alike, with no entity named
	res = askHolding(t, e, "which deployment policies keep full capacity during the deploy?", []string{"Immutable", "Traffic splitting"})
	if got := answerNames(res); containsStr(got, "Rolling") || len(got) > 3 {
		t.Errorf("kind reading: answers %v (reading %q), want the three at full capacity", got, res.Reading)
	}
	// a question that denies the attribute keeps the things whose value is another
	res = askHolding(t, e, "which Elastic Beanstalk deployment policies do not keep full capacity during the deploy?", []string{"Rolling"})
	if got := answerNames(res); containsStr(got, "Immutable") || containsStr(got, "Traffic splitting") {
		t.Errorf("negated: answers %v (reading %q) hold a policy at full capacity", got, res.Reading)
	}
}

// TestAliasReading: a question that asks what a name stands for is
// answered by the entity the name links to, on a line that writes both
// names, and one that asks another name of an entity by the one written
// beside it; "calls" is no word that asks for a name.
func TestAliasReading(t *testing.T) {
	e := newEngine(t)
	for q, want := range map[string]string{
		"red/black deployment is another name for what": "Blue/Green",
		"What is CloudWatch Events called now?":         "Amazon EventBridge",
		// the other way: the entity's other name a line writes beside the
		// name given ("Blue/Green Deployment (aka Red/Black)"), not a
		// spelling of it ("blue-green")
		"blue/green deployment also known as?":      "Red/Black",
		"what is blue green deployment also called": "Red/Black",
	} {
		res := askHolding(t, e, q, []string{want})
		if res.Intent != string(candAlias) || len(res.Answers) != 1 {
			t.Errorf("%q: intent %q, answers %v; want the one entity the name stands for", q, res.Intent, answerNames(res))
		}
	}
	res, err := e.Ask(t.Context(), "Which kinds of API calls can't trigger a CloudWatch Events rule via the CloudTrail integration?")
	if err != nil {
		t.Fatal(err)
	}
	if res.Intent == string(candAlias) {
		t.Errorf("'API calls' read as asking for a name (%q)", res.Reading)
	}
}

// TestLineConstraint: a list reading is narrowed to the things whose own
// lines say what the question says of them, when the notes state it in
// prose, not as a column; words every thing's line says, or a common word
// or two of a longer question, narrow nothing.
func TestLineConstraint(t *testing.T) {
	e := engineWithNote(t, "cd.md", `# AWS CodeDeploy

## Deployment configurations for Lambda

* Canary: shifts ten percent of traffic first, then the rest after a wait.
* Linear: shifts traffic in equal increments every few minutes.
* AllAtOnce: shifts all traffic at once; fastest but riskiest.
`)
	all := []string{"Canary", "Linear", "All-at-once"}
	res := askHolding(t, e, "Which CodeDeploy deployment configuration is the fastest, even if riskiest?", []string{"All-at-once"})
	if got := answerNames(res); len(got) != 1 {
		t.Errorf("answers %v (reading %q), want the one configuration whose line says fastest and riskiest", got, res.Reading)
	}
	askHolding(t, e, "What deployment configurations does CodeDeploy offer for Lambda?", all)
	// "shifts traffic" is said of every configuration
	askHolding(t, e, "Which CodeDeploy deployment configurations shift traffic?", all)
}

// TestNamedRelationOverTyped: a relation the notes name by a name the
// question gives ("Canary: ... Options:" of ECS) answers "which canary
// options", not the typed relation of the same node the asked-for words
// also fit (ECS's deployment types).
func TestNamedRelationOverTyped(t *testing.T) {
	e := engineWithNote(t, "ecs.md", `# Amazon ECS

- Deployment traffic-shifting strategies:
    - Linear: grow traffic every N minutes. Options:
        - `+"`ECSLinear10PercentEvery3Minutes`"+`
        - Custom
    - Canary: try X percent then 100%. Options:
        - `+"`ECSCanary10Percent5Minutes`"+`
        - `+"`ECSCanary10Percent30Minutes`"+`
`)
	res := askHolding(t, e, "Which canary traffic-shifting options exist for ECS?", []string{"ECSCanary10Percent5Minutes", "ECSCanary10Percent30Minutes"})
	if got := answerNames(res); len(got) != 2 {
		t.Errorf("answers %v (reading %q), want the two canary options", got, res.Reading)
	}
}

// TestCountedAnswers: "how many readers ..." is answered by the number of
// a count of readers ("2 readers" → "2"); a line that bounds the number
// ("no more than 2") states it, it does not deny it.
func TestCountedAnswers(t *testing.T) {
	e := engineWithNote(t, "ddb.md", `# DynamoDB Streams

- Write 1MB/s, read 2MB/s per shard
- NOTE no more than 2 readers (else it throttles) from a stream at once
`)
	res, err := e.Ask(t.Context(), "how many readers can read from a DynamoDB stream at once before it throttles?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || got[0] != "2" {
		t.Errorf("answers %v (reading %q), want the number 2", got, res.Reading)
	}
}

// TestReplicationNames: S3's replication features are names the
// dictionary knows ("CRR"), so a question that names one is read, not
// refused as naming nothing.
func TestReplicationNames(t *testing.T) {
	e := newEngine(t)
	res, err := e.Ask(t.Context(), "I just enabled CRR on a bucket that already holds millions of objects - how do I get the old objects copied too?")
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	if !slices.Contains(res.Understood, "S3 Cross-Region Replication") {
		t.Errorf("understood %v, want S3 Cross-Region Replication", res.Understood)
	}
}

// TestNegationOutweighsSupport: for a negated question ("which services
// have no notification at all?") a denied relation the question's lines do
// not state outscores a stated one that its lines support fully: agreeing
// with the question's negation weighs more than the support a line gives.
func TestNegationOutweighsSupport(t *testing.T) {
	var denied, stated features
	denied[featCoverage], denied[featKindFit], denied[featNegAgree], denied[featUnsupported] = 0.96, 1, 1, 1
	stated[featCoverage], stated[featKindFit], stated[featNegQuestion], stated[featSupport] = 0.96, 1, 1, 1
	if d, s := weights.dot(&denied), weights.dot(&stated); d <= s+0.05 {
		t.Errorf("denied reading %.3f, stated reading with full support %.3f: want the denial ahead", d, s)
	}
}

// TestMergeTiesKeepsStepsApart: the steps of a section ("send notification
// step": "Pick SNS topic as target") are actions and do not join the things
// a typed predicate answers with ("What can CodeCommit notify?" -> SNS,
// Lambda), though they read the question alike; two open relations do.
func TestMergeTiesKeepsStepsApart(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("What can CodeCommit notify?")
	rel := func(pred string, score float64) *candidate {
		return &candidate{typ: candRelation, anchor: "service:aws-codecommit", pred: pred, rel: []string{ingest.Stem("notify")}, score: score, ends: []string{pred}}
	}
	typed := rel(graph.PredNotifies, 1.0)
	steps := rel("rel:send notification step", 0.95)
	if got := mergeTies(a, []*candidate{typed, steps}); len(got) != 2 || len(got[0].ends) != 1 {
		t.Errorf("a step relation merged into a typed one: %d readings, ends %v", len(got), got[0].ends)
	}
	if got := mergeTies(a, []*candidate{rel("rel:notify", 1.0), steps}); len(got) != 1 {
		t.Errorf("two open relations that read alike stayed apart: %d readings", len(got))
	}
}

// TestStepChain: a question that asks for a chain, or for services in
// order, and names no ends is
// answered by a procedure's steps as the chain of the services they name,
// in order, the procedure's subject first.
func TestStepChain(t *testing.T) {
	note := []string{
		"### Amazon GuardDuty",
		"- 1) Respond to findings automatically",
		"  - Install the GuardDuty agent",
		"  - Set up the detector to output notification to SNS",
		"  - Trigger a Lambda from SNS to do the fix",
	}
	want := []string{"Amazon GuardDuty", "Amazon SNS", "AWS Lambda"}
	for _, q := range []string{
		"How do I respond to GuardDuty findings automatically? give the chain of services",
		"In what order do the services fire to respond to GuardDuty findings automatically?",
	} {
		res, got := askOneNote(t, "steps.md", note, q)
		if res.Intent != "path" || !slices.Equal(got, want) {
			t.Errorf("%q: intent %s, answers %v; want the path %v", q, res.Intent, got, want)
		}
	}
}

// askOneNote asks a question of the embedded notes plus one note of the
// given lines, and returns the result and its answers' names in order.
func askOneNote(t *testing.T, name string, lines []string, question string) (*Result, []string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := newEngine(t, dir).Ask(context.Background(), question)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range res.Answers {
		got = append(got, a.Name)
	}
	return res, got
}

// TestCheckMarkAttribute: a list narrowed by an attribute a check-mark
// table gives: a question that denies it keeps the rows with a cross.
func TestCheckMarkAttribute(t *testing.T) {
	res, got := askOneNote(t, "tables.md", []string{
		"## AWS Elastic Beanstalk",
		"",
		"| Deployment policy | Reduced capacity during deploy | Downtime |",
		"|---|---|---|",
		"| All at once | ✅ | ✅ |",
		"| Rolling | ✅ (one batch out) | ❌ |",
		"| Rolling with additional batch | ❌ | ❌ |",
		"| Immutable | ❌ | ❌ |",
	}, "Elastic Beanstalk: which deployment policies don't reduce capacity during the deploy?")
	slices.Sort(got)
	if want := []string{"Immutable", "Rolling with additional batch"}; !slices.Equal(got, want) {
		t.Errorf("answers %v (%s), want %v", got, res.Intent, want)
	}
}

// TestEntityInNoteConcept: a concept one note names by a known entity and
// other words ("SNS notifications") does not swallow the entity: a
// question that writes the same words names the entity.
func TestEntityInNoteConcept(t *testing.T) {
	dir := t.TempDir()
	note := "### AWS Config\n- Configuration tracking\n  - SNS notifications - not rule level, across all of AWS Config\n"
	if err := os.WriteFile(filepath.Join(dir, "config.md"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	e := newEngine(t, dir)
	concept := ""
	for id, n := range e.names {
		if n.Name == "SNS notifications" && e.isNoteConcept(id) {
			concept = id
		}
	}
	if concept == "" {
		t.Fatal("the note made no concept named SNS notifications: the test needs another note")
	}
	a := e.analyze("Which services can't send SNS notifications directly?")
	var ids []string
	for _, l := range a.links {
		ids = append(ids, l.id)
	}
	if !slices.Contains(ids, "service:amazon-sns") || slices.Contains(ids, concept) {
		t.Errorf("links %v; want Amazon SNS, not the note's concept %s", ids, concept)
	}
}

// TestListNarrowedByItsLines: a list reading is narrowed to the item whose
// own line says the question's other words, though they are fewer than
// half of them and another constraint reads the list too ("keeps secrets
// and config data for my builds" over "Parameter Store: stores
// configuration data and secrets").
func TestListNarrowedByItsLines(t *testing.T) {
	e := engineWithNote(t, "ssm.md", "# Systems Manager\n\n## Capabilities\n\n- Patch Manager: deploys OS patches across groups of instances\n- Run Command: runs commands on managed instances\n- Parameter Store: stores configuration data and secrets\n- Session Manager: opens shells without SSH or bastion hosts\n")
	got := askNames(t, e, "Which Systems Manager capability keeps secrets and config data for my builds?")
	if !slices.Equal(got, []string{"SSM Parameter Store"}) {
		t.Errorf("answers %v, want SSM Parameter Store", got)
	}
}

// TestListNarrowedByDenials: a question that negates its verb ("which
// events can't run my scripts") is answered by the list's things whose
// lines deny it, each denial of the names in its own part of the line
// ("DownloadBundle and Install are reserved ...: you cannot run scripts"),
// not of every name the line holds.
func TestListNarrowedByDenials(t *testing.T) {
	e := engineWithNote(t, "cd.md", "# CodeDeploy\n\n## In-place hooks\n\n- Lifecycle events in order: ApplicationStop -> DownloadBundle -> BeforeInstall -> Install -> AfterInstall -> ApplicationStart -> ValidateService\n- DownloadBundle and Install are reserved for the agent: you cannot run scripts in them\n")
	for _, q := range []string{"Which CodeDeploy lifecycle events can't run my scripts?", "which codedeploy lifecycle events are you unable to run scripts in"} {
		got := askNames(t, e, q)
		if !slices.Equal(got, []string{"DownloadBundle", "Install"}) {
			t.Errorf("%q: answers %v, want DownloadBundle, Install", q, got)
		}
	}
	if got := e.deniedOf("BeforeInstall -> Install (cannot run script) -> AfterInstall", "BeforeInstall"); got != nil {
		t.Errorf("a chain's denial of Install read as BeforeInstall's: %v", got)
	}
}

// TestSingleOutByName: of the answers to a question that asks for one
// thing, the one whose name holds the question's words ("Patch Manager"
// for "patches") wins a tie of the lines about them.
func TestSingleOutByName(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("Which Systems Manager capability patches a group of instances?")
	c := &candidate{anchor: "service:aws-systems-manager", rel: e.relationWords(graph.PredFeature, false)}
	answers := []Answer{
		{Name: "Run Command", ID: "feature:run-command", details: []string{"Run Command runs a patch script on a group of instances"}},
		{Name: "Patch Manager", ID: "feature:patch-manager", details: []string{"Patch Manager deploys software to instances"}},
	}
	got := e.singleOut(a, c, answers)
	if len(got) != 1 || got[0].ID != "feature:patch-manager" {
		t.Errorf("single out %v, want Patch Manager", got)
	}
}

// TestYesNoQuestionGetsAVerdict: a question that asks whether ("Can a
// CloudWatch Logs subscription push data to ...?") is answered yes or no,
// not by the names a relation that matches its words lists.
func TestYesNoQuestionGetsAVerdict(t *testing.T) {
	e := newEngine(t)
	res, err := e.Ask(t.Context(), "Can a CloudWatch Logs subscription push data to a Firehose delivery stream in a different account?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); res.Intent != "yes-no" || len(got) != 1 || got[0] != "yes" && got[0] != "no" {
		t.Errorf("%s %v (%s), want a verdict", res.Intent, got, res.Reading)
	}
}

// TestOrderAsksForASequence: an ordering question is read as the sequence
// of things it names ("codedeploy ec2 lifecycle event order": CodeDeploy's
// lifecycle events, EC2 qualifying them as CodeDeploy does), not as how
// its two names relate (one answer, no order).
func TestOrderAsksForASequence(t *testing.T) {
	e := newEngine(t)
	res := askHolding(t, e, "codedeploy ec2 lifecycle event order", []string{"ApplicationStop", "BeforeInstall", "ValidateService"})
	if got := answerNames(res); got[0] != "ApplicationStop" || res.Intent == "connection" {
		t.Errorf("answers %v (%s, reading %q), want the hooks in order", got, res.Intent, res.Reading)
	}
}

// TestCountNamedByItsNumber: a value answer that counts the very things
// the question names is named by its number ("2", not "2 subscription
// filters"); one that counts other things keeps the line's words.
func TestCountNamedByItsNumber(t *testing.T) {
	e := newEngine(t)
	qs := ingest.Quantities("max 2 subscription filters per log group")
	if len(qs) != 1 || qs[0].Dimension != "count" {
		t.Fatalf("quantities %+v, want one count", qs)
	}
	for _, tt := range []struct{ q, want string }{
		{"max subscription filters per log group?", "2"},
		{"what limits does a log group have?", "2 subscription filters"},
	} {
		if got := countName(e.analyze(tt.q), qs[0]); got != tt.want {
			t.Errorf("%q: named %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestValueKeyedByAValue: a question that gives a value and asks for
// another is answered by the value the notes pair with it: a line's
// quantity right after the given one ("1-hour points 455 days"), or the
// value a table row ties to it (the embedded notes' "60s | 15d"); two
// quantities joined by "or" are alternatives, no pair.
func TestValueKeyedByAValue(t *testing.T) {
	e := engineWithNote(t, "metrics.md", "# Amazon CloudWatch\n\n"+
		"- Custom metrics come at a resolution of one minute or one second.\n"+
		"- Retention of metric data points: 1-minute points 15 days, 5-minute points 63 days, 1-hour points 455 days\n")
	for _, tt := range []struct{ q, want string }{
		{"How long does CloudWatch keep 5-minute metric data points?", "63 days"},
		{"how long are 1-hour CloudWatch data points kept", "455 days"},
		{"How long does CloudWatch keep metric datapoints at 60-second resolution?", "15 days"},
	} {
		res, err := e.Ask(t.Context(), tt.q)
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		if got := answerNames(res); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q: answers %v (reading %q), want %s", tt.q, got, res.Reading, tt.want)
		}
	}
	// two values given: the value paired with each
	res, err := e.Ask(t.Context(), "how long are 5-minute vs 1-minute CloudWatch data points kept")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 2 || !containsStr(got, "63 days") || !containsStr(got, "15 days") {
		t.Errorf("answers %v (reading %q), want 63 days and 15 days", got, res.Reading)
	}
}

// TestValueKeyedInATable: the embedded notes' table row "300s (5min) |
// 63d" answers a question keyed by "5-minute", whose word the row spells
// otherwise, over the line that stores data "with a resolution of 1 second"
// and names no 5 minutes; the answer spells its unit out.
func TestValueKeyedInATable(t *testing.T) {
	e := newEngine(t)
	res, err := e.Ask(t.Context(), "How long does CloudWatch keep metric data points at 5-minute resolution?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || got[0] != "63 days" {
		t.Errorf("answers %v (reading %q), want 63 days", got, res.Reading)
	}
}

// TestValueBeforeItsKeys: a value question answered by a line that opens
// with a number and a dash ("1000 – Asia Pacific (Tokyo), Europe
// (Frankfurt)") is answered with the number, not the names after it.
func TestValueBeforeItsKeys(t *testing.T) {
	e := engineWithNote(t, "lambda.md", "# AWS Lambda\n\n- Default burst concurrency limits\n  - 3000 – US West (Oregon), Europe (Ireland)\n  - 1000 – Asia Pacific (Tokyo), Europe (Frankfurt)\n  - 500 – Other Regions\n")
	res, err := e.Ask(t.Context(), "What is the default Lambda burst concurrency limit in Europe (Frankfurt)?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || got[0] != "1000" {
		t.Errorf("answers %v (reading %q), want 1000", got, res.Reading)
	}
}

// TestCountBoundAfterItsNoun: "how many X" is answered by the number a
// line bounds right after X ("branch names (at most 10)"), the noun found
// by the word before it when no line is indexed by it ("names").
func TestCountBoundAfterItsNoun(t *testing.T) {
	e := engineWithNote(t, "codecommit.md", "# AWS CodeCommit\n\n- A repository trigger can watch chosen branch names (at most 10), or all branches\n")
	res, err := e.Ask(t.Context(), "How many branch names can one CodeCommit trigger watch?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || got[0] != "10" {
		t.Errorf("answers %v (reading %q), want 10", got, res.Reading)
	}
}

// TestSameValue: one amount the notes write in several spellings is one
// answer, named by the spelling that writes its unit out and citing every
// line; another amount is not merged.
func TestSameValue(t *testing.T) {
	got := sameValue(Answer{Name: "15d", Sources: []string{"a.txt:1"}}, []Answer{
		{Name: "15d", Sources: []string{"a.txt:1"}},
		{Name: "15 days", Sources: []string{"b.txt:6"}},
		{Name: "63 days", Sources: []string{"b.txt:7"}},
		{Name: "455 days", Sources: []string{"c.txt:2"}},
	})
	if got.Name != "15 days" || !slices.Equal(got.Sources, []string{"a.txt:1", "b.txt:6"}) {
		t.Errorf("sameValue = %q %q, want \"15 days\" citing a.txt:1, b.txt:6", got.Name, got.Sources)
	}
	got = sameValue(Answer{Name: "15 months", Sources: []string{"a.txt:3"}}, []Answer{{Name: "455 days", Sources: []string{"c.txt:2"}}})
	if !slices.Equal(got.Sources, []string{"a.txt:3", "c.txt:2"}) {
		t.Errorf("15 months and 455 days: sources %q, want both lines", got.Sources)
	}
}

// TestChainAfterColon: a line that ends with a colon introduces the chain
// on the next line; an ordering question that matches the first is
// answered by the second's hops, in order.
func TestChainAfterColon(t *testing.T) {
	e := noteEngine(t, "chat.txt", "Tutor: For an Elastic Beanstalk immutable update the phases run as:\nLaunchTemp -> BakeTemp -> SwapTemp -> RetireTemp\n")
	res, err := e.Ask(t.Context(), "Order of the phases of an Elastic Beanstalk immutable update?")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := answerNames(res), []string{"LaunchTemp", "BakeTemp", "SwapTemp", "RetireTemp"}; !slices.Equal(got, want) {
		t.Errorf("answers %q, want %q", got, want)
	}
}

// TestLineConstraintIgnoresPrepositions: the question's prepositions
// ("during", "after") tell no answer's line apart: "capacity drops during
// and after the deploy" does not say "keep full capacity during and after
// it".
func TestLineConstraintIgnoresPrepositions(t *testing.T) {
	e := engineWithNote(t, "eb.md", "# Elastic Beanstalk\n\n## Deployment policies\n\n- All at once - fastest, but a short outage; no extra cost.\n- Rolling - one batch at a time; capacity drops during and after the deploy.\n- Rolling with additional batch - launches an extra batch first so full capacity is kept.\n- Immutable - new instances in a temporary Auto Scaling group. Full capacity, slowest and most expensive.\n")
	got := askNames(t, e, "Which Elastic Beanstalk deployment policies keep full capacity during and after the deployment?")
	if !slices.Equal(got, []string{"Rolling with additional batch", "Immutable"}) {
		t.Errorf("answers %v, want Rolling with additional batch and Immutable", got)
	}
}

// TestRelationVerdictOfTheAskedThing: the yes/no verdict of a relation
// between the two things a question names reads the relation's line that
// holds most of the question, and a denial in it counts only when it is of
// the thing asked about ("Triggers to SNS only (no lambda ...)" denies
// Lambda, not SNS); a question that asks for a flow towards one of them
// ("an SNS message to CodeDeploy") is not answered by the flow the other
// way (CodeDeploy notifies SNS).
func TestRelationVerdictOfTheAskedThing(t *testing.T) {
	e := engineWithNote(t, "cd.md", "# AWS CodeDeploy\n\n"+
		"- Triggers to SNS only (no lambda unlike CodeCommit)\n"+
		"- Deployment triggers can notify SNS\n"+
		"- CodeDeploy is not a destination for SNS messages.\n")
	for _, tt := range []struct{ q, want string }{
		{"can CodeDeploy send notifications to SNS?", "yes"},
		{"Can I publish an SNS message straight to CodeDeploy?", "no"},
		{"can CodeDeploy trigger Lambda directly?", "no"},
	} {
		res := askHolding(t, e, tt.q, []string{tt.want})
		if len(res.Answers) != 1 {
			t.Errorf("%q: answers %v, want one verdict", tt.q, answerNames(res))
		}
	}
	// the relation line that holds the question's words decides, not a
	// line of the relation on something else that says "only"
	e = newEngine(t)
	askHolding(t, e, "can a lambda alias send a percentage of traffic to two different versions for a canary?", []string{"yes"})
}

// TestVerdictDenialBreaksATie: when relations between the two things a
// yes/no question names match its words as well, a denial among them
// decides: the embedded blog files "targets: sns / lambda" under
// CodeDeploy's trigger, a note of one's own says "Triggers to SNS only (no
// lambda ...)".
func TestVerdictDenialBreaksATie(t *testing.T) {
	e := engineWithNote(t, "cd.md", "# AWS CodeDeploy\n\n- Triggers to SNS only (no lambda unlike CodeCommit)\n")
	res := askHolding(t, e, "can a CodeDeploy trigger invoke a lambda function directly?", []string{"no"})
	if len(res.Answers) != 1 {
		t.Errorf("answers %v, want one verdict", answerNames(res))
	}
}

// TestTypedRelationOfTheAskedKind: a typed relation named by a word of
// the asked-for phrase takes the place of a better open one only when its
// answers are of the kind asked for: "does not notify" (CloudWatch
// Metrics) is no whole list of the lifecycle events CodeDeploy cannot
// script, and its lexicon word "events" does not read the asked-for noun
// when none of its answers is an event.
func TestTypedRelationOfTheAskedKind(t *testing.T) {
	e := engineWithNote(t, "cd.md", "- CodeDeploy\n  - EC2 in-place hook order:\n    - ApplicationStop\n    - DownloadBundle\n    - BeforeInstall\n    - Install\n"+
		"    - can NOT script: DownloadBundle, Install, BlockTraffic, AllowTraffic (reserved for agent)\n")
	askHolding(t, e, "Which CodeDeploy lifecycle events can't I run my own scripts in?", []string{"DownloadBundle", "Install"})
	// nor does the lexicon's "events" of "does not notify" read the
	// asked-for noun when none of its answers is an event
	e = engineWithNote(t, "cd.md", "# AWS CodeDeploy\n\n- hooks\n  - can NOT script: DownloadBundle, BlockTraffic, AllowTraffic (reserved for agent)\n")
	res := askHolding(t, e, "Which CodeDeploy lifecycle events can't I run my own scripts in?", []string{"DownloadBundle"})
	if got := answerNames(res); containsStr(got, "Amazon CloudWatch Metrics") {
		t.Errorf("answers %v hold what CodeDeploy does not notify", got)
	}
}

// TestExclusiveVerdict: a yes/no question on two things the notes do not
// relate is answered no by a relation of the first that the notes
// restrict with "only" to something else; a question that asks for no
// verdict gets none from it.
func TestExclusiveVerdict(t *testing.T) {
	e := engineWithNote(t, "sec.md", "# Amazon Macie\n\n- Classifies sensitive data with machine learning\n- As of 2021 it only protects data in S3\n")
	res := askHolding(t, e, "Does Amazon Macie protect sensitive data stored in DynamoDB tables?", []string{"no"})
	if len(res.Answers) != 1 || res.Intent != "yes-no" {
		t.Errorf("answers %v (intent %s), want one verdict", answerNames(res), res.Intent)
	}
	if res, err := e.Ask(context.Background(), "Where does Amazon Macie protect sensitive data?"); err == nil && res.Intent == "yes-no" {
		t.Errorf("a where-question got a verdict: %v", answerNames(res))
	}
}

// TestRelationVerdictLeavesOutANamedThing: a relation between two of the
// three things a yes/no question names, on lines that say nothing of the
// third, decides it only weakly: "can I do an in-place deployment of an ECS
// service with CodeDeploy" is not answered by CodeDeploy supporting
// in-place deployments, but by the line on ECS.
func TestRelationVerdictLeavesOutANamedThing(t *testing.T) {
	e := engineWithNote(t, "cd.md", "# AWS CodeDeploy\n\n"+
		"- CodeDeploy supports in-place deployments and blue/green deployments\n\n"+
		"## Deploy to ECS\n\n"+
		"- ECS services: blue/green deployments only\n")
	res := askHolding(t, e, "Can I do an in-place deployment of an ECS service with CodeDeploy?", []string{"no"})
	if len(res.Answers) != 1 {
		t.Errorf("answers %v, want one verdict", answerNames(res))
	}
}

// TestVerdictCaveatSharesOwnWords: a denying line right after the best
// one qualifies it only when its own words, not just its heading, hold a
// word of the question the best line does not: "Do not affect
// service-linked roles" under "SCPs", or "Do not affect the management
// account" (its "account" the best line holds too), does not answer
// whether SCPs restrict a member account's root user, which the line
// before states.
func TestVerdictCaveatSharesOwnWords(t *testing.T) {
	e := engineWithNote(t, "gov.md", "# Governance\n\n## SCPs\n\n"+
		"- Never grant permissions, only set the maximum available\n"+
		"- Do affect every user and role in member accounts, including the root user\n"+
		"- Do not affect service-linked roles\n"+
		"- Do not affect the management account\n")
	res := askHolding(t, e, "do SCPs also restrict the root user in a member account?", []string{"yes"})
	if len(res.Answers) != 1 {
		t.Errorf("answers %v, want one verdict", answerNames(res))
	}
	askHolding(t, e, "Do SCPs affect the management account?", []string{"no"})
}

// TestValuesAnswerNoDoers: "what can produce records into a Kinesis
// stream?" asks for the things that do it: the producers a bare label
// heads in a flattened outline, not the producer-side limit's values.
func TestValuesAnswerNoDoers(t *testing.T) {
	e := newEngine(t)
	got := askNames(t, e, "what can produce/write records into a Kinesis Data Stream?")
	for _, w := range []string{"Kinesis Agent", "Kinesis Producer Library"} {
		if !containsStr(got, w) {
			t.Errorf("answers %v lack %q", got, w)
		}
	}
	if containsStr(got, "1 MB/s") {
		t.Errorf("answers %v hold the producer-side limit", got)
	}
}

// TestItemsQualifyHead: the items of a "Head: item, item" line that hold
// what a which-question asks of its answer make the head the answer, not
// the items.
func TestItemsQualifyHead(t *testing.T) {
	e := engineWithNote(t, "dr.txt", "DR cheat sheet\n\nDATABASES\n\n"+
		"RDS cross-Region read replicas: async, promote manually\n"+
		"Aurora Global Database: RPO typically ~1 second, RTO under 1 minute, up to 5 secondary Regions\n"+
		"DynamoDB global tables: multi-Region, multi-active, last writer wins\n")
	got := askNames(t, e, "Which database option gives a cross-Region relational DB with about 1 second RPO and RTO under a minute?")
	if len(got) != 1 || !strings.Contains(got[0], "Aurora Global Database") {
		t.Errorf("answers %v, want the line's head, Aurora Global Database", got)
	}
}

// TestValueQuestionNoSequence: the order words of a question for values
// ("what share goes first, how long before the rest") ask for no chain;
// the values of the line that holds the question answer.
func TestValueQuestionNoSequence(t *testing.T) {
	e := engineWithNote(t, "cd.md", "# CodeDeploy\n\n"+
		"- Deployment hooks behind a load balancer: BeforeBlockTraffic -> BlockTraffic -> AfterBlockTraffic\n"+
		"- The Canary10Percent5Minutes preference shifts 10% of traffic initially then completes the deployment after 5 minutes.\n")
	res := askHolding(t, e, "Canary10Percent5Minutes - what share of traffic goes first and how long before the rest shifts?", []string{"10%", "5 minutes"})
	if res.Intent == "path" {
		t.Errorf("read as a path: %v", answerNames(res))
	}
}

// TestDeniedScene: a negation before a name's article denies it too
// ("without a load balancer"), and a chain line about the denied scene ("In
// case we use a Load Balancer: BeforeBlockTraffic -> ...") is no chain
// the question reads; a line that denies the name as well ("With no load
// balancer: ...") is about the question's scene.
func TestDeniedScene(t *testing.T) {
	e := engineWithNote(t, "hooks.md", "# CodeDeploy in-place\n\n"+
		"- In case we use a Load Balancer: `BeforeBlockTraffic` -> `BlockTraffic` -> `AfterBlockTraffic` -> ...\n"+
		"- With no load balancer: ApplicationStop -> DownloadBundle -> BeforeInstall\n")
	for q, want := range map[string]bool{
		"What order do the hooks run in for an EC2 deployment without a load balancer?": true,
		"What order do the hooks run in for an EC2 deployment with no load balancer?":   true,
		"What order do the hooks run in for an EC2 deployment behind a load balancer?":  false,
	} {
		a := e.analyze(q)
		if got := containsStr(a.denied, "service:elastic-load-balancing"); got != want {
			t.Errorf("%q: load balancer denied %v, want %v (denied %v)", q, got, want, a.denied)
		}
		src, other := "", ""
		for i := 0; i < e.ix.NumStatements(); i++ {
			switch txt := e.ix.StatementText(i); {
			case strings.HasPrefix(txt, "In case we use"):
				src = e.ix.StatementSource(i)
			case strings.HasPrefix(txt, "With no load"):
				other = e.ix.StatementSource(i)
			}
		}
		if src == "" || other == "" {
			t.Fatal("no statement of the chain lines")
		}
		if got := e.statesDenied(a, src); got != want {
			t.Errorf("%q: the chain line states the denied scene: %v, want %v", q, got, want)
		}
		// a line that denies it too is about the question's scene
		if e.statesDenied(a, other) {
			t.Errorf("%q: the line with no load balancer read as the denied scene", q)
		}
	}
}

// TestWhatVerbAsksSubject: "what feeds events into X" asks for the things
// that flow into X: the word after "what" is the verb, no noun the answers
// are of.
func TestWhatVerbAsksSubject(t *testing.T) {
	e := engineWithNote(t, "bus.md", "# Security account event bus\n\n"+
		"- AWS Config -> Amazon EventBridge (compliance changes)\n"+
		"- Amazon GuardDuty -> Amazon EventBridge (findings)\n"+
		"- Amazon EventBridge -> AWS Lambda (rule: security group changes)\n")
	got := askNames(t, e, "what feeds events into the security account EventBridge bus?")
	for _, w := range []string{"AWS Config", "Amazon GuardDuty"} {
		if !containsStr(got, w) {
			t.Errorf("answers %v lack %q", got, w)
		}
	}
	if containsStr(got, "AWS Lambda") {
		t.Errorf("answers %v hold what EventBridge feeds", got)
	}
	// fixed bugs: a terse question has no wh-word before its focus
	askNames(t, e, "EventBridge targets?")
}

// TestDottedNameTerm: a question's dotted name ("example.com") is found in
// a line that the notes' words split at its dots, so the line's denial
// ("You can't create a CNAME record for example.com") holds a word of the
// question the line before it does not, and qualifies it.
func TestDottedNameTerm(t *testing.T) {
	e := newEngine(t)
	askHolding(t, e, "I registered example.com in Route 53. Can I put a CNAME record on example.com itself (the zone apex)?", []string{"no"})
}

// TestBareLabelHeadsItems: in a flattened outline a bare label line
// ("UpdatePolicy attributes") heads the run of named items after it
// ("AutoScalingRollingUpdate - replaces instances in batches", ...).
func TestBareLabelHeadsItems(t *testing.T) {
	e := engineWithNote(t, "up.md", "# CloudFormation\n\n"+
		"- Stack policies protect resources from updates\n"+
		"- UpdatePolicy attributes\n"+
		"- AutoScalingRollingUpdate - replaces instances in batches\n"+
		"- AutoScalingReplacingUpdate - creates a new group and swaps it in\n"+
		"- AutoScalingScheduledAction - keeps scheduled sizes during an update\n"+
		"- Stack sets deploy across accounts\n")
	got := askNames(t, e, "cfn UpdatePolicy attributes for an auto scaling group?")
	if !slices.Equal(got, []string{"AutoScalingRollingUpdate", "AutoScalingReplacingUpdate", "AutoScalingScheduledAction"}) {
		t.Errorf("answers %v, want the three items the label heads", got)
	}
}

// TestFeatureNameWordsReadRelation: a question that names a feature a
// note's list head made ("Elastic Beanstalk deployment policies") reads
// the service's relation in the feature's own words beyond the service's
// name ("AWS Elastic Beanstalk | deployment policy | Rolling").
func TestFeatureNameWordsReadRelation(t *testing.T) {
	e := engineWithNote(t, "eb.md", "# Elastic Beanstalk\n\n"+
		"- Deployment policies\n"+
		"    - All at once - fastest, causes downtime\n"+
		"    - Rolling - batch by batch, capacity reduced\n"+
		"    - Immutable - new instances in a temporary ASG\n")
	a := e.analyze("list the Elastic Beanstalk deployment policies")
	if len(a.terms) == 0 {
		t.Fatalf("no terms beyond the links %v", a.links)
	}
	askHolding(t, e, "list the Elastic Beanstalk deployment policies", []string{"Rolling", "Immutable"})
}

// TestValueKeyedByATableKey: a table row keyed by a quantity written
// with a unit word ("5 min | 63 days") pairs the two values, so it answers
// "retention for 5 minute datapoints".
func TestValueKeyedByATableKey(t *testing.T) {
	e := engineWithNote(t, "cw.org", "* CloudWatch Metrics\n- Standard resolution :: 1 minute. basic EC2 monitoring is 5 min\n** Retention (rolls up automatically)\n| data point period | kept for |\n|---+---|\n| 60 s | 15 days |\n| 5 min | 63 days |\n")
	res, err := e.Ask(t.Context(), "cw metrics retention for 5 minute datapoints")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || got[0] != "63 days" {
		t.Errorf("answers %v (reading %q), want 63 days", got, res.Reading)
	}
}

// TestRelationNamedAfterAKindedLink: a relation whose words name the
// entity a question links by its name and a kind word ("canary option"
// for "canary deployment configs") reads it, as it does for the name
// alone ("canary configs").
func TestRelationNamedAfterAKindedLink(t *testing.T) {
	e := engineWithNote(t, "codedeploy.md", "# AWS CodeDeploy\n\n## Deploy to ECS\n\n- Deployment traffic-shifting strategies:\n    - Linear: grow traffic every N minutes. Options:\n        - `ECSLinear10PercentEvery3Minutes`\n        - `ECSLinear10PercentEvery10Minutes`\n    - Canary: try X percent then 100%. Options:\n        - `ECSCanary10Percent5Minutes`\n        - `ECSCanary10Percent30Minutes`\n    - AllAtOnce: switch immediately to the new target group\n")
	for _, q := range []string{"predefined canary configs for CodeDeploy on ECS?", "predefined canary deployment configs for CodeDeploy to ECS?"} {
		res, err := e.Ask(t.Context(), q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if got := answerNames(res); len(got) != 2 || !containsStr(got, "ECSCanary10Percent5Minutes") || !containsStr(got, "ECSCanary10Percent30Minutes") {
			t.Errorf("%q: answers %v (reading %q), want the two ECS canary configs", q, got, res.Reading)
		}
	}
}

// TestRelationHeadNounNamesKind: an open relation's head noun is its last
// word before its verb ("hook" of "hook can actually", from "lambda hooks
// you can actually use: ..."), so its answers are of the kind a question
// for hooks asks, and the relation of the service the question names wins
// over another service's lifecycle events.
func TestRelationHeadNounNamesKind(t *testing.T) {
	e := engineWithNote(t, "chat.txt", "[20:30] kat: lambda + ecs deploys today\n"+
		"[20:31] kat: lambda hooks you can actually use: BeforeAllowTraffic and AfterAllowTraffic. thats it\n")
	res := askHolding(t, e, "For a CodeDeploy deployment to Lambda, which lifecycle hooks can I actually attach my own validation functions to?",
		[]string{"BeforeAllowTraffic", "AfterAllowTraffic"})
	if got := answerNames(res); containsStr(got, "ApplicationStop") {
		t.Errorf("answers %v hold the EC2 lifecycle events (reading %q)", got, res.Reading)
	}
}

// TestPlaceholderLetterNoTerm: "account B" names a placeholder, not a word
// the notes' lines hold; the letter weighs nothing in the question.
func TestPlaceholderLetterNoTerm(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("I want to ship log events from account A to account B via a subscription")
	for _, tm := range a.terms {
		if tm.stem == "b" || tm.stem == "a" {
			t.Errorf("terms %v hold the placeholder %q", a.terms, tm.stem)
		}
	}
}

// TestPhrasalVerbMeansItsWord: "turned on" asks what a line says "can be
// enabled on" (the lexicon's phrasal verbs), and the names the sentence's
// purpose clause gives ("so that traffic can be logged to CloudWatch
// Logs") are no objects of its verb.
func TestPhrasalVerbMeansItsWord(t *testing.T) {
	e := engineWithNote(t, "net.md", "# Networking\n\n"+
		"* VPC Flow Logs is a feature that can be enabled on a VPC, subnet or Elastic Network Interface (ENI) so that network traffic can be logged to CloudWatch Logs.\n")
	a := e.analyze("Which resources can VPC Flow Logs be turned on for?")
	if !slices.ContainsFunc(a.terms, func(tm term) bool { return tm.stem == "turn" && containsStr(tm.alts, ingest.Stem("enable")) }) {
		t.Errorf("terms %+v: want turn, with the stem of enable as its alternative", a.terms)
	}
	res := askHolding(t, e, "Which resources can VPC Flow Logs be turned on for?", []string{"subnet", "Elastic Network Interface"})
	if got := answerNames(res); containsStr(got, "Amazon CloudWatch Logs") {
		t.Errorf("answers %v hold the purpose clause's CloudWatch Logs (reading %q)", got, res.Reading)
	}
}

// TestWeakRelationVerdictLetsLineDecide: a relation whose lines hold none
// of a yes/no question's words, and that denies nothing itself, decides
// no more than the line that states what is asked ("Can deliver trails from
// multiple accounts into the same bucket"); a relation that is itself a
// denial still decides ("Trusted Advisor; SNS (native): -").
func TestWeakRelationVerdictLetsLineDecide(t *testing.T) {
	e := newEngine(t)
	for _, tt := range []struct{ q, want string }{
		{"Can trails from several AWS accounts be delivered into one and the same S3 bucket?", "yes"},
		{"Can Trusted Advisor send its notifications straight to an SNS topic?", "no"},
	} {
		res := askHolding(t, e, tt.q, []string{tt.want})
		if len(res.Answers) != 1 {
			t.Errorf("%q: answers %v, want only %s", tt.q, answerNames(res), tt.want)
		}
	}
}

// TestModalQuestionAsksNoKind: in "what can CodeDeploy deploy to?" the
// wh-word is the object, the name after the modal its subject and the word
// after the name its verb: no noun phrase asks for a kind (not strategies
// for "deploy").
func TestModalQuestionAsksNoKind(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("What can CodeDeploy deploy new app versions to?")
	if len(a.focus) > 0 || len(a.wants) > 0 {
		t.Errorf("focus %v wants %v, want none", a.focus, a.wants)
	}
}

// TestPhrasalVerbFindsOpposite: "turned on by default" finds, through
// its alternative "enable", the line that says "disabled by default", and
// that line decides no.
func TestPhrasalVerbFindsOpposite(t *testing.T) {
	e := newEngine(t)
	res := askHolding(t, e, "is ELB/ALB access logging turned on by default?", []string{"no"})
	if len(res.Answers) != 1 {
		t.Errorf("answers %v, want only no", answerNames(res))
	}
}

// TestLineItemsTrimKindAndArrow: the items of a line's list lose the
// asked-for noun that opens the first ("state Stopped" for "which
// states") and what an arrow after the last leads to.
func TestLineItemsTrimKindAndArrow(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("which states can instances be kept in?")
	_, items := e.lineItems(a, "warm pool = pre-initialized instances kept in state Stopped, Running or Hibernated -> fast scale-out for apps with long boot")
	if want := []string{"Stopped", "Running", "Hibernated"}; !slices.Equal(items, want) {
		t.Errorf("items %q, want %q", items, want)
	}
}

// TestIdentifiersNameTheStrategy: a strategy the question qualifies its
// answers by ("canary deployment configs") narrows a reading to the
// answers whose identifiers name it ("LambdaCanary10Percent5Minutes"),
// though no edge ties them to it, where the question puts it before or
// after the service.
func TestIdentifiersNameTheStrategy(t *testing.T) {
	e := newEngine(t)
	canary := []string{"LambdaCanary10Percent5Minutes", "LambdaCanary10Percent10Minutes", "LambdaCanary10Percent15Minutes", "LambdaCanary10Percent30Minutes"}
	linear := []string{"LambdaLinear10PercentEvery1Minute", "LambdaLinear10PercentEvery2Minute", "LambdaLinear10PercentEvery3Minute", "LambdaLinear10PercentEvery10Minute"}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"Which canary deployment configurations does CodeDeploy offer out of the box for Lambda?", canary},
		{"codedeploy lambda canary deployment configs?", canary},
		{"Which linear deployment configurations does CodeDeploy offer for Lambda?", linear},
	} {
		res := askHolding(t, e, tc.q, tc.want)
		if got := answerNames(res); len(got) != len(tc.want) {
			t.Errorf("%q: answers %v, want only %v (reading %q)", tc.q, got, tc.want, res.Reading)
		}
	}
}

// TestRestrictReadsAffect: "not restricted by" asks what a note says a
// policy does "not affect" or does "not apply" to (lexicon synonyms).
func TestRestrictReadsAffect(t *testing.T) {
	e := engineWithNote(t, "org.md", `# Organizations

## SCPs
- SCPs do not grant permissions, they set the maximum
- SCPs do not affect the management account
- SCPs do not affect service-linked roles
- restrict regions -> SCP Deny with aws:RequestedRegion
`)
	res := askHolding(t, e, "who/what is not restricted by an SCP?", []string{"management account", "service-linked roles"})
	if got := answerNames(res); len(got) != 2 {
		t.Errorf("answers %v, want only the management account and service-linked roles (reading %q)", got, res.Reading)
	}
}

// TestChainUnderDeniedHead: a chain written in a list whose head names
// what the question rules out ("with a load balancer the run is
// wrapped:") is not the chain asked for "... (no load balancer)".
func TestChainUnderDeniedHead(t *testing.T) {
	e := engineWithNote(t, "hooks.md", `# CodeDeploy

## AppSpec lifecycle hooks
### EC2/On-Prem in-place (in order)
1. `+"`ApplicationStop`"+`
2. `+"`DownloadBundle`"+` (agent only)
3. `+"`BeforeInstall`"+`
4. `+"`AfterInstall`"+`
5. `+"`ApplicationStart`"+`
6. `+"`ValidateService`"+`
- with a load balancer the run is wrapped:
  - before step 1: `+"`BeforeBlockTraffic` -> `BlockTraffic` -> `AfterBlockTraffic`"+`
  - after step 6: `+"`BeforeAllowTraffic` -> `AllowTraffic` -> `AfterAllowTraffic`"+`
`)
	res := askHolding(t, e, "What order do the AppSpec lifecycle events run in for an in-place deployment on EC2 (no load balancer)?", []string{"ApplicationStop", "ValidateService"})
	for _, a := range answerNames(res) {
		if strings.Contains(a, "Traffic") {
			t.Errorf("answers %v hold %s, a hook of the load balancer's run (reading %q)", answerNames(res), a, res.Reading)
		}
	}
}

// TestCompareNamedPair: a difference question compares the two things it
// names, not a word it links weakly ("latency") with one of them.
func TestCompareNamedPair(t *testing.T) {
	e := newEngine(t)
	res, err := e.Ask(context.Background(), "latency difference between kinesis data streams and kinesis firehose?")
	if err != nil {
		t.Fatal(err)
	}
	if res.Intent != "compare" || !strings.Contains(res.Reading, "Kinesis Data Streams") || !strings.Contains(res.Reading, "Kinesis Data Firehose") {
		t.Errorf("intent %q reading %q, want Kinesis Data Streams compared with Kinesis Data Firehose", res.Intent, res.Reading)
	}
}

// TestWhichAsksNoConnection: "which services ..." naming two services is
// not answered by how the notes relate the two (one of them).
func TestWhichAsksNoConnection(t *testing.T) {
	e := engineWithNote(t, "notif.md", `# Notifications and integrations

- Notifications without SNS - CloudWatch events only
  - Trusted Advisor
  - GuardDuty
  - OpsWorks
- Without CloudWatch events
  - Inspector (SNS or CW metrics only)
`)
	res, err := e.Ask(context.Background(), "Which AWS services can't notify via SNS and only emit CloudWatch Events?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); res.Intent == "connection" || len(got) == 1 && got[0] == "Amazon EventBridge" {
		t.Errorf("intent %s, answers %v (reading %q): one of the two services the question names", res.Intent, got, res.Reading)
	}
}

// TestBracketedQuestionIsAside: a question in brackets after the one that
// asks ("... what does it run? (can it use Lambda?)") makes it no yes/no
// question.
func TestBracketedQuestionIsAside(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		q     string
		yesno bool
	}{
		{"AWS Config automatic remediation - what does it run to fix things? (can it use Lambda?)", false},
		{"Can AWS Config automatic remediation use Lambda (or only SSM Automation)?", true},
	} {
		if a := e.analyze(tc.q); a.yesno != tc.yesno {
			t.Errorf("%q: yesno %v, want %v", tc.q, a.yesno, tc.yesno)
		}
	}
}

// TestScenarioPicksItemByItsBlock: a question that asks for one of a
// list's items by a scenario is answered by the item whose nested lines,
// together, hold most of it, though no single line holds it all.
func TestScenarioPicksItemByItsBlock(t *testing.T) {
	e := engineWithNote(t, "eb.md", `# Elastic Beanstalk

## Deployment policies
- `+"`AllAtOnce`"+`
  - new version to every instance at the same time
  - fastest, but downtime while instances update
  - no extra cost
- `+"`Rolling`"+`
  - deploys in batches, batch out of service while it updates
  - reduced capacity during the deploy
  - no extra instances -> no extra cost
- `+"`RollingWithAdditionalBatch`"+`
  - launches one extra batch first -> full capacity the whole time
  - small extra cost (the extra batch)
  - pick this for prod when you can't lose capacity
- `+"`Immutable`"+`
  - new instances launched in a temporary asg
  - double capacity for a while -> highest cost
`)
	res, err := e.Ask(context.Background(), "Prod Beanstalk app, I can't drop below full capacity during a deploy but want to keep cost low. Which deployment policy?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || !strings.Contains(strings.ToLower(strings.ReplaceAll(got[0], " ", "")), "rollingwithadditionalbatch") {
		t.Errorf("answers %v (reading %q), want Rolling with additional batch alone", got, res.Reading)
	}
}

// TestTimesOutReadsTimeout: "before it times out" reads a relation the
// notes write as the one word "Timeout" (Lambda's, not the Auto Scaling
// line that holds "longest time" as written).
func TestTimesOutReadsTimeout(t *testing.T) {
	e := engineWithNote(t, "lambda.md", "# Lambda\n\n## Limits worth memorising\n\n"+
		"* Timeout: up to 900 seconds (15 minutes)\n* Memory: 128 MB to 10,240 MB\n\n"+
		"# Auto Scaling\n\n## Lifecycle hooks\n\n* Longest time in a wait state: 48 hours\n")
	askHolding(t, e, "What is the longest a single Lambda invocation can run before it times out?", []string{"15 minutes"})
}

// TestHeadingHeadsGlossedLabels: a heading that names nothing heads the
// run of "label: gloss" items under it, lower-case labels too, in a
// blog's "#"-marked sections.
func TestHeadingHeadsGlossedLabels(t *testing.T) {
	e := engineWithNote(t, "cp.txt", "cheat sheet: CodePipeline\nposted in aws\n\n"+
		"CodePipeline basics\n#\n- action categories: source, build, test, deploy, approval, invoke\n\n"+
		"execution modes (V2)\n#\n"+
		"- superseded: default, newer run replaces older one waiting between stages\n"+
		"- queued: runs processed one by one in order\n"+
		"- parallel: runs fully independent of each other\n")
	askExactly(t, e, "list the codepipeline V2 execution modes", "superseded", "queued", "parallel")
}

// TestValueCountsTheNamedFeature: of Elastic Beanstalk's limits, the value
// that counts the feature the question names ("1000 Application
// Versions") answers, not CloudFormation's per-region limits.
func TestValueCountsTheNamedFeature(t *testing.T) {
	e := newEngine(t)
	askExactly(t, e, "how many application versions can an elastic beanstalk app have per region", "1000 Application Versions")
}

// TestCountedChainOfTheEntity: "order the three steps of ..." reads the
// chain of three hops a line about the named service writes, though the
// line holds none of the question's other words; a chain of four is
// none.
func TestCountedChainOfTheEntity(t *testing.T) {
	e := engineWithNote(t, "ssm.txt", "↖↑↓ Systems Manager\n"+
		"Manage EC2 and on-prem instances at scale.\n"+
		"Group resources -> Visualize data -> Take action\n"+
		"- Free service\n"+
		"- Patching: scan -> approve -> install -> report\n")
	askExactly(t, e, "Order the three steps of the Systems Manager operating model", "Group resources", "Visualize data", "Take action")
}

// TestIdentifierItemsUnderALabel: items that open with an upper-case
// identifier ("LOCAL_SOURCE_CACHE keeps ...") are named by it, so the
// sentence that heads them ("Local caching has three modes:") answers
// with the three.
func TestIdentifierItemsUnderALabel(t *testing.T) {
	e := engineWithNote(t, "cb.md", "# CodeBuild\n\n## Caching\n\n"+
		"A local cache keeps data on the build host itself. Local caching has three modes:\n\n"+
		"- LOCAL_SOURCE_CACHE keeps the Git metadata so that only the changes are fetched.\n"+
		"- LOCAL_DOCKER_LAYER_CACHE keeps Docker image layers; it needs privileged mode.\n"+
		"- LOCAL_CUSTOM_CACHE keeps the folders listed under the cache paths of the buildspec.\n")
	askExactly(t, e, "What local caching modes does CodeBuild offer?", "LOCAL_SOURCE_CACHE", "LOCAL_DOCKER_LAYER_CACHE", "LOCAL_CUSTOM_CACHE")
	for text, want := range map[string]string{
		"- LOCAL_SOURCE_CACHE keeps the Git metadata": "LOCAL_SOURCE_CACHE",
		"- AWS keeps the metadata":                    "",
		"- LOCAL_ALONE":                               "",
	} {
		if got, _ := ingest.ItemName(text); got != want {
			t.Errorf("ItemName(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestSizeReadsLength: "max size of a secret" reads Secrets Manager's
// "Length of a secret - 65,536 bytes" (size and length are one sense in
// the lexicon), not CloudFormation's "Max template size".
func TestSizeReadsLength(t *testing.T) {
	e := newEngine(t)
	askExactly(t, e, "max size of a secret in Secrets Manager", "65,536 bytes")
}

// TestOptionsReadChoose: "record content options" reads what a note says
// one "can choose" (option and choose are one sense in the lexicon).
func TestOptionsReadChoose(t *testing.T) {
	e := engineWithNote(t, "ddb.md", "### DynamoDB\n- Accelerator (DAX) cluster - SNS notifications during maintenance events\n- DynamoDB Streams\n"+
		"  - Track write, update, delete\n"+
		"  - KEY IDEA Under the covers, a DynamoDB Streams is a Kinesis Stream - 1MB/s write, 2MB/sec read per shard\n"+
		"  - Can choose only keys, only new data, only old data\n"+
		"  - Hook up to a lambda function\n")
	got := askNames(t, e, "dynamodb streams record content options")
	slices.Sort(got)
	if want := []string{"only keys", "only new data", "only old data"}; !slices.Equal(got, want) {
		t.Errorf("answers %v, want %v", got, want)
	}
}

// TestEndUpReadsGo: "where do ... end up" asks where they go (the
// lexicon's phrasal verb), not what "build timeout up to" says.
func TestEndUpReadsGo(t *testing.T) {
	e := newEngine(t)
	got := askNames(t, e, "Where do CodeBuild build logs end up?")
	if !slices.Contains(got, "Amazon S3") || slices.Contains(got, "8 hours") {
		t.Errorf("answers %v, want where the logs go (Amazon S3)", got)
	}
}

// TestKindPhraseOfTheBestLine: a question for a thing of a kind
// ("approach": a strategy) whose other words no strategy's facts hold is
// no question for every strategy; the best-matching line's phrase headed
// by a word of the kind answers it. A question whose words the strategies'
// facts hold ("cause downtime") still lists the strategies.
func TestKindPhraseOfTheBestLine(t *testing.T) {
	e := noteEngine(t, "n.md", "# Exam notes\n\n"+
		"* To ensure that an application does not experience downtime during database credentials rotation, a multi-user rotation strategy is used where the Secrets Manager creates 2 database users and alternates between them during rotation.\n")
	askExactly(t, e, "What rotation approach keeps the app up while database credentials get rotated?", "multi-user rotation strategy")
	askExactly(t, e, "Which deployment strategies cause downtime?", "All-at-once", "Single target deployment")
}

// TestWeakConstraintNarrowsNothing: the question's other words narrow a
// list to the answers whose lines hold them only when some answer holds a
// fair share of their weight: "instances", the common word of "auto
// healing of instances out of the box" that one answer's line holds, keeps
// every service the notes list for auto healing.
func TestWeakConstraintNarrowsNothing(t *testing.T) {
	e := newEngine(t)
	askHolding(t, e, "Which deployment services give me auto healing of instances out of the box?", []string{"AWS OpsWorks", "AWS CodeDeploy", "AWS Elastic Beanstalk"})
}
