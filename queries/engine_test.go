package queries

import (
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// TestNodesSortedCopy: Nodes gives every node by name then ID, a copy each
// call, so a caller that changes it changes nothing the engine reads.
func TestNodesSortedCopy(t *testing.T) {
	e := newEngine(t)
	nodes := e.Nodes()
	if len(nodes) != len(e.names) {
		t.Fatalf("Nodes gave %d nodes, the engine has %d", len(nodes), len(e.names))
	}
	if !sort.SliceIsSorted(nodes, func(i, j int) bool {
		if nodes[i].Name != nodes[j].Name {
			return nodes[i].Name < nodes[j].Name
		}
		return nodes[i].ID < nodes[j].ID
	}) {
		t.Errorf("Nodes is not sorted by name then ID")
	}
	first := nodes[0]
	nodes[0].Name = "zzz changed"
	if again := e.Nodes(); again[0].Name != first.Name || again[0].ID != first.ID {
		t.Errorf("a caller's change shows in the next call: %+v", again[0])
	}
}

// TestTieOfAnswersBothReadings: a relation reading within tieMargin of the
// best adds its answers (each once); one further behind, or one answering
// far more, adds nothing.
func TestTieOfAnswersBothReadings(t *testing.T) {
	e := newEngine(t)
	ctx := t.Context()
	a := e.analyze("Where can CodeCommit send its events?")
	rel := func(id, pred string) *candidate {
		t.Helper()
		edges, err := e.ix.Out(ctx, id, pred)
		if err != nil || len(edges) == 0 {
			t.Fatalf("Out(%s, %s) = %v, %v", id, pred, edges, err)
		}
		return e.relationCandidate(id, "", pred, false, edges)
	}
	best, next := rel("service:aws-codecommit", graph.PredNotifies), rel("service:aws-codecommit", "rel:automatically trigger")
	twofold := e.analyze("How long does CodeCommit keep events, and how many can it send?")
	order := e.analyze("In what order does CodeCommit send its events?")
	for _, tt := range []struct {
		gap     float64
		twofold bool // a question that asks two values: a wider margin
		order   bool // a question that asks an order: one sequence, no union
		want    bool
	}{{tieMargin / 2, false, false, true}, {tieMargin * 2, false, false, false}, {tieMargin * 2, true, false, true}, {twofoldMargin * 2, true, false, false}, {tieMargin / 2, false, true, false}} {
		a := a
		if tt.twofold {
			a = twofold
		}
		if tt.order {
			a = order
		}
		best.score, next.score = 1, 1-tt.gap
		res, err := e.shape(ctx, a, best, nil)
		if err != nil {
			t.Fatal(err)
		}
		n := len(res.Answers)
		more, err := e.shape(ctx, a, next, nil)
		if err != nil {
			t.Fatal(err)
		}
		tie, err := e.tieOf(ctx, a, []*candidate{best, next}, best, res)
		if err != nil {
			t.Fatal(err)
		}
		if (tie != nil) != tt.want {
			t.Fatalf("gap %.2f: tie %v, want %v", tt.gap, tie != nil, tt.want)
		}
		seen := map[string]bool{}
		for _, x := range res.Answers {
			if seen[x.ID] {
				t.Errorf("gap %.2f: %s answered twice", tt.gap, x.ID)
			}
			seen[x.ID] = true
		}
		for _, x := range more.Answers {
			if tt.want && !seen[x.ID] {
				t.Errorf("gap %.2f: the tied reading's %s is missing", tt.gap, x.ID)
			}
		}
		if tt.want && len(res.Answers) <= n {
			t.Errorf("gap %.2f: the tie added no answer to the best reading's %d", tt.gap, n)
		}
		if !tt.want && len(res.Answers) != n {
			t.Errorf("gap %.2f: %d answers, want the best reading's %d", tt.gap, len(res.Answers), n)
		}
	}
}

// TestCompareAnswersTheDifference: "what's the difference between X and Y"
// answers what one has and the other has not, of the relations the
// question's words name; what both have is no difference.
func TestCompareAnswersTheDifference(t *testing.T) {
	e := engineWithNote(t, "two.md", `# Two services

## AWS Frobnicator

- AWS Frobnicator sends events to Amazon SNS and AWS Lambda
- AWS Frobnicator supports cross-account delivery

## AWS Quuxinator

- AWS Quuxinator sends events to Amazon SNS and AWS Chatbot
- AWS Quuxinator supports multi-region delivery
`)
	res, err := e.Ask(t.Context(), "What's the difference between AWS Frobnicator and AWS Quuxinator in where they send events?")
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	slices.Sort(got)
	if res.Intent != "compare" || !slices.Equal(got, []string{"AWS Chatbot", "AWS Lambda"}) {
		t.Errorf("intent %s, answers %v; want compare of AWS Lambda and AWS Chatbot", res.Intent, got)
	}
}

// TestCompareSideBySide: "X vs Y: <attribute>" answers the attribute of
// each thing compared, not the first one's alone.
func TestCompareSideBySide(t *testing.T) {
	e := engineWithNote(t, "cmp.md", `# Secrets

- AWS Frobnicator stores values up to 4 KB in size
- AWS Quuxinator stores values up to 64 KB in size, and replicates every one of them to each region it runs in for durability
`)
	res, err := e.Ask(t.Context(), "value size: AWS Frobnicator vs AWS Quuxinator")
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	slices.Sort(got)
	if !slices.Equal(got, []string{"4 KB", "64 KB"}) {
		t.Errorf("answers %v (%s); want both sizes", got, res.Intent)
	}
	// one reading of both, not a tie of two readings that each ignore one
	if !strings.Contains(res.Reading, "AWS Frobnicator") || !strings.Contains(res.Reading, "AWS Quuxinator") {
		t.Errorf("reading %q; want the relation of both things", res.Reading)
	}
}

// TestNeitherNorRulesOut: "X but neither Y nor Z" keeps the answers the
// relation does not also tie to Y or Z.
func TestNeitherNorRulesOut(t *testing.T) {
	e := engineWithNote(t, "n.md", `# Notifications

- AWS Frobnicator notifies Amazon SNS and Amazon EventBridge
- AWS Quuxinator notifies Amazon SNS
- AWS Blorbinator notifies Amazon SNS and AWS Chatbot
`)
	res, err := e.Ask(t.Context(), "which services notify Amazon SNS but neither Amazon EventBridge nor AWS Chatbot?")
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	if !slices.Contains(got, "AWS Quuxinator") || slices.Contains(got, "AWS Frobnicator") || slices.Contains(got, "AWS Blorbinator") || slices.Contains(got, "Amazon EventBridge") {
		t.Errorf("answers %v (%s); want AWS Quuxinator, not what also notifies EventBridge or Chatbot", got, res.Reading)
	}
}

// TestReadingInItsSectionsContext: a reading whose lines sit under a heading
// that names one of the question's entities accounts for it: ECS's hooks,
// listed under "AWS CodeDeploy > Deploy to ECS", are read in CodeDeploy's
// context; CodeDeploy's appspec hooks, under no heading naming ECS, ignore
// ECS.
func TestReadingInItsSectionsContext(t *testing.T) {
	e := engineWithNote(t, "cd.md", `# AWS CodeDeploy

## appspec.yml

- Deployment hooks (lifecycle events):
    - **ApplicationStop**: stops the application
    - **ValidateService**: last deployment event

## Deploy to ECS

- Hooks: BeforeInstall -> AfterInstall -> AfterAllowTestTraffic -> BeforeAllowTraffic -> AfterAllowTraffic
`)
	a := e.analyze("In what order do the CodeDeploy lifecycle hooks run for ECS?")
	e.supportOf(a)
	reading := func(id string) *candidate { return eventReading(t, e, a, id) }
	ecs, cd := reading("service:amazon-ecs"), reading("service:aws-codedeploy")
	if ecs.feat[featInSection] != 1 || ecs.feat[featIgnored] != 0 {
		t.Errorf("ECS's hooks: in section %v, ignored %v; want CodeDeploy accounted by the heading", ecs.feat[featInSection], ecs.feat[featIgnored])
	}
	if cd.feat[featIgnored] != 1 || cd.feat[featInSection] != 0 {
		t.Errorf("CodeDeploy's hooks: in section %v, ignored %v; want ECS ignored", cd.feat[featInSection], cd.feat[featIgnored])
	}
}

// TestEvidenceAnswersWithTheLinesList: a list whose head names no entity
// ("pool states: ...") gives no fact; the line that matches the question
// best answers with its items, and a chain's hops answer only a question
// about an order.
func TestEvidenceAnswersWithTheLinesList(t *testing.T) {
	e := engineWithNote(t, "asg.txt", `WARM POOLS
- pre-initialized instances -> faster scale out for slow-boot apps
- pool states: Stopped, Running, Hibernated
- stopped = only pay for EBS
`)
	res, err := e.Ask(t.Context(), "Instances sitting in a warm pool can be kept in which states?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !reflect.DeepEqual(got, []string{"Stopped", "Running", "Hibernated"}) {
		t.Errorf("answers %q (%s); want the pool states", got, res.Reading)
	}
	a := e.analyze("what do pre-initialized instances give?")
	if _, items := e.lineItems(a, "pre-initialized instances -> faster scale out for slow-boot apps"); items != nil {
		t.Errorf("a chain's hops %q answer a question that asks no order", items)
	}
}

// TestEvidenceAnswersWithTheNamesAHeadLineHeads: a head line naming no
// entity ("TreatMissingData options:") over lines that are bare names
// answers with those names, one per line, up to the first sentence.
func TestEvidenceAnswersWithTheNamesAHeadLineHeads(t *testing.T) {
	e := engineWithNote(t, "slides.txt", `--- Slide 4: Missing data ---
• TreatMissingData options:
•   missing
•   notBreaching
•   breaching
•   ignore
Notes: The default is "missing". For a sparse metric, notBreaching stops false alarms.
`)
	res, err := e.Ask(t.Context(), "cloudwatch alarm TreatMissingData options")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !reflect.DeepEqual(got, []string{"missing", "notBreaching", "breaching", "ignore"}) {
		t.Errorf("answers %q (%s); want the four options", got, res.Reading)
	}
}

// TestOneAnswerPerName: two nodes of one name in other cases ("Install"
// the hook, "install" the build phase) answer once, in the first one's
// place.
func TestOneAnswerPerName(t *testing.T) {
	e := engineWithNote(t, "cd.md", `# AWS CodeDeploy

- buildspec phases: install, build
- EC2 in-place lifecycle hooks order:
  - ApplicationStop -> BeforeInstall -> Install -> AfterInstall
`)
	res, err := e.Ask(t.Context(), "in what order do the CodeDeploy lifecycle hooks run for EC2 in-place?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !reflect.DeepEqual(got, []string{"ApplicationStop", "BeforeInstall", "Install", "AfterInstall"}) {
		t.Errorf("answers %q (%s); want the four hooks, each once", got, res.Reading)
	}
}

// TestPathQuestionsWithoutTo: a path asked for by its hops, or as "Y from
// X" with no "to", is the chain the notes write between the two.
func TestPathQuestionsWithoutTo(t *testing.T) {
	e := engineWithNote(t, "logs.md", `# log routing

- logs > metric filter > metric > alarm > sns
- logs > subscription filter > kinesis firehose > s3 > athena
`)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"cloudwatch logs to athena using firehose - hops in order", []string{"Amazon CloudWatch Logs", "Subscription filter", "Amazon Kinesis Data Firehose", "Amazon S3", "Amazon Athena"}},
		{"how do I raise a CloudWatch alarm from log data? give the chain", []string{"Amazon CloudWatch Logs", "Metric filter", "Amazon CloudWatch Metrics", "Amazon CloudWatch Alarms"}},
	} {
		res, err := e.Ask(t.Context(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := answerNames(res); res.Intent != "path" || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: %s %q (%s); want the path %q", tc.q, res.Intent, got, res.Reading, tc.want)
		}
	}
}

