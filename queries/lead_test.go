package queries

import (
	"slices"
	"strings"
	"testing"
)

// TestUnnamedColumnNarrows: a list reading narrows by a table column the
// question does not name when a value says enough of the question
// ("active-passive DR" in the column "Typical use"), and not by a value
// that says little of it.
func TestUnnamedColumnNarrows(t *testing.T) {
	// a table the export broke into one cell a line, as the embedded
	// notes' PDF export does: a row's line holds its key alone
	lines := []string{
		"↖↓ Route 53 sheet",
		"↖↑↓ Routing Policies",
		"Routing policy |",
		"Health checks |",
		"Typical use |",
		"Simple |",
		"no |",
		"one resource |",
		"Weighted |",
		"yes |",
		"canary releases |",
		"Latency |",
		"yes |",
		"multi-region active-active |",
		"Failover |",
		"required on primary |",
		"active-passive DR |",
	}
	res, got := askOneNote(t, "r53.txt", lines, "route 53 routing policies for active-passive DR")
	if want := []string{"Failover"}; !slices.Equal(got, want) {
		t.Errorf("answers %v (%s), want %v", got, res.Reading, want)
	}
	// fixed bugs: a value holding two words of a long question narrows
	// nothing when they weigh little in it
	res, got = askOneNote(t, "r53.txt", lines, "Which Route 53 routing policies run health checks on the records, and are any of them active in more than one region at once?")
	if slices.Equal(got, []string{"Latency"}) || strings.Contains(res.Reading, "active") {
		t.Errorf("answers %v (%s): narrowed by a value the question says little of", got, res.Reading)
	}
}

// TestSpelledCount: a value question's line that spells its count ("Only
// ONE external connection per repository") answers with it.
func TestSpelledCount(t *testing.T) {
	res, got := askOneNote(t, "artifact.md", []string{
		"## AWS CodeArtifact",
		"",
		"### External connections",
		"",
		"- An external connection links a repository to a public registry such as npmjs.com or PyPI",
		"- Only ONE external connection per repository",
	}, "How many external connections can one CodeArtifact repository have?")
	if want := []string{"ONE"}; !slices.Equal(got, want) {
		t.Errorf("answers %v (%s), want %v", got, res.Reading, want)
	}
	// fixed bugs: "one or more" counts nothing
	if got := countsOf([]string{"contain"}, "a task has one or more containers"); len(got) != 0 {
		t.Errorf("countsOf(one or more containers) = %v, want none", got)
	}
}

// TestAskedDimensionLine: "how long" asks for a duration: a reading whose
// values are of another dimension ("5%") fits it no better than names do,
// and the line that writes a duration answers before a line that matches
// as well and writes none.
func TestAskedDimensionLine(t *testing.T) {
	res, got := askOneNote(t, "xray.md", []string{
		"## AWS X-Ray",
		"",
		"- the default sampling rule keeps traces of the first request each second and 5% of the rest",
		"- a trace holds every segment of one request, tied by the trace id header",
		"",
		"## Storage",
		"",
		"- traces stored 30 days",
	}, "how long does x-ray keep traces")
	if want := []string{"30 days"}; !slices.Equal(got, want) {
		t.Errorf("answers %v (%s), want %v", got, res.Reading, want)
	}
	// a noun of the lexicon's duration words asks as "how long" does
	res, got = askOneNote(t, "asg.md", []string{
		"## Lifecycle hooks",
		"",
		"- an instance in a lifecycle hook goes into the Pending:Wait or Terminating:Wait state",
		"- by default, the instance remains in a wait state for one hour, then the group continues",
	}, "lifecycle hook default wait time")
	if want := []string{"one hour"}; !slices.Equal(got, want) {
		t.Errorf("answers %v (%s), want %v", got, res.Reading, want)
	}
}

