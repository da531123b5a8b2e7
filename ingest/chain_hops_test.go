package ingest

import (
	"reflect"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// TestChainLongHops: a chain's hop may be a phrase, not a name. The first
// hop that opens with an auxiliary says what the section's subject can do
// (a heading no entity is known by names it); a hop reads as the one
// entity it names next to the arrow; "A that invokes B" is two hops. A
// phrase whose name stands away from the arrow still voids the chain.
func TestChainLongHops(t *testing.T) {
	src := `### Health
- Can scan github looking for public IAM keys -> CloudWatch event -> Step functions that invoke lambdas to:

### Streams
- limited to 2 connections at the moment. use 1 lambda > sns > other lambda(s)
- use stackset to enable config cross accounts > assign a dedicated administrator > auth config aggregator
`
	g, names := extractNote(t, "chains.md", src)
	got := factSet(g, names)
	for _, f := range []fact{
		{"Health", graph.PredFlowsTo, "Amazon EventBridge", 2},
		{"Amazon EventBridge", graph.PredFlowsTo, "AWS Step Functions", 2},
		{"AWS Step Functions", graph.PredFlowsTo, "AWS Lambda", 2},
		{"AWS Lambda", graph.PredFlowsTo, "Amazon SNS", 5},
		{"Amazon SNS", graph.PredFlowsTo, "AWS Lambda", 5},
	} {
		if !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	for f := range got {
		if f.line == 6 && f.p == graph.PredFlowsTo {
			t.Errorf("line 6 (a hop whose name stands away from the arrow) read as a chain: %v", f)
		}
	}
}

// TestNoteTitleSubject: in a level-less note whose title names one service,
// a labelled list under a heading that names nothing is about that service;
// the items split at " / " and " | ".
func TestNoteTitleSubject(t *testing.T) {
	src := `EB DEPLOYMENTS - CRAM SHEET
===========================

health + timeouts
  statuses: ok (green) / warning (yellow) | degraded (red)
`
	g, names := extractNote(t, "eb.txt", src)
	got := factSet(g, names)
	for _, o := range []string{"ok (green)", "warning (yellow)", "degraded (red)"} {
		if f := (fact{"AWS Elastic Beanstalk", "rel:status", o, 5}); !got[f] {
			t.Errorf("missing %v in %v", f, got)
		}
	}
}

// TestVerbFirstList: a bullet that opens with its verb under a heading
// ("Can choose keys, new data, old data") gives the heading's subject the
// items after the verb; "Can" alone opens no list.
func TestVerbFirstList(t *testing.T) {
	src := `### DynamoDB Streams
- Can choose keys, new data, old data
- Can exist without a stack, e.g. if the stack failed
`
	g, names := extractNote(t, "d.md", src)
	got := factSet(g, names)
	for _, o := range []string{"keys", "new data", "old data"} {
		if f := (fact{"DynamoDB Streams", "rel:can choose", o, 2}); !got[f] {
			t.Errorf("missing %v in %v", f, got)
		}
	}
	for f := range got {
		if f.line == 3 && strings.HasPrefix(f.p, "rel:") {
			t.Errorf("line 3 (no verb opens its list) read as %v", f)
		}
	}
}

// TestHeadNamePair: a heading that names a service and its alternative
// ("To EC2/On-premises") heads the rows below it without a relation: the
// word after the slash is no verb phrase.
func TestHeadNamePair(t *testing.T) {
	src := "# CodeDeploy\n\n## To EC2/On-premises\n\n- Create application\n- Deploy\n"
	g, names := extractNote(t, "cd.md", src)
	for f := range factSet(g, names) {
		if f.p == "rel:on-premises" {
			t.Errorf("the name pair read as a relation: %v", f)
		}
	}
}

// TestIdentifierItem: a flashcard answer's items that are identifiers
// followed by where they live name the identifiers; a label ("archive: on
// one event bus") stays a label.
func TestIdentifierItem(t *testing.T) {
	src := `# SSM Automation

**Q:** Multi-account automation needs which IAM roles?
**A:** AWS-SystemsManager-AutomationAdministrationRole in the central account and AWS-SystemsManager-AutomationExecutionRole in every target account.
`
	g, names := extractNote(t, "qa.md", src)
	objs := map[string]bool{}
	for f := range factSet(g, names) {
		if f.line == 3 || f.line == 4 {
			objs[f.o] = true
		}
	}
	for _, o := range []string{"AWS-SystemsManager-AutomationAdministrationRole", "AWS-SystemsManager-AutomationExecutionRole"} {
		if !objs[o] {
			t.Errorf("no fact of lines 3-4 names %q: %v", o, objs)
		}
	}
}

// TestItemNameList: a list item that is itself a verbless list of short
// names ("Rate, burst, quota" under "Can create usage plan:") is as many
// items; a sentence with commas stays one.
func TestItemNameList(t *testing.T) {
	src := `### API Gateway throttling
- Can create usage plan:
  - Rate, burst, quota
  - Applies per stage, per method and per API key
`
	g, names := extractNote(t, "apigw.md", src)
	objs := map[string]bool{}
	for f := range factSet(g, names) {
		if f.line == 3 {
			objs[f.o] = true
		}
	}
	for _, o := range []string{"Rate", "burst", "quota"} {
		if !objs[o] {
			t.Errorf("no fact of line 3 names %q: %v", o, objs)
		}
	}
	if objs["Rate, burst, quota"] {
		t.Errorf("the three names read as one item: %v", objs)
	}
}

// TestArrowsThatDrawNoPath: an arrow inside an aside points at the note,
// and one arrow that leads to or from a clause says "so"; neither is a
// chain. An arrow in a label's aside leaves the chain after the label whole.
func TestArrowsThatDrawNoPath(t *testing.T) {
	src := `### Notes
- AWS OpsWorks Stacks (<- exam relevant)
- No policy present: All updates are allowed -> This differs from IAM default!
- Limit of 1000 versions -> can configure application version lifecycle management
- ordering cheat (fast -> slow): all at once -> rolling -> immutable
- Notifications to CloudWatch -> Lambda Functions
`
	g, names := extractNote(t, "arrows.md", src)
	got := factSet(g, names)
	for f := range got {
		if (f.p == graph.PredFlowsTo || f.p == graph.PredHop) && f.line >= 2 && f.line <= 4 {
			t.Errorf("line %d read as a chain: %v", f.line, f)
		}
	}
	for _, f := range []fact{
		{"Amazon CloudWatch", graph.PredFlowsTo, "AWS Lambda", 6},
	} {
		if !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	hops := 0
	for f := range got {
		if f.p == graph.PredHop && f.line == 5 {
			hops++
			if strings.Contains(f.o, "(") || strings.Contains(f.o, ")") {
				t.Errorf("hop split inside the label's aside: %v", f)
			}
		}
	}
	if hops != 3 {
		t.Errorf("line 5: %d hops, want 3 (all at once, rolling, immutable)", hops)
	}
}

// TestOutlineLabelLists: a numbered outline ("3.", "3.2", "3.2.1") nests
// like bullets; a head that names nothing under one that names a service
// heads more of that service; a "label: a, b" item is the head's item, its
// names items the label qualifies, written out where they leave out the
// first one's leading words; a line under an item that heads nothing is
// no item of the head above.
func TestOutlineLabelLists(t *testing.T) {
	text := "Lambda notes\n\n" +
		"3. CodeDeploy for Lambda - traffic shifting\n" +
		"\t3.2 Predefined deployment configs\n" +
		"\t\t3.2.1 Canary: LambdaCanary10Percent5Minutes, 10Percent10Minutes\n" +
		"\t\t\t3.2.1.1 = 10% first, then the rest after X min\n" +
		"\t\t3.2.2 Linear: LambdaLinear10PercentEvery1Minute, Every2Minutes\n"
	c := buildOneNote(t, "outline.txt", text)
	got := openRelations(c)
	for _, want := range []openRel{
		{"service:aws-codedeploy", "predefine deployment configs", "strategy:canary"},
		{"service:aws-codedeploy", "predefine deployment configs canary", "concept:lambdacanary10percent10minutes"},
		{"service:aws-codedeploy", "predefine deployment configs linear", "concept:lambdalinear10percentevery2minutes"},
	} {
		if !got[want] {
			t.Errorf("no open relation %v; got %v", want, got)
		}
	}
	for r := range got {
		if r.s == "service:aws-codedeploy" && strings.HasPrefix(r.o, "value:") {
			t.Errorf("the note under Canary became an item of the head: %v", r)
		}
	}
}

func TestCompleteElided(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		{[]string{"LambdaCanary10Percent5Minutes", "10Percent10Minutes", "10Percent30Minutes"}, []string{"LambdaCanary10Percent5Minutes", "LambdaCanary10Percent10Minutes", "LambdaCanary10Percent30Minutes"}},
		{[]string{"LambdaLinear10PercentEvery1Minute", "Every10Minutes"}, []string{"LambdaLinear10PercentEvery1Minute", "LambdaLinear10PercentEvery10Minutes"}},
		// names that elide nothing stay
		{[]string{"OneAtATime", "HalfAtATime", "AllAtOnce"}, []string{"OneAtATime", "HalfAtATime", "AllAtOnce"}},
		{[]string{"Rate", "burst", "quota"}, []string{"Rate", "burst", "quota"}},
		{[]string{"CodeDeployDefault.ECSLinear10PercentEvery1Minutes", "Every3Minutes shifts"}, []string{"CodeDeployDefault.ECSLinear10PercentEvery1Minutes", "Every3Minutes shifts"}},
	} {
		if got := completeElided(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("completeElided(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestChainPerSentence: a paragraph whose later sentence holds an arrow
// chain reads each sentence's chain on its own; the first chain no longer
// runs on into the next sentence's words.
func TestChainPerSentence(t *testing.T) {
	text := "Trusted Advisor -> EventBridge — events in us-east-1 only. Typical auto-remediation: TA check -> EventBridge -> Lambda. No native SNS.\n"
	c := buildOneNote(t, "para.txt", text)
	got := map[[2]string]bool{}
	for _, f := range c.Facts {
		if f.Predicate == graph.PredFlowsTo {
			got[[2]string{f.Subject, f.Object}] = true
		}
	}
	for _, want := range [][2]string{
		{"service:aws-trusted-advisor", "service:amazon-eventbridge"},
		{"service:amazon-eventbridge", "service:aws-lambda"},
	} {
		if !got[want] {
			t.Errorf("no flowsTo %s → %s; got %v", want[0], want[1], got)
		}
	}
}

// TestDashLabelLists: an item that labels a list with a dash
// ("subscribers - SQS, HTTP(s) (with retries), Lambda, email") relates the
// head's subject to the names by the head's phrase and the label; a dash
// after a name or before a sentence labels nothing.
func TestDashLabelLists(t *testing.T) {
	text := "### Messaging\n" +
		"- SNS - fan out messages to many receivers\n" +
		"  - subscribers - SQS, HTTP(s) (with retries), Lambda, email\n" +
		"  - Lambda - runs code when a message arrives\n"
	c := buildOneNote(t, "dash.md", text)
	got := openRelations(c)
	for _, want := range []string{"service:amazon-sqs", "service:aws-lambda", "concept:email"} {
		found := false
		for r := range got {
			if r.s == "service:amazon-sns" && r.o == want && strings.HasSuffix(r.p, "subscriber") {
				found = true
			}
		}
		if !found {
			t.Errorf("no relation of SNS by 'subscriber' to %s; got %v", want, got)
		}
	}
}

// TestItemNameGoesOn: a list item whose known name goes on past the
// identifier it opens with ("CloudWatch Logs", "CloudWatch Events") names
// that entity, not the identifier's ("CloudWatch").
func TestItemNameGoesOn(t *testing.T) {
	text := "Notes\n\n- EventBridge targets\n  - CloudWatch Logs\n  - Lambda\n- Session Manager\n  - history to: S3, CloudWatch Logs\n"
	c := buildOneNote(t, "names.txt", text)
	got := map[string]bool{}
	for _, f := range c.Facts {
		got[f.Subject+" "+f.Object] = true
	}
	for _, want := range []string{"service:amazon-eventbridge service:amazon-cloudwatch-logs", "feature:session-manager service:amazon-cloudwatch-logs"} {
		if !got[want] {
			t.Errorf("no fact %s; got %v", want, got)
		}
	}
	for _, no := range []string{"service:amazon-eventbridge service:amazon-cloudwatch", "feature:session-manager service:amazon-cloudwatch"} {
		if got[no] {
			t.Errorf("the item named the identifier, not the name: %s", no)
		}
	}
}

// TestVerbFirstHead: a list head that opens with its verb ("Can create
// CloudWatch log integration: 2 kinds" under "### API Gateway") speaks for
// the section's subject; the names after the verb are its object, not the
// items' subject.
func TestVerbFirstHead(t *testing.T) {
	text := "### API Gateway\n- Can create CloudWatch log integration: 2 kinds\n  - Access logging - like Apache access logs\n  - Execution logging - each execution\n"
	c := buildOneNote(t, "head.md", text)
	subjects := map[string]string{}
	for _, f := range c.Facts {
		if f.Object == "concept:access-logging" || f.Object == "concept:execution-logging" {
			subjects[f.Object] = f.Subject
		}
	}
	for _, o := range []string{"concept:access-logging", "concept:execution-logging"} {
		if subjects[o] != "service:amazon-api-gateway" {
			t.Errorf("%s is an item of %q, want API Gateway's", o, subjects[o])
		}
	}
}

// TestObjectListNoClause: a name after a comma that goes on a list of
// objects after a preposition ("Alarms go to ASG, EC2 actions, SNS
// notification") starts no clause of its own, so EC2 notifies nothing;
// a name after a leading phrase's comma ("By integrating with CloudWatch
// Events, GuardDuty alerts are actionable") still does.
func TestObjectListNoClause(t *testing.T) {
	text := "### Auto Scaling\n- Alarms go to ASG, EC2 actions, SNS notification - alarms are the mechanism an ASG uses to scale\n\n" +
		"### Security\n- By integrating with Amazon CloudWatch Events, GuardDuty alerts are actionable, easy to aggregate across multiple accounts\n"
	c := buildOneNote(t, "list.md", text)
	var gdCross bool
	for _, f := range c.Facts {
		if f.Subject == "service:amazon-ec2" {
			t.Errorf("EC2 is a subject: %s %s %s", f.Subject, f.Predicate, f.Object)
		}
		if f.Subject == "service:amazon-guardduty" && f.Object == "capability:cross-account" {
			gdCross = true
		}
	}
	if !gdCross {
		t.Errorf("GuardDuty's own clause lost its cross-account fact")
	}
}

// TestLabelListOfNames: a labelled list of names under a heading ("tasks:
// Run Command, Automation, Lambda, Step Functions" under "Maintenance
// Windows") relates the heading's subject to each name, though a word of
// one name ("Run") reads as a verb and the label ("tasks") is a concept a
// note named.
func TestLabelListOfNames(t *testing.T) {
	text := "# Systems Manager\n\n## Maintenance Windows\n\n- tasks: Run Command, Automation, Lambda, Step Functions\n"
	c := buildOneNote(t, "mw.md", text)
	got := map[string]bool{}
	for _, f := range c.Facts {
		got[f.Subject+" "+f.Predicate+" "+f.Object] = true
		if f.Subject == "feature:run-command" {
			t.Errorf("Run Command is a subject: %s %s %s", f.Subject, f.Predicate, f.Object)
		}
	}
	for _, want := range []string{"feature:maintenance-windows rel:task feature:run-command", "feature:maintenance-windows rel:task service:aws-lambda"} {
		if !got[want] {
			t.Errorf("no fact %s; got %v", want, got)
		}
	}
}

// TestChainOpenEnd: an arrow chain that ends (or starts) with an
// ellipsis or "etc." says it goes on; the hops written out are its path.
func TestChainOpenEnd(t *testing.T) {
	src := "# CodeDeploy\n\n" +
		"- In case we use a Load Balancer: `BeforeBlockTraffic` -> `BlockTraffic` -> `AfterBlockTraffic` -> ... (see `appspec.yml` below)\n" + // 3
		"- CloudWatch Logs -> Kinesis Data Firehose -> Amazon S3 -> etc.\n" // 4
	g, names := extractNote(t, "open.md", src)
	got := factSet(g, names)
	for _, f := range []fact{
		{"BeforeBlockTraffic", graph.PredFlowsTo, "BlockTraffic", 3},
		{"BlockTraffic", graph.PredFlowsTo, "AfterBlockTraffic", 3},
		{"Amazon Kinesis Data Firehose", graph.PredFlowsTo, "Amazon S3", 4},
	} {
		if !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	for f := range got {
		if f.p == graph.PredHop && (strings.Contains(f.o, "...") || strings.EqualFold(strings.TrimSpace(f.o), "etc")) {
			t.Errorf("an open end read as a hop: %v", f)
		}
	}
}

// TestChainHopShapes: a chain ends with its sentence ("... regions.
// Permission models: ..." starts a list of its own); a last hop that lists
// names ends the chain at each; a hop that is a service's name then its
// part's is two hops; a hop that opens with a preposition is a purpose, no
// hop; a part whose own name holds the service's stays one hop.
func TestChainHopShapes(t *testing.T) {
	src := `# Notes

- Config rules -> many accounts and regions. Permission models: self-managed or service-managed
- lifecycle hook notifications -> EventBridge, SNS or SQS
- app logs: CW Logs subscription filter -> Kinesis Data Firehose -> S3
- firehose -> for archiving (s3) but can transform too
- Same baseline in many accounts -> CloudFormation StackSets
`
	g, names := extractNote(t, "shapes.md", src)
	got := factSet(g, names)
	for _, f := range []fact{
		{"lifecycle hook notifications", graph.PredFlowsTo, "Amazon EventBridge", 4},
		{"lifecycle hook notifications", graph.PredFlowsTo, "Amazon SNS", 4},
		{"lifecycle hook notifications", graph.PredFlowsTo, "Amazon SQS", 4},
		{"Amazon CloudWatch Logs", graph.PredFlowsTo, "Subscription filter", 5},
		{"Subscription filter", graph.PredFlowsTo, "Amazon Kinesis Data Firehose", 5},
	} {
		if !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	for f := range got {
		switch {
		case f.line == 3 && f.p == graph.PredFlowsTo && strings.Contains(f.o, "Permission"):
			t.Errorf("a hop runs past its sentence: %v", f)
		case f.line == 6 && f.p == graph.PredFlowsTo:
			t.Errorf("a purpose read as a hop: %v", f)
		case f.line == 7 && f.p == graph.PredFlowsTo && f.s == "AWS CloudFormation":
			t.Errorf("one name split into two hops: %v", f)
		}
	}
	if t.Failed() {
		for f := range got {
			t.Logf("have %v", f)
		}
	}
}

// TestGlossArrow: an arrow after a term the note marks bold glosses it
// with what it does: the term relates to the names of each verb phrase;
// there is no path. An unmarked left side ("findings kept 90 days") or a
// modal after the arrow keep the chain reading.
func TestGlossArrow(t *testing.T) {
	src := `# ECS

- **task execution role** → pull image from ECR, send logs to CloudWatch Logs
- findings kept 90 days -> export to S3 for longer
`
	g, names := extractNote(t, "gloss.md", src)
	got := factSet(g, names)
	for _, f := range []fact{
		{"task execution role", "rel:pull image from", "Amazon ECR", 3},
		{"task execution role", "rel:send log to", "Amazon CloudWatch Logs", 3},
		{"findings kept 90 days", graph.PredFlowsTo, "Amazon S3", 4},
	} {
		if !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	for f := range got {
		if f.line == 3 && (f.p == graph.PredFlowsTo || f.p == graph.PredDelivers) {
			t.Errorf("a gloss read as a path: %v", f)
		}
	}
	if t.Failed() {
		for f := range got {
			t.Logf("have %v", f)
		}
	}
}

// TestChainPartHops: hops that name parts of one service by other words
// are those parts, not the service again ("X-Ray daemon -> X-Ray API");
// a hop that is the service's name alone stays the service, and a hop
// that says more than a part's name keeps its reading.
func TestChainPartHops(t *testing.T) {
	src := `# X-Ray

Data flow:
app + X-Ray SDK -> UDP 2000 -> X-Ray daemon -> X-Ray API -> X-Ray console

- S3 -> Lambda -> S3
- throttle: use 1 lambda > sns > other lambda(s)
`
	g, names := extractNote(t, "parts.md", src)
	got := factSet(g, names)
	for _, f := range []fact{
		{"UDP 2000", graph.PredFlowsTo, "X-Ray daemon", 3},
		{"X-Ray daemon", graph.PredFlowsTo, "X-Ray API", 3},
		{"X-Ray API", graph.PredFlowsTo, "X-Ray console", 3},
		{"Amazon S3", graph.PredFlowsTo, "AWS Lambda", 6},
		{"AWS Lambda", graph.PredFlowsTo, "Amazon S3", 6},
		{"AWS Lambda", graph.PredFlowsTo, "Amazon SNS", 7},
	} {
		if !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	if t.Failed() {
		for f := range got {
			t.Logf("have %v", f)
		}
	}
}

// TestSlashAlternativesEndChain: a chain's last hop that parts names with
// a spaced slash ends the chain at each of them, as commas do.
func TestSlashAlternativesEndChain(t *testing.T) {
	src := `# Logging

- Resolver query logging -> CloudWatch Logs / S3 / Firehose
- CloudTrail -> S3 / CloudWatch Logs
`
	g, names := extractNote(t, "slash.md", src)
	got := factSet(g, names)
	for _, f := range []fact{
		{"Resolver query logging", graph.PredFlowsTo, "Amazon CloudWatch Logs", 3},
		{"Resolver query logging", graph.PredFlowsTo, "Amazon S3", 3},
		{"Resolver query logging", graph.PredFlowsTo, "Amazon Kinesis Data Firehose", 3},
		{"AWS CloudTrail", graph.PredFlowsTo, "Amazon S3", 4},
		{"AWS CloudTrail", graph.PredFlowsTo, "Amazon CloudWatch Logs", 4},
	} {
		if !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	if t.Failed() {
		for f := range got {
			t.Logf("have %v", f)
		}
	}
}