// TestPathAskedByWhereItEnds: "how does X end up in Y" asks for the
// chain from X to Y, as "get X into Y" does (the lexicon's path verbs).
func TestPathAskedByWhereItEnds(t *testing.T) {
	e := engineWithNote(t, "alerts.md", `# deploy alerts

- CodePipeline -> EventBridge rule (state change FAILED) -> SNS topic -> AWS Chatbot -> Slack
`)
	res, err := e.Ask(t.Context(), "How does a failed CodePipeline execution end up as a message in Slack?")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"AWS CodePipeline", "Amazon EventBridge", "Amazon SNS", "AWS Chatbot", "Slack"}
	if got := answerNames(res); res.Intent != "path" || !reflect.DeepEqual(got, want) {
		t.Errorf("%s %q (%s); want the path %q", res.Intent, got, res.Reading, want)
	}
}

// TestAnswerNamedByWhatItUses: an item that recommends a means ("Use an
// IAM role ARN ...") answers "which method" by what it uses; steps asked
// in order keep their words.
func TestAnswerNamedByWhatItUses(t *testing.T) {
	e := engineWithNote(t, "onprem.md", `# AWS CodeDeploy

## On-premises instances

- To register an on-premises instance:
    - Use an IAM user ARN to authenticate the instance: fine for a few instances
    - Use an IAM role ARN to authenticate the instance: STS credentials, recommended for a large fleet
`)
	res, err := e.Ask(t.Context(), "Registering hundreds of on-prem servers with CodeDeploy: which authentication method is recommended?")
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	if !containsStr(got, "IAM role ARN") || slices.ContainsFunc(got, func(n string) bool { return strings.HasPrefix(n, "Use ") }) {
		t.Errorf("answers %q (%s); want IAM role ARN, no item opening with Use", got, res.Reading)
	}
}