// TestListedUnderLead: a relation reading narrows to the answers listed
// under a line that names another entity of the question ("... for Lambda
// functions:" over "Canary", "Linear", "All-at-once"), as its own reading;
// not under a line naming an entity the question rules out.
func TestListedUnderLead(t *testing.T) {
	lines := []string{
		"# CodeDeploy",
		"",
		"* CodeDeploy supports in-place and blue/green deployments on EC2",
		"* CodeDeploy offers 3 deployment types for Lambda functions:",
		"",
		"    - Canary",
		"    - Linear",
		"    - All-at-once",
	}
	res, got := askOneNote(t, "cd.md", lines, "Which deployment types does CodeDeploy offer for Lambda functions?")
	for i := range got {
		got[i] = strings.ToLower(got[i]) // (the embedded notes spell "canary")
	}
	slices.Sort(got)
	if want := []string{"all-at-once", "canary", "linear"}; !slices.Equal(got, want) {
		t.Errorf("answers %v (%s), want %v", got, res.Reading, want)
	}
	// fixed bugs: a name the question includes ("including the Lambda
	// ones") adds to the answers, it does not narrow them
	res, _ = askOneNote(t, "cd.md", lines, "Which deployment types does CodeDeploy support, including the Lambda ones?")
	if strings.Contains(res.Reading, "listed under") {
		t.Errorf("reading %q narrows to the list under the included name", res.Reading)
	}
}

// TestChoiceAgainstDenied: an option-choice line that holds both options
// speaks against the one it denies ("annotation (not metadata)").
func TestChoiceAgainstDenied(t *testing.T) {
	res, got := askOneNote(t, "xray.txt", []string{
		"X-Ray",
		"",
		"- annotations = key-value pairs, INDEXED, use them in filter expressions",
		"- metadata = key-value, NOT indexed, any type",
		"- to filter traces by customer id: annotation (not metadata)",
	}, "Annotations or metadata: which one can I filter traces by customer id with?")
	if want := []string{"Annotations"}; !slices.Equal(got, want) {
		t.Errorf("answers %v (%s), want %v", got, res.Reading, want)
	}
}

// TestCountOverModifier: a count read through the adjectives that may
// stand before its noun ("the three different services") says how many
// answers the question asks for.
func TestCountOverModifier(t *testing.T) {
	e := newEngine(t)
	for _, tt := range []struct {
		question string
		want     int
	}{
		{"What are the three different services sold under the OpsWorks name?", 3},
		{"name the two main types of CloudWatch alarms", 2},
		{"which three services send events to EventBridge", 3},
		// fixed bugs: a number before a function word counts nothing
		{"what happens in the 3 of the steps", 0},
	} {
		if got := e.analyze(tt.question).count; got != tt.want {
			t.Errorf("%q: count %d, want %d", tt.question, got, tt.want)
		}
	}
}

// TestCompoundQuestion: a question that asks two things, each opened by a
// wh-word, is answered part by part when each part alone reads better
// than the whole; a clause before one question, a way asked again and a
// part that asks of the first part's answers are one question.
func TestCompoundQuestion(t *testing.T) {
	res, got := askOneNote(t, "lambda.md", []string{
		"## AWS Lambda",
		"",
		"- Lambda retries a failed asynchronous invocation two more times",
		"- Failed events can be sent to an SQS queue or an SNS topic as a dead-letter queue",
	}, "How many times does Lambda retry a failed async invocation, and where can failed events be sent?")
	for _, w := range []string{"two", "Amazon SQS", "Amazon SNS"} {
		if !slices.Contains(got, w) {
			t.Errorf("answers %v (%s) lack %q", got, res.Reading, w)
		}
	}
	e := newEngine(t)
	for _, tt := range []struct {
		question, first, second string
	}{
		{"Which security service does threat detection, and which one works at the data level on S3?",
			"Which security service does threat detection?", "which security service works at the data level on S3?"},
		{"which service for threat detection and which for CVE scanning?",
			"which service for threat detection?", "which service for CVE scanning?"},
		// fixed bugs: one question
		{"When I enable DynamoDB Streams, what choices do I have for the stream records?", "", ""},
		{"How do I get CodeDeploy logs into CloudWatch Logs - what has to be installed on the instances?", "", ""},
		{"What AWS-managed logs are there and where do they go?", "", ""},
		{"What is the default data retention of a Kinesis data stream and what is the maximum?", "", ""},
	} {
		first, second, _ := e.splitCompound(tt.question)
		if first != tt.first || second != tt.second {
			t.Errorf("splitCompound(%q) = %q, %q, want %q, %q", tt.question, first, second, tt.first, tt.second)
		}
	}
}

