package queries

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// TestBlindFixes holds questions of blind rounds that a change of the
// question pipeline fixed, each answered from its round's notes.
func TestBlindFixes(t *testing.T) {
	for _, tc := range []struct {
		name, notes, q, intent string
		want                   []string
	}{
		// a yes/no question whose verdict scores under every other
		// reading's threshold still answers yes or no, not a description
		// of the thing it names
		{"weak verdict", "r88n", "Can I do ECS blue/green with CodeDeploy behind a Classic Load Balancer?", "yes-no", []string{"no"}},
		// a question that names CloudFormation and "stack update" (a
		// namesake feature of it) does not count CloudFormation's lines as
		// holding the feature too: the line on what change sets check
		// decides, not one on CloudFormation updates
		{"namesake named", "r96n", "Will a CloudFormation change set warn me that my stack update is going to fail because of missing IAM permissions or account limits?", "yes-no", []string{"no"}},
		// "cfn-hup" is found by the words its note line is indexed by
		{"hyphenated identifier", "r96n", "How often does cfn-hup poll the stack metadata for changes by default?", "", []string{"15 minutes"}},
		// an order asked of things the question names is their list's, in
		// order; read backwards from one of them, a position orders
		// nothing
		{"order of named steps", "r94n", "in what order are the input/output path filters applied in a state (InputPath, OutputPath, ResultPath etc)?", "", []string{"InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath"}},
		// a count written before its noun with a modifier between
		// ("max 25 unique destinations across all rules, max 10 rules"),
		// or with a noun no unit list knows ("Up to 10 triggers")
		{"count before its noun", "r97n", "How many destinations can ECR replication have in total?", "evidence", []string{"25"}},
		{"count of an unlisted noun", "", "codecommit max number of triggers per repo", "evidence", []string{"10"}},
		// a relation that holds the asked-for phrase whole, kind word and
		// all ("finding type"), is the reading: not a typed relation
		// whose vocabulary holds "find", nor the tie "find status"
		// (the note is a blog of "- " bullets titled by Inspector)
		{"kind word of the focus", "r98n", "List the finding types Inspector can produce.", "relation", []string{"code vulnerability", "network reachability", "package vulnerability"}},
		// the line that says "no charge for inter-AZ data" names the
		// load balancer that does not, so the narrowed list answers
		{"line denying the asked", "r98n", "Which load balancer types have cross-zone load balancing off by default and charge for inter-AZ data when you turn it on?", "relation", []string{"Network Load Balancer", "Gateway Load Balancer"}},
		// "The ALB has no static IP address." is the premise of the
		// sentence after it on its line, no exception to it
		{"premise sentence", "r98n", "Can an NLB send traffic to an ALB as its target so clients get static IPs?", "yes-no", []string{"yes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var e *Engine
			if tc.notes == "" {
				e = newEngine(t)
			} else {
				e = newEngine(t, filepath.Join("..", "testdata", "blind", tc.notes, "notes"))
			}
			res, err := e.Ask(t.Context(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			got := answerNames(res)
			if tc.intent != "" && res.Intent != tc.intent || !slices.Equal(got, tc.want) {
				t.Errorf("%q = %q (%s, %s), want %q (%s)", tc.q, got, res.Intent, res.Reading, tc.want, tc.intent)
			}
		})
	}
}

// TestIdentifierNamedByItsKind: an identifier the next word calls one of
// the asked-for kind ("the CloudWatch `PutMetricData` API") answers "which
// API ...", though it has too few camel-case words to say its kind itself.
func TestIdentifierNamedByItsKind(t *testing.T) {
	e := engineWithNote(t, "mon.md", "# Monitoring\n\n"+
		"- For a custom application metric that CloudWatch does not collect, publish it from the application with the CloudWatch `PutMetricData` API.\n"+
		"- CloudWatch dashboards can show metrics from several Regions.\n")
	if got := askNames(t, e, "which API do I call to publish a custom app metric to CloudWatch?"); !slices.Equal(got, []string{"PutMetricData"}) {
		t.Errorf("answers %q, want PutMetricData", got)
	}
	// a service's own camel-case name is no identifier of a kind:
	// "CloudWatch statistics" names no statistic
	if got := identifiersOfKind("CloudWatch statistics are aggregations of metric data over a period", "statist"); len(got) > 0 {
		t.Errorf("identifiersOfKind = %q, want none", got)
	}
}

// TestObligedVerb: "what needs installing" asks what the asker installs,
// as "what do I need to install" does: the line's object of "install"
// answers, not the words around it.
func TestObligedVerb(t *testing.T) {
	e := engineWithNote(t, "logs.md", "# Deployment logs\n\n"+
		"- To ship deployment logs to CloudWatch Logs, install the CloudWatch Logs agent on the instances.\n"+
		"- The deployment agent writes its own log under /opt.\n")
	for _, q := range []string{
		"What needs installing on the instances to get deployment logs into CloudWatch Logs?",
		"What needs to be installed on the instances to get deployment logs into CloudWatch Logs?",
	} {
		if got := askNames(t, e, q); !slices.Equal(got, []string{"CloudWatch Logs agent"}) {
			t.Errorf("%q: answers %q, want CloudWatch Logs agent", q, got)
		}
	}
}

// TestComplementAnswers: "what do I set X to?" is answered by what the
// best line sets X to ("Set its deployment controller to CodeDeploy"),
// even when the question names that thing too.
func TestComplementAnswers(t *testing.T) {
	e := newEngine(t)
	q := "How do I set up an ECS service so CodeDeploy can do blue/green on it - what do I set its deployment controller to?"
	if got := askNames(t, e, q); !slices.Equal(got, []string{"CodeDeploy"}) {
		t.Errorf("%q: answers %q, want CodeDeploy", q, got)
	}
}

// TestMarkedAnswers: "which deployment configuration ... by default" keeps,
// of the configurations a relation lists, the one a note line marks
// "(default)" right after its name, whatever its spelling there
// ("AllAtOnce ,HalfAtATime ,OneAtATime (default)" at 002:2212).
func TestMarkedAnswers(t *testing.T) {
	e := newEngine(t)
	q := "which deployment configuration does CodeDeploy use by default?"
	if got := askNames(t, e, q); !slices.Equal(got, []string{"One-at-a-time"}) {
		t.Errorf("%q: answers %q, want One-at-a-time", q, got)
	}
	// a second question that asks the default of the list the first asks
	// for does not narrow it
	q = "Which deployment configurations does CodeDeploy offer for EC2, and which is the default?"
	if got := askNames(t, e, q); len(got) != 3 {
		t.Errorf("%q: answers %q, want the three configurations", q, got)
	}
	// the marks that hold most of the question's words win; a question
	// that asks two keeps both
	eb := engineWithNote(t, "eb.md", "# Elastic Beanstalk\n\n"+
		"* Elastic Beanstalk provides those deployment policies:\n\n"+
		"    - All-at-once (default)\n"+
		"    - Rolling (default for EB CLI)\n"+
		"    - Immutable\n")
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"Which Elastic Beanstalk deployment policy does the EB CLI use by default?", []string{"Rolling"}},
		{"Which Elastic Beanstalk deployment policy is the default, and which one is the default with the EB CLI?", []string{"All-at-once", "Rolling"}},
	} {
		if got := askNames(t, eb, tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("%q: answers %q, want %q", tc.q, got, tc.want)
		}
	}
	var id string
	for k, n := range e.names {
		if n.Name == "One-at-a-time" {
			id = k
		}
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"AllAtOnce ,HalfAtATime ,OneAtATime (default) In-place (default), Blue/green", []string{"default"}},
		{"one at a time (default for the CLI)", []string{"default for the CLI"}},
		{"One-at-a-time (the slowest and safest option for production)", nil},
		{"OneAtATime", nil},
		{"(default) OneAtATime", nil},
	} {
		if got := e.marksAfter(tc.text, id); !slices.Equal(got, tc.want) {
			t.Errorf("marksAfter(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestVocabularyLeavesDenials: the words of the lines about an entity that
// deny something of it ("can not monitor memory usage") are no words of
// what it is about: a reading of its features does not cover "memory" by
// them, though two lines say it.
func TestVocabularyLeavesDenials(t *testing.T) {
	e := engineWithNote(t, "cw.md", "# CloudWatch\n\n"+
		"- CloudWatch can not monitor memory usage without an agent\n"+
		"- CloudWatch does not report memory usage of instances\n"+
		"- CloudWatch dashboards show graphs of metrics\n"+
		"- CloudWatch alarms watch graphs of metrics\n")
	var id string
	for k, n := range e.names {
		if n.Name == "Amazon CloudWatch" {
			id = k
		}
	}
	v := e.anchorVocab(id)
	if slices.Contains(v, "memori") {
		t.Errorf("vocabulary of CloudWatch holds %q, a word only its denials say: %q", "memori", v)
	}
	if !slices.Contains(v, "graph") {
		t.Errorf("vocabulary of CloudWatch lacks %q, a word two of its lines state: %q", "graph", v)
	}
}

// TestNamedInLine: a reading whose lines name another entity the question
// names ("As part of CodeDeploy operations, EventBridge can be set up with
// the following targets") is credited for it; EventBridge's general
// targets relation, whose lines do not name CodeDeploy, is not, and
// neither is a reading for the qualifier of its own subject.
func TestNamedInLine(t *testing.T) {
	e := engineWithNote(t, "eb.md", "# EventBridge\n\n"+
		"- EventBridge targets: Lambda, SNS, SQS, Kinesis Data Streams, Step Functions\n\n"+
		"# CodeDeploy\n\n"+
		"* CodeDeploy deployments can be monitored with CloudWatch alarms.\n\n"+
		"    As part of CodeDeploy operations, EventBridge can be set up with the following targets:\n\n"+
		"    - Lambda functions\n"+
		"    - SNS topics\n")
	a := e.analyze("Which targets can an EventBridge rule for CodeDeploy events send to?")
	e.supportOf(a)
	cs, err := e.scored(t.Context(), a)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, c := range cs {
		if c.typ == candRelation && strings.HasSuffix(c.anchor, "amazon-eventbridge") && c.via == "" {
			got[c.pred] = c.feat[featNamedInLine]
		}
	}
	if got["rel:can set up with target"] != 1 || got[graph.PredTargets] != 0 {
		t.Errorf("namedInLine by predicate = %v, want 1 for the CodeDeploy section's relation, 0 for targets", got)
	}
	// a reading that starts at a thing the question does not name gets
	// nothing for the lines that name what it does: "what is Elastic
	// Beanstalk" is no question on what Auto Scaling supports
	res, err := e.Ask(t.Context(), "what is Elastic Beanstalk")
	if err != nil {
		t.Fatal(err)
	}
	if res.Intent != "describe" {
		t.Errorf("what is Elastic Beanstalk: intent %s (%s), want describe", res.Intent, res.Reading)
	}
}

// TestOpenRelationReadingMore: a curated relation whose words overlap the
// asked-for noun ("deploymentType" for "deployment controller types") does
// not replace the note's own relation that reads more of the question
// ("deployment controller").
func TestOpenRelationReadingMore(t *testing.T) {
	e := engineWithNote(t, "ecs.yaml", "ecs:\n"+
		"  deployment_controllers:\n"+
		"    CODE_DEPLOY:\n"+
		"      requires: two target groups\n"+
		"    EXTERNAL:\n"+
		"      uses: task sets\n")
	got := askNames(t, e, "What deployment controller types can an Amazon ECS service be configured with?")
	if !slices.Contains(got, "AWS CodeDeploy") || !slices.Contains(got, "EXTERNAL") || slices.Contains(got, "Rolling") {
		t.Errorf("answers %q, want AWS CodeDeploy and EXTERNAL, the note's deployment controllers", got)
	}
}

// TestOneItemIsNoOrder: an order question is answered by a sequence, not
// by the one value of a numbered list's item ("Max payload between
// states: 256 KB"), though its line numbers it.
func TestOneItemIsNoOrder(t *testing.T) {
	e := newEngine(t, filepath.Join("..", "testdata", "blind", "r103n", "notes"))
	got := askNames(t, e, "Order the Step Functions input/output processing fields, from the input of a Task state to its output.")
	if len(got) < 5 || got[0] != "InputPath" || slices.Contains(got, "256 KB") {
		t.Errorf("answers %q, want the fields from InputPath on", got)
	}
}

// TestHyphenatedAttributeNarrows: a table's column named with a
// hyphenated word ("Cross-zone default") narrows the rows to those whose
// value the question gives, "off" of "turned off" among them.
func TestHyphenatedAttributeNarrows(t *testing.T) {
	e := engineWithNote(t, "elb.md", "# Elastic Load Balancing\n\n## Cross-zone load balancing\n\n"+
		"| Load balancer | Cross-zone default | Inter-AZ data charge |\n|---|---|---|\n"+
		"| ALB | on (can be turned off per target group) | no |\n"+
		"| NLB | off | yes |\n"+
		"| GWLB | off | yes |\n"+
		"| Classic Load Balancer | on when created in the console | no |\n")
	got := askNames(t, e, "Which Elastic Load Balancing load balancers have cross-zone load balancing turned off by default?")
	if !slices.Equal(got, []string{"Network Load Balancer", "Gateway Load Balancer"}) {
		t.Errorf("answers %q, want NLB and GWLB, whose cross-zone default is off", got)
	}
}

// TestSnakeCaseIdentifiers: a snake-case word the word after or before
// calls one of the asked-for kind answers "which parameter ..." ("configure
// CodeDeploy with `:proxy_uri` parameter"), and an upper-case snake-case
// word is an environment variable whatever its line calls it.
func TestSnakeCaseIdentifiers(t *testing.T) {
	e := engineWithNote(t, "deploy.md", "# CodeDeploy agent\n\n"+
		"- In case of a HTTP Proxy, configure CodeDeploy with `:proxy_uri` parameter\n"+
		"- The agent polls CodeDeploy over HTTPS 443.\n")
	q := "Which parameter do I configure CodeDeploy with when instances sit behind an HTTP proxy?"
	if got := askNames(t, e, q); !slices.Equal(got, []string{"proxy_uri"}) {
		t.Errorf("%q: answers %q, want proxy_uri", q, got)
	}
	for _, tc := range []struct {
		text, kind string
		want       []string
	}{
		{"Change the address with env var AWS_XRAY_DAEMON_ADDRESS", "variabl", []string{"AWS_XRAY_DAEMON_ADDRESS"}},
		{"set the parameter max_batch_size first", "paramet", []string{"max_batch_size"}},
		// a snake-case word nothing calls one of the kind is none
		{"the proxy_uri goes in the agent config", "paramet", nil},
		{"use the parameter store for secrets", "paramet", nil},
	} {
		if got := identifiersOfKind(tc.text, tc.kind); !slices.Equal(got, tc.want) {
			t.Errorf("identifiersOfKind(%q, %q) = %q, want %q", tc.text, tc.kind, got, tc.want)
		}
	}
}

// TestOpenRelationHoldingTheFocus: the note's own relation that holds every
// word of the asked-for phrase ("trigger type: configuration changes /
// periodic") answers, not a curated relation whose vocabulary holds one
// of them ("notifies" knows "trigger").
func TestOpenRelationHoldingTheFocus(t *testing.T) {
	e := newEngine(t)
	q := "What trigger types can an AWS Config rule have?"
	if got := askNames(t, e, q); !slices.Equal(got, []string{"configuration changes", "periodic"}) {
		t.Errorf("%q: answers %q, want configuration changes, periodic", q, got)
	}
}

// TestPartNamedBySection: a question about a part of a service ("AWS
// Config aggregators") reads a relation of the service stated under a
// heading that names the part by its own words ("Aggregation"), not as
// one that ignores the part.
func TestPartNamedBySection(t *testing.T) {
	e := newEngine(t)
	q := "How many AWS Config aggregators may I create per account?"
	if got := askNames(t, e, q); !slices.Equal(got, []string{"50 per account"}) && !slices.Equal(got, []string{"50"}) {
		t.Errorf("%q: answers %q, want 50 per account", q, got)
	}
}

// TestMisspeltNoteWords: a word a note misspells ("Precendence") still
// matches the question's ("precedence"): a rare stem one edit away with
// the same first letters stands for it.
func TestMisspeltNoteWords(t *testing.T) {
	e := noteEngine(t, "cb.md", "# AWS CodeBuild\n\n- Precendence: start-build, project definition, buildspec\n- Artifacts go to S3 by default\n")
	q := "what is the precedence in codebuild?"
	got := askNames(t, e, q)
	for _, want := range []string{"start-build", "project definition"} {
		if !slices.Contains(got, want) {
			t.Errorf("%q: answers %q, want %s among them", q, got, want)
		}
	}
	if m := e.misspellings("preced"); !slices.Contains(m, "precend") {
		t.Errorf("misspellings(preced) = %q, want precend", m)
	}
	if m := e.misspellings("deploy"); len(m) != 0 {
		t.Errorf("misspellings(deploy) = %q, want none (a word written often)", m)
	}
}

// TestNarrowingToTheQuestionsOwnEntity: a constraint that would keep only
// a thing the question itself names (Systems Manager, among the VPC's
// interface endpoints "ssm, ssmmessages, ec2messages") narrows nothing.
func TestNarrowingToTheQuestionsOwnEntity(t *testing.T) {
	e := newEngine(t, filepath.Join("..", "testdata", "blind", "r105n", "notes"))
	q := "Which VPC interface endpoints do EC2 instances without internet access need for Systems Manager?"
	got := askNames(t, e, q)
	for _, want := range []string{"ssmmessages", "ec2messages"} {
		if !slices.Contains(got, want) {
			t.Errorf("%q: answers %q, want %s among them", q, got, want)
		}
	}
	// nor is the thing the question names among the answers, when the
	// reading has others
	if slices.Contains(got, "AWS Systems Manager") {
		t.Errorf("%q: answers %q, want no AWS Systems Manager", q, got)
	}
}