// TestExampleOfTheAnswers: a name followed by "etc" is an example of the
// answers asked for: the reading whose answers hold it wins over one that
// matches the question's words but answers something else.
func TestExampleOfTheAnswers(t *testing.T) {
	e := engineWithNote(t, "cd.md", `# AWS CodeDeploy

## EC2

- We can define the deployment speed:
    - AllAtOnce
    - HalfAtATime
    - OneAtATime
- Jenkins is deployed in a master/worker configuration via EC2, with options for plugins.
`)
	q := "codedeploy ec2 deployment configurations allatonce etc - what are the options?"
	a := e.analyze(q)
	if !reflect.DeepEqual(a.examples, []string{"strategy:all-at-once"}) {
		t.Fatalf("examples %v, want all-at-once", a.examples)
	}
	res, err := e.Ask(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	// (the identifiers link the dictionary's strategies they name)
	for _, want := range []string{"Half-at-a-time", "One-at-a-time"} {
		if !slices.Contains(got, want) {
			t.Errorf("answers %q (%s); want the deployment speeds", got, res.Reading)
			break
		}
	}
}

// TestNegatedReadingKeepsItsAnswers: the list of what cannot run scripts
// answers "which hooks can't run scripts"; the typed list of all hooks,
// though it is the kind asked for, states no denial and does not replace it.
func TestNegatedReadingKeepsItsAnswers(t *testing.T) {
	e := engineWithNote(t, "hooks.md", `# AWS CodeDeploy

- Lifecycle hooks:
    - **ApplicationStop**: stops the app
    - **DownloadBundle**: downloads the current application revision from S3 and copies the revision to a temporary location. This event is reserved for CodeDeploy agent and can not be used to run scripts
    - **BeforeInstall**: runs before install
    - **Install**: copies the files. This event is reserved for CodeDeploy agent and can not be used to run scripts
    - **AfterInstall**: runs after install
`)
	res, err := e.Ask(t.Context(), "Which CodeDeploy hooks can't run scripts?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !reflect.DeepEqual(got, []string{"DownloadBundle", "Install"}) {
		t.Errorf("answers %q (%s); want the two hooks that cannot run scripts", got, res.Reading)
	}
}

// TestValueQuestionTakesTheLinesNumber: a value question answered from a
// line that gives a bare number ("the default runOrder value for an action
// is 1") answers with the number, not with the names listed around it.
func TestValueQuestionTakesTheLinesNumber(t *testing.T) {
	e := engineWithNote(t, "cp.md", `# CodePipeline notes

* If you define a CodePipeline structure using a JSON file, the default runOrder value for an action is 1 for sequential execution.
`)
	res, err := e.Ask(t.Context(), "default runOrder value for a codepipeline action in the JSON structure")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !reflect.DeepEqual(got, []string{"1"}) {
		t.Errorf("answers %q (%s); want 1", got, res.Reading)
	}
}

// TestFeatureReadsItsNamesakeService: a question that names a feature
// named after its service ("appspec.yml" of CodeDeploy) reads what the
// notes say of the service too.
func TestFeatureReadsItsNamesakeService(t *testing.T) {
	e := engineWithNote(t, "cd.md", `# AWS CodeDeploy

CodeDeploy reads the AppSpec file of each revision.

## Lifecycle

- Deployment hooks (lifecycle events):
    - **ApplicationStop**: stops the application
    - **BeforeInstall**: runs before install
    - **AfterInstall**: runs after install
`)
	res, err := e.Ask(t.Context(), "In what order do the appspec.yml lifecycle hooks run?")
	if err != nil {
		t.Fatal(err)
	}
	// (the embedded notes' CodeDeploy hooks join them)
	got, at := answerNames(res), -1
	for _, want := range []string{"ApplicationStop", "BeforeInstall", "AfterInstall"} {
		k := slices.Index(got, want)
		if k <= at {
			t.Fatalf("answers %q (%s); want CodeDeploy's hooks in order", got, res.Reading)
		}
		at = k
	}
}

// TestSingleOutKeepsTheAnswerTheQuestionDescribes: a question that asks
// for one thing gets, of the reading's answers, the one whose own line
// holds the question's other words.
func TestSingleOutKeepsTheAnswerTheQuestionDescribes(t *testing.T) {
	e := engineWithNote(t, "ssm.md", `# AWS Systems Manager

- Features: Run Command, Session Manager, Patch Manager

## Session Manager

- Browser-based shell access to instances without opening inbound ports or managing SSH keys

## Patch Manager

- Applies operating system patches on a schedule
`)
	res, err := e.Ask(t.Context(), "I need shell access without opening inbound ports. Which Systems Manager feature do I use?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !reflect.DeepEqual(got, []string{"Session Manager"}) {
		t.Errorf("answers %q (%s); want Session Manager alone", got, res.Reading)
	}
}

// TestSequenceFromTheBestLinesChain: a question about an order is read as
// the chain a best-matching line writes, though the chain starts at
// nothing the question names.
func TestSequenceFromTheBestLinesChain(t *testing.T) {
	e := engineWithNote(t, "events.txt", `EVENTBRIDGE
- Pipes connect one source to one target; stages: source -> filtering -> enrichment -> target
- Archive and replay events from a bus
`)
	res, err := e.Ask(t.Context(), "What stages does an event go through in an EventBridge Pipe, in order?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !reflect.DeepEqual(got, []string{"source", "filtering", "enrichment", "target"}) {
		t.Errorf("answers %q (%s); want the pipe's stages in order", got, res.Reading)
	}
}

// TestPathKeepsItsStart: a path question is answered by the chain a
// best-matching line draws from the thing the question starts at
// ("Logs stored in Amazon S3 can be sent to CloudWatch Logs by
// configuring an Amazon S3 event to trigger a Lambda function"), the
// start a hop of it; an order question starts after it.
func TestPathKeepsItsStart(t *testing.T) {
	e := newEngine(t)
	res, err := e.Ask(t.Context(), "How do logs sitting in S3 get into CloudWatch Logs? give the chain")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !reflect.DeepEqual(got, []string{"Amazon S3", "AWS Lambda", "Amazon CloudWatch Logs"}) {
		t.Errorf("answers %q (%s); want S3, Lambda, CloudWatch Logs", got, res.Reading)
	}
}

// TestBothNarrowsToWhatRelatesToEach: "both X and Y" asks for what the
// relation ties to X and to Y, not for a path to either.
func TestBothNarrowsToWhatRelatesToEach(t *testing.T) {
	e := newEngine(t)
	res, err := e.Ask(t.Context(), "Which AWS-managed log types can be delivered to both S3 and CloudWatch?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !reflect.DeepEqual(got, []string{"CloudTrail Logs", "VPC Flow Logs"}) {
		t.Errorf("answers %q (%s); want the logs that go to both", got, res.Reading)
	}
}

// TestKeepWantedDropsLinesAboutTheKind: answers that mix the kind a
// question asks for with other things keep that kind; "services" is said
// loosely of features too, so it keeps everything.
func TestKeepWantedDropsLinesAboutTheKind(t *testing.T) {
	e := newEngine(t)
	ans := func(ids ...string) []Answer {
		var out []Answer
		for _, id := range ids {
			out = append(out, e.answer(id))
		}
		return out
	}
	mixed := ans("strategy:rolling", "strategy:immutable", "strategy:all-at-once", "service:amazon-s3")
	got := answerNames(&Result{Answers: e.keepWanted(e.analyze("Which deployment strategies does Elastic Beanstalk offer?"), mixed)})
	if want := []string{"Rolling", "Immutable", "All-at-once"}; !reflect.DeepEqual(got, want) {
		t.Errorf("strategies asked: %q, want %q", got, want)
	}
	if got := e.keepWanted(e.analyze("Which services support rolling deployments?"), mixed); len(got) != len(mixed) {
		t.Errorf("services asked: %d answers kept, want all %d", len(got), len(mixed))
	}
}

// TestPathBetweenNamedEndsOnly: a path from one named thing to another is
// worth a full reading when it has hops between them; one that is only the
// two named ends tells what the question already says.
func TestPathBetweenNamedEndsOnly(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		q        string
		minHops  int
		maxPrior float64
	}{
		{"How do I get data from CloudWatch Logs to Athena?", 3, 1},
		{"If I put a subscription filter on a CloudWatch Logs log group, where can it send the log events?", 0, 0.25},
	}
	for _, tt := range tests {
		a := e.analyze(tt.q)
		c, err := e.pathCandidate(t.Context(), a)
		if err != nil {
			t.Fatal(err)
		}
		if c == nil {
			t.Fatalf("%q: no path reading", tt.q)
		}
		if len(c.ends) < tt.minHops || c.prior > tt.maxPrior || tt.maxPrior == 1 && c.prior != 1 {
			t.Errorf("%q: %d hops, prior %.2f; want at least %d hops, prior up to %.2f", tt.q, len(c.ends), c.prior, tt.minHops, tt.maxPrior)
		}
	}
}