// TestAskedLabel: a glossed item line whose label ends with the noun the
// question's wh-phrase asks ("which Route 53 Resolver endpoint") answers
// with its label, a thing the notes define but the dictionary does not
// know.
func TestAskedLabel(t *testing.T) {
	res, got := askOneNote(t, "r53.md", []string{
		"## Route 53 Resolver",
		"",
		"- The Resolver answers DNS queries inside every VPC",
		"- Inbound endpoint: DNS resolvers on premises forward queries into the VPC to resolve private hosted zone records",
		"- Outbound endpoint: the VPC forwards queries for on-premises domains out to the data center's DNS servers",
	}, "Our data center's DNS servers have to resolve private hosted zone records. Which Route 53 Resolver endpoint do we need?")
	if want := []string{"Inbound endpoint"}; !slices.Equal(got, want) {
		t.Errorf("answers %v (%s), want %v", got, res.Reading, want)
	}
}

// TestAnsweringLine: a line that states a problem and names nothing
// besides the question's things is answered by the next line when that one
// points back at it ("This can be achieved with ...").
func TestAnsweringLine(t *testing.T) {
	res, got := askOneNote(t, "ec2.txt", []string{
		"↖↓ Monitoring notes",
		"↖↑↓ EC2 default metrics",
		"- CPU utilization, network in/out, disk reads/writes, status checks",
		"- Can not monitor memory usage, available disk space, swap usage",
		"- This can be achieved with the Unified CloudWatch Agent",
	}, "What do I install to see memory usage and free disk space of my EC2 instances?")
	if !slices.Contains(got, "Unified CloudWatch Agent") {
		t.Errorf("answers %v (%s), want the Unified CloudWatch Agent", got, res.Reading)
	}
}

// TestRowCellsNarrow: a list reading narrows to the answer whose own
// table row says what the question asks ("OldestInstance | Useful when
// upgrading to a new EC2 instance type"), not only by what its fact's
// detail holds.
func TestRowCellsNarrow(t *testing.T) {
	res, got := askOneNote(t, "asg.md", []string{
		"# Amazon EC2 Auto Scaling",
		"",
		"## Termination policies",
		"",
		"| Policy | When |",
		"| --- | --- |",
		"| Default | spreads instances across AZs evenly |",
		"| OldestInstance | Useful when upgrading to a new EC2 instance type |",
		"| NewestInstance | Useful when testing a new launch configuration |",
		"| ClosestToNextInstanceHour | saves on hourly billing |",
	}, "ASG termination policy to use when upgrading to a new EC2 instance type")
	if want := []string{"OldestInstance"}; !slices.Equal(got, want) {
		t.Errorf("answers %v (%s), want %v", got, res.Reading, want)
	}
}

// TestFocusValue: a question that asks for a singular noun naming no kind
// of node ("what port", a terse "xray daemon port") is answered by the
// value a line writes right after that noun, with the acronym before it;
// a plural asks for names, not a value.
func TestFocusValue(t *testing.T) {
	lines := []string{
		"# AWS X-Ray",
		"",
		"- daemon listens on UDP port 2000, batches segments and sends them to the X-Ray API",
		"- sampling: first request each second, then 5% of the rest",
	}
	for _, q := range []string{"What port does the X-Ray daemon listen on?", "xray daemon port"} {
		res, got := askOneNote(t, "xray.md", lines, q)
		if want := []string{"UDP port 2000"}; !slices.Equal(got, want) {
			t.Errorf("%q: answers %v (%s), want %v", q, got, res.Reading, want)
		}
	}
	// fixed bugs: "which states" asks for the states, not a number after
	// "state:" in another line
	res, got := askOneNote(t, "asg.txt", []string{
		"WARM POOLS",
		"- pool states: Stopped, Running, Hibernated",
		"- Minimum targets required for operational state: 2",
	}, "Instances sitting in a warm pool can be kept in which states?")
	if slices.Contains(got, "2") {
		t.Errorf("answers %v (%s): a value for a plural noun", got, res.Reading)
	}
}