// TestReadingHasTheQualifyingStrategy: "the hooks ... for an ECS blue/green
// deployment" read at ECS, which the notes say supports blue/green, does
// not ignore the strategy that qualifies it (nor misread ECS as a mere
// qualifier).
func TestReadingHasTheQualifyingStrategy(t *testing.T) {
	e := engineWithNote(t, "ecs.md", `# Amazon ECS

- ECS supports blue/green deployments
- Hooks: BeforeInstall -> AfterInstall -> AfterAllowTestTraffic -> BeforeAllowTraffic -> AfterAllowTraffic

# AWS Lambda

- Hooks: BeforeAllowTraffic -> AfterAllowTraffic
`)
	a := e.analyze("In what order do the lifecycle hooks run for an ECS blue/green deployment?")
	e.supportOf(a)
	reading := func(id string) *candidate { return eventReading(t, e, a, id) }
	if ecs := reading("service:amazon-ecs"); ecs.feat[featIgnored] != 0 || ecs.feat[featQualifierMisread] != 0 {
		t.Errorf("ECS's hooks: ignored %v, misread %v; want blue/green accounted by ECS", ecs.feat[featIgnored], ecs.feat[featQualifierMisread])
	}
}

// eventReading scores the reading "the lifecycle events of id" against a.
func eventReading(t *testing.T, e *Engine, a *analysis, id string) *candidate {
	t.Helper()
	edges, err := e.ix.Out(t.Context(), id, graph.PredEvent)
	if err != nil || len(edges) == 0 {
		t.Fatalf("Out(%s, lifecycleEvent) = %v, %v", id, edges, err)
	}
	c := e.relationCandidate(id, "", graph.PredEvent, false, edges)
	e.score(t.Context(), a, c)
	return c
}

// TestNoPathForDeniedKind: a question for things of a kind that a denial
// picks ("which services can't notify SNS directly and only send via
// CloudWatch Events") reads no chain between the two things it names; a
// question for the way from one to the other does.
func TestNoPathForDeniedKind(t *testing.T) {
	e := engineWithNote(t, "chain.md", "# Fan-out\n\n- SNS -> CloudWatch Events -> Lambda\n")
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"Which AWS services can't notify through SNS directly and only send notifications via CloudWatch Events?", false},
		{"How do I get messages from SNS to CloudWatch Events?", true},
	} {
		a := e.analyze(tt.q)
		e.supportOf(a)
		c, err := e.pathCandidate(t.Context(), a)
		if err != nil {
			t.Fatal(err)
		}
		if got := c != nil; got != tt.want {
			t.Errorf("%q: path candidate %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestPathChainByItsLines: of two chains the notes write between the same
// ends, a path question gets the one whose lines hold its words (the
// parenthesis closing the chain on a line of its own counts), not the one
// through a thing it rules out ("without", "non-"); with no such words the
// chains stay in the notes' order.
func TestPathChainByItsLines(t *testing.T) {
	e := engineWithNote(t, "exports.txt", "Table exports\nAmazon DynamoDB\n-> DynamoDB Stream\n-> Lambda\n-> Amazon S3\n(per item, costly)\n"+
		"Amazon DynamoDB\n-> DynamoDB Stream\n-> Kinesis Data Firehose\n-> Amazon S3\n(buffered batches)\n")
	tests := []struct{ q, via string }{
		{"path from DynamoDB to S3 in buffered batches", "Amazon Kinesis Data Firehose"},
		{"path from DynamoDB to S3 without Firehose", "AWS Lambda"},
		{"Buffered-batches path for getting DynamoDB changes into S3 (the non-Lambda way)?", "Amazon Kinesis Data Firehose"},
		{"path from DynamoDB to S3", "AWS Lambda"},
	}
	for _, tt := range tests {
		res, err := e.Ask(t.Context(), tt.q)
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		if got := answerNames(res); res.Intent != "path" || !containsStr(got, tt.via) {
			t.Errorf("%q: %s %v, want a path through %s", tt.q, res.Intent, got, tt.via)
		}
	}
}

// TestInSectionOfListHead: a relation read from the items under a list head
// stands in the head's context: an entity the head names ("CloudWatch
// events only") is accounted for, as one a heading names is.
func TestInSectionOfListHead(t *testing.T) {
	e := engineWithNote(t, "alerts.md", "# Alerts\n\n- Notifications without SNS - CloudWatch events only\n  - Trusted Advisor\n  - GuardDuty\n")
	edges, err := e.ix.Out(t.Context(), "service:amazon-guardduty")
	if err != nil {
		t.Fatal(err)
	}
	var c candidate
	for _, ed := range edges {
		if ed.Object == "service:amazon-sns" && slices.ContainsFunc(ed.Sources, func(s string) bool { return strings.HasSuffix(s, "alerts.md:5") }) {
			c.edges = append(c.edges, ed)
		}
	}
	if len(c.edges) == 0 {
		t.Fatalf("no fact of GuardDuty and SNS read from the list: %+v", edges)
	}
	if !e.inSection(&c, "service:amazon-eventbridge") {
		t.Errorf("EventBridge, named by the list head, is not in the relation's context: %+v", c.edges)
	}
}

// TestListInQuestionsContext: a question that names the context a list
// stands in ("EventBridge targets for CodeDeploy events") gets that list,
// not the notes' whole list of targets, which no line about CodeDeploy
// heads.
func TestListInQuestionsContext(t *testing.T) {
	e := engineWithNote(t, "cd.md", "# Deployments\n\n- As part of CodeDeploy operations, EventBridge can be set up with the following targets:\n  - Lambda functions\n  - Amazon SQS queues\n  - Amazon SNS topics\n")
	res, err := e.Ask(t.Context(), "Which targets can an EventBridge rule for CodeDeploy deployment events send to?")
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	for _, want := range []string{"AWS Lambda", "Amazon SQS", "Amazon SNS"} {
		if !containsStr(got, want) {
			t.Errorf("answers %v, want %s among them", got, want)
		}
	}
	if containsStr(got, "AWS Step Functions") || len(got) > 6 {
		t.Errorf("answers %v: the notes' whole list of targets, not the one for CodeDeploy", got)
	}
}

// TestAnswersSpelledAsTheNotes: an answer is named as its source lines
// spell it when they call it by another full name of it ("Amazon
// OpenSearch Service", not the dictionary's "Amazon Elasticsearch
// Service"); a word that is no full name ("logs") leaves the dictionary's
// name.
func TestAnswersSpelledAsTheNotes(t *testing.T) {
	e := engineWithNote(t, "subs.md", `# CloudWatch Logs subscription filters

A subscription filter can deliver to AWS Lambda and Amazon OpenSearch Service.
`)
	res, err := e.Ask(t.Context(), "where can a subscription filter deliver to?")
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	if !slices.Contains(got, "Amazon OpenSearch Service") || !slices.Contains(got, "AWS Lambda") {
		t.Errorf("answers %q (%s); want Amazon OpenSearch Service as the note spells it, and AWS Lambda", got, res.Reading)
	}
}

// TestYesNoOppositeSense: a yes/no question that asks one of two opposite
// senses ("enabled by default") is answered no by the line that states
// the other ("disabled by default"), though it denies nothing, and yes by
// a line that states the asked one.
func TestYesNoOppositeSense(t *testing.T) {
	e := engineWithNote(t, "elb.md", `# Elastic Load Balancing

- Access Logging is an optional feature of Elastic Load Balancing that is disabled by default.
- After you enable access logging, Elastic Load Balancing stores the logs in Amazon S3.
- Cross-zone load balancing is enabled by default on an Application Load Balancer.
`)
	for _, tc := range []struct{ q, want string }{
		{"Is access logging enabled by default on Elastic Load Balancing?", "no"},
		{"Is access logging disabled by default on Elastic Load Balancing?", "yes"},
		{"Is cross-zone load balancing enabled by default on an Application Load Balancer?", "yes"},
	} {
		res, err := e.Ask(t.Context(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := answerNames(res); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: answers %q (%s); want %s", tc.q, got, res.Reading, tc.want)
		}
	}
}

// TestYesNoOppositeOfANamedSense: a question that names a thing by one
// side of a sense ("a different region", Multi-region) is answered no by a
// line that states the other side of it ("must be in the same region"),
// though that line names neither the thing nor the question's service, and
// a line further down the ranking than the ones that name them; "another
// account" is not "another" of any other pair ("share the same retention").
func TestYesNoOppositeOfANamedSense(t *testing.T) {
	e := engineWithNote(t, "pipeline.md", `# CodePipeline

## Artifacts

- Stages create artifacts, stored in S3 and passed on to the next stage
- The default artifact store creates one bucket per pipeline, or you specify a custom location
- Store must be in the same region as pipeline
- Always encrypted, default KMS or CMK

## Cross-region actions

- CodePipeline can run actions in a different region from the pipeline
`)
	for _, tc := range []struct{ q, want string }{
		{"Can the S3 artifact store of my pipeline be in a different region from the pipeline itself?", "no"},
		{"Can CodePipeline run an action in a different region?", "yes"},
	} {
		res, err := e.Ask(t.Context(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := answerNames(res); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: answers %q (%s); want %s", tc.q, got, res.Reading, tc.want)
		}
	}
}

// TestYesNoDecidedByALineAboutTheEntity: the clause about the entity a
// yes/no question names decides it ("...; set on alias or version, NOT on
// $LATEST" goes on about provisioned concurrency), though its words alone
// match other lines as well ("latest" in many lines on other things).
func TestYesNoDecidedByALineAboutTheEntity(t *testing.T) {
	e := engineWithNote(t, "lambda.md", `# Lambda versions

- the latest build is configured
- latest tag configured
- configured latest runtime
- the latest SDK is configured
- latest features configured
- latest docs configured
- configured latest layers
- latest configured
- Provisioned concurrency = pre-initialised environments to kill cold starts; set on alias or version, NOT on $LATEST.
`)
	res, err := e.Ask(t.Context(), "can provisioned concurrency be configured on $LATEST?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || got[0] != "no" {
		t.Errorf("answers %q (%s); want no", got, res.Reading)
	}
}

// TestYesNoAboutMoreThanTheRelation: that the notes relate the two names
// a yes/no question names decides nothing when the question asks about
// words the relation's lines do not hold ("install the CodeDeploy agent"):
// the line that holds them under the section of the other name decides.
func TestYesNoAboutMoreThanTheRelation(t *testing.T) {
	e := engineWithNote(t, "deploy.md", `# CodeDeploy notes

## Deploy to ECS

- CodeDeploy can help automate the deployment of a new ECS task definition
    - Only works for blue/green deployments
- The task definition must exist before CodeDeploy runs
- CodeDeploy Agent is not required
- Hooks have to be Lambda functions

## Troubleshooting EC2

- Make sure the CodeDeploy agent is installed and running on the instances
`)
	res, err := e.Ask(t.Context(), "Do I need to install the CodeDeploy agent to do blue/green deployments to ECS?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || got[0] != "no" {
		t.Errorf("answers %q (%s); want no", got, res.Reading)
	}
}

// TestEvidenceAboutWhatTheQuestionNames: the evidence fallback answers from
// a line about what the question names, not from one about another
// service that holds more of its words ("stack level" of OpsWorks for
// "at what levels" of VPC Flow Logs).
func TestEvidenceAboutWhatTheQuestionNames(t *testing.T) {
	e := engineWithNote(t, "net.md", `# AWS OpsWorks

- Custom cookbooks have to be enabled on stack level, not on layer level

# Networking

- VPC Flow Logs is a feature that can be enabled on a VPC, subnet or Elastic Network Interface
`)
	res, err := e.Ask(t.Context(), "vpc flow logs can be enabled at what levels?")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range res.Answers {
		names = append(names, a.Name)
		if !strings.Contains(strings.Join(a.Sources, " "), "net.md:7") {
			t.Errorf("answer %q stands on %v, want net.md:7", a.Name, a.Sources)
		}
	}
	if !slices.Contains(names, "subnet") {
		t.Errorf("answers %v, want subnet among them", names)
	}
}

// TestBoundSidesAskedAtOnce: a question that asks two sides of a
// property's range at once ("default and max") gets each side; one that
// asks one side gets that side alone.
func TestBoundSidesAskedAtOnce(t *testing.T) {
	e := engineWithNote(t, "limits.md", "# AWS CodeBuild\n\n- Build timeout 5 minutes to 36 hours (default 60 minutes)\n")
	names := func(q string) []string {
		t.Helper()
		res, err := e.Ask(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range res.Answers {
			out = append(out, a.Name)
		}
		return out
	}
	both := names("codebuild build timeout default and max?")
	if !slices.Contains(both, "60 minutes") || !slices.Contains(both, "36 hours") || slices.Contains(both, "5 minutes") {
		t.Errorf("default and max: %v, want 60 minutes and 36 hours, not the minimum", both)
	}
	if maxOnly := names("codebuild build timeout max?"); slices.Contains(maxOnly, "60 minutes") {
		t.Errorf("max alone: %v, want no default", maxOnly)
	}
}

// TestPartOfTheNamedService: "which Kinesis service ..." asks for one of
// Kinesis's parts (a service of its family, a feature): the one the lines
// that match the question best are about, not what a relation of Kinesis
// itself relates.
func TestPartOfTheNamedService(t *testing.T) {
	e := engineWithNote(t, "kinesis.md", "# Amazon Kinesis\n\n"+
		"- Kinesis Data Analytics: query streaming data in real time with SQL\n"+
		"- Kinesis Data Firehose: load streaming data into S3 and Redshift\n")
	res, err := e.Ask(t.Context(), "Which Kinesis service lets me query streaming data in real time using SQL?")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) != 1 || res.Answers[0].Name != "Amazon Kinesis Data Analytics" {
		t.Errorf("answers %+v (%s), want Amazon Kinesis Data Analytics alone", res.Answers, res.Reading)
	}
}

// TestThingsNamedAfterTheAskedName: "which load balancer type ..." asks
// for the things named after the name in its asked-for phrase
// ("Application Load Balancer"): those the best-matching line names.
func TestThingsNamedAfterTheAskedName(t *testing.T) {
	e := engineWithNote(t, "ecs.md", "# CodeDeploy\n\n## Lambda\n\n"+
		"- CodeDeploy can help automate traffic shifting for Lambda Aliases\n\n"+ // 5
		"## ECS\n\n"+
		"- CodeDeploy can automate the deployment of a new ECS Task Definition\n"+ // 9
		"- Only works for Blue/Green deployments\n"+
		"- Application Load Balancer is required for traffic-shifting strategies. NLB supports immediate switch only\n")
	res, err := e.Ask(t.Context(), "Which load balancer type does CodeDeploy need for linear/canary traffic shifting on ECS?")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) != 1 || res.Answers[0].Name != "Application Load Balancer" || !strings.Contains(strings.Join(res.Answers[0].Sources, " "), "ecs.md:11") {
		t.Errorf("answers %+v (%s), want Application Load Balancer from ecs.md:11", res.Answers, res.Reading)
	}
}

// TestYesNoSameOrDifferent: "same" and "different" are opposite senses: a
// line that requires the same region answers no to "in different
// regions?"; a line that allows the same or another account ("same/cross
// account") states the asked side as well, and answers yes.
func TestYesNoSameOrDifferent(t *testing.T) {
	e := engineWithNote(t, "xacct.md", `# Amazon CloudWatch Logs

- Subscriptions: the log group and the destination must be in the same AWS region.

# AWS CodeBuild

- custom docker image can be chosen from ecr (same/cross account) or custom registry
`)
	for _, tc := range []struct{ q, want string }{
		{"Can the CloudWatch Logs log group and its subscription destination be in different regions?", "no"},
		{"can codebuild use a custom docker image stored in ECR in a different account?", "yes"},
	} {
		res, err := e.Ask(t.Context(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := answerNames(res); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: answers %q (%s); want %s", tc.q, got, res.Reading, tc.want)
		}
	}
}

// TestDeniedSceneNarrows: hooks the notes list only under a head that
// names the load balancer ("In case we have a load balancer, ...
// additional hooks:") are not answers to a question that rules the load
// balancer out; the others keep their order, and where two lists give one
// place to different hooks, the note that lists both orders them. Asked
// "with and without a load balancer", nothing is ruled out.
func TestDeniedSceneNarrows(t *testing.T) {
	e := engineWithNote(t, "cd.md", `# AWS CodeDeploy

## appspec.yml

- Deployment hooks (lifecycle events):
    - **ApplicationStop**: stops the application
    - **BeforeInstall**: runs before install
    - **Install**: copies the files
    - **AfterInstall**: runs after install
    - **ValidateService**: last deployment event
- In case we have Elastic Load Balancing, we can have the following additional hooks:
    - **BeforeBlockTraffic** (can run scripts)
    - **BlockTraffic** (cannot run scripts)
    - **AfterBlockTraffic** (can run scripts)

## Other notes

- Hooks order: ApplicationStop -> BeforeInstall -> AfterInstall -> ValidateService
`)
	res, err := e.Ask(t.Context(), "In what order do the CodeDeploy lifecycle hooks run without a load balancer?")
	if err != nil {
		t.Fatal(err)
	}
	// (the embedded notes list CodeDeploy's hooks too)
	got := answerNames(res)
	at := func(name string) int { return slices.Index(got, name) }
	if at("BlockTraffic") >= 0 || at("BeforeBlockTraffic") >= 0 || at("Install") < 0 || at("ValidateService") < 0 {
		t.Errorf("answers %v (%s); want the hooks listed outside the load balancer's head", got, res.Reading)
	}
	if at("ApplicationStop") != 0 || at("Install") > at("AfterInstall") {
		t.Errorf("answers %v (%s); want ApplicationStop first, Install before AfterInstall", got, res.Reading)
	}
	res, err = e.Ask(t.Context(), "Which CodeDeploy lifecycle hooks are there with and without a load balancer?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !slices.Contains(got, "BlockTraffic") || !slices.Contains(got, "Install") {
		t.Errorf("answers %v (%s); want the hooks of both lists", got, res.Reading)
	}
}

// TestOtherSceneQualifier: "ec2 appspec hooks" read as the hooks a note
// lists under "Deploy to AWS Lambda" (a section about another service)
// reads a qualifier the question gives of another scene (featOtherScene);
// read as the list under no such heading, it does not.
func TestOtherSceneQualifier(t *testing.T) {
	e := engineWithNote(t, "cd.md", `# AWS CodeDeploy

## Deploy to AWS Lambda

- appspec.yml lifecycle events (hooks):
    - BeforeAllowTraffic: a Lambda function checks the new version
    - AllowTraffic: cannot run scripts
    - AfterAllowTraffic: a Lambda function checks after the shift

## appspec.yml deep dive

- Deployment hooks (lifecycle events):
    - **ApplicationStop**: stops the application
    - **DownloadBundle**: downloads the revision
    - **ValidateService**: last deployment event
`)
	a := e.analyze("codedeploy ec2 appspec lifecycle events order from stop to validate")
	e.supportOf(a)
	cs, err := e.scored(t.Context(), a)
	if err != nil {
		t.Fatal(err)
	}
	var lambda, deep *candidate
	for _, c := range cs {
		if c.typ != candRelation {
			continue
		}
		names := make([]string, len(c.ends))
		for i, id := range c.ends {
			names[i] = e.names[id].Name
		}
		switch {
		case lambda == nil && slices.Equal(names, []string{"BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"}):
			lambda = c
		case deep == nil && slices.Contains(names, "DownloadBundle") && !slices.Contains(names, "AllowTraffic"):
			deep = c
		}
	}
	if lambda == nil || deep == nil {
		t.Fatalf("readings: Lambda's hooks %v, the deep dive's %v; want both", lambda != nil, deep != nil)
	}
	if lambda.feat[featOtherScene] != 1 || deep.feat[featOtherScene] != 0 {
		t.Errorf("other scene: Lambda's hooks %v (%s), the deep dive's %v (%s); want 1 and 0", lambda.feat[featOtherScene], lambda.reading, deep.feat[featOtherScene], deep.reading)
	}
	if lambda.score >= deep.score {
		t.Errorf("scores: Lambda's hooks %.3f, the deep dive's %.3f; want the deep dive's ahead", lambda.score, deep.score)
	}
}

// TestChainJoinedFromLines: when no line writes a chain between the ends
// and the question asks for the chain by a noun, the path is joined from
// the flow relations several lines state, to the relation whose own words
// hold what the question puts after "to" ("... to the quarantine": "Lambda
// quarantines ...").
func TestChainJoinedFromLines(t *testing.T) {
	e := engineWithNote(t, "macie.md", `# Amazon Macie

- Macie notifies Amazon SNS when it finds sensitive data.

# Amazon SNS

- SNS topics target AWS Lambda functions.

# AWS Lambda

- A Lambda function can quarantine the objects with Amazon S3 Object Lock.
`)
	res, err := e.Ask(t.Context(), "What's the chain from Macie to the quarantine?")
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	// (the embedded notes' notifications table has Macie notify EventBridge too)
	if res.Intent != "path" || len(got) != 4 || got[0] != "Amazon Macie" || got[1] != "Amazon SNS" && got[1] != "Amazon EventBridge" || got[2] != "AWS Lambda" || got[3] != "Amazon S3" {
		t.Errorf("answers %v (%s, %s); want the chain Macie > SNS (or EventBridge) > Lambda > S3", got, res.Intent, res.Reading)
	}
	// a flow verb alone asks whether, not through what: no chain is joined
	res, err = e.Ask(t.Context(), "Can Macie send its findings to AWS Lambda?")
	if err != nil {
		t.Fatal(err)
	}
	if res.Intent == "path" {
		t.Errorf("answers %v (%s, %s); want no joined chain for a flow verb without a chain noun", answerNames(res), res.Intent, res.Reading)
	}
}

// TestNotToRulesOut: "not to X" rules X out as "neither ... nor" does:
// the answers the same relation ties to X (or to the service X belongs to,
// "CloudWatch" of "CloudWatch Logs") are dropped; a weak alias the
// question also writes ("logs") does not cancel the denial.
func TestNotToRulesOut(t *testing.T) {
	e := engineWithNote(t, "n.md", `# Log delivery

- AWS Frobnicator delivers logs to Amazon S3 and Amazon CloudWatch
- AWS Quuxinator delivers logs to Amazon S3
`)
	res, err := e.Ask(t.Context(), "Which services deliver logs to Amazon S3 and not to CloudWatch Logs?")
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	if !slices.Contains(got, "AWS Quuxinator") || slices.Contains(got, "AWS Frobnicator") || slices.Contains(got, "Amazon CloudWatch Logs") {
		t.Errorf("answers %v (%s); want AWS Quuxinator, not what also delivers to CloudWatch", got, res.Reading)
	}
}

// TestActAsNamesTheRole: "which tools act as producers writing into X"
// asks X's producers: the noun after "as" names what the answers are to
// X, wherever X stands, as an asked-for noun does; it is no verb whose
// object X would be.
func TestActAsNamesTheRole(t *testing.T) {
	e := engineWithNote(t, "kinesis.md", `# Kinesis Data Streams

- Producers
  - Kinesis SDK, Kinesis Producer Library (KPL), Kinesis Agent
- Consumers
  - Kinesis Client Library (KCL), AWS Lambda
`)
	a := e.analyze("Which tools can act as producers writing records into a Kinesis data stream?")
	cs, err := e.scored(t.Context(), a)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range cs {
		if c.typ == candRelation && strings.Contains(c.reading, "producer") && !c.inverse {
			found = true
			if r := e.roleFit(a, c); r != 1 {
				t.Errorf("role of %q = %v, want 1", c.reading, r)
			}
		}
	}
	if !found {
		t.Fatalf("no producer reading among %d candidates", len(cs))
	}
}

// TestAbbreviationInAsideEndsNoSentence: "(e.g. example.com)" inside a
// yes/no question ends no sentence, so the question still asks whether.
func TestAbbreviationInAsideEndsNoSentence(t *testing.T) {
	e := engineWithNote(t, "dns.md", `# Route 53

## Records

- Unlike a CNAME record, you can create an alias record at the zone apex. You can't create a CNAME record for example.com, but you can create an alias record for it.
`)
	q := "can i create a CNAME record for the zone apex (e.g. example.com) in route 53?"
	if a := e.analyze(q); !a.yesno {
		t.Fatalf("%q: not read as yes/no", q)
	}
	res, err := e.Ask(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || got[0] != "no" {
		t.Errorf("%q: answers %q (%s); want no", q, got, res.Reading)
	}
}

// TestRelationSpellsIdentifier: a question that names a concept by its
// camel-case identifier ("what values can DeletionPolicy take") is read
// as the relation that spells it out ("deletion policy"), though the
// identifier links only weakly and other relations of the entity share
// more of the question's words ("template", "value").
func TestRelationSpellsIdentifier(t *testing.T) {
	e := newEngine(t)
	q := "what values can DeletionPolicy take in a cfn template?"
	res, err := e.Ask(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	for _, w := range []string{"Delete", "Retain", "Snapshot"} {
		if !slices.Contains(got, w) {
			t.Errorf("%q: answers %q (%s); want %s", q, got, res.Reading, w)
		}
	}
	if slices.Contains(got, "AWSTemplateFormatVersion") {
		t.Errorf("%q: answers %q (%s) read the template's sections", q, got, res.Reading)
	}
}

// TestWhereAsksForAPlace: "where can X send ..." asks for named things (a
// service, a part of one), not for a list of X's settings and events that
// shares as many of its words (a blind round's note: a lifecycle hook's
// heartbeat timeout, its results, and where its notification goes).
func TestWhereAsksForAPlace(t *testing.T) {
	e := newEngine(t, filepath.Join("..", "testdata", "blind", "r82n", "notes"))
	q := "Where can an ASG lifecycle hook send its notification?"
	res, err := e.Ask(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	got := answerNames(res)
	for _, w := range []string{"Amazon SNS", "Amazon SQS", "Amazon EventBridge"} {
		if !slices.Contains(got, w) {
			t.Errorf("%q: answers %q (%s); want %s", q, got, res.Reading, w)
		}
	}
	if slices.Contains(got, "Heartbeat timeout") {
		t.Errorf("%q: answers %q (%s): the hook's settings", q, got, res.Reading)
	}
}
