package ingest

import (
	"github.com/awskg/awskg/graph"
	"slices"
	"strings"
	"testing"
)

// TestSentenceSubjects: the subject of an open relation comes from the
// sentence first; a heading supplies it only when the sentence names none.
func TestSentenceSubjects(t *testing.T) {
	tests := []struct {
		name, note string
		want       []string // "subject predicate object" triples that must be read
		not        []string // triples that must not be
	}{
		// fixed bugs
		// A long verb-first bullet under a heading ("Emits CloudWatch
		// metrics such as ...")
		// made its object, the name after the verb, its subject.
		{"verb-first bullet's object", "### DynamoDB\n\n- Emits CloudWatch metrics such as SystemErrors, ThrottledRequests, ConsumedReadCapacityUnits or ConsumedWriteCapacityUnits, TimeToLiveDeletedItemCount\n",
			[]string{"service:amazon-dynamodb rel:emit concept:systemerrors", "service:amazon-dynamodb rel:emit concept:timetolivedeleteditemcount"},
			[]string{"feature:amazon-cloudwatch-metrics rel:such concept:systemerrors"}},
		// A sentence whose own subject is also the heading's was treated
		// as one that names no subject, and gave no facts.
		{"own subject equal to the heading's", "# Kinesis\n\nKinesis consists of three services: Kinesis Data Streams, Kinesis Data Firehose, and Kinesis Data Analytics.\n",
			[]string{"service:amazon-kinesis rel:consist service:amazon-kinesis-data-streams", "service:amazon-kinesis rel:consist service:amazon-kinesis-data-analytics"}, nil},
		{"own subject without a heading", "Kinesis consists of three services: Kinesis Data Streams, Kinesis Data Firehose, and Kinesis Data Analytics.\n",
			[]string{"service:amazon-kinesis rel:consist service:amazon-kinesis-data-firehose"}, nil},
		// An instruction to the reader names no subject: its first name is
		// an object ("set up SNS notification"), not what notifies.
		{"instruction after a conjunction", "### Health\n- Or set up SNS notification with CloudWatch events\n",
			nil, []string{"service:amazon-sns notifies service:amazon-eventbridge"}},
		{"instruction", "# Notes\n\nInstall the CodeDeploy agent on EC2 instances to send logs to CloudWatch Logs.\n",
			nil, []string{"service:aws-codedeploy deliversTo service:amazon-cloudwatch-logs"}},
		// A verbless list under a heading whose first item names no known
		// thing made that item the relation ("rel:kinesise datum stream").
		{"verbless list's first item", "# Kinesis Data Firehose\n\n- Sources\n- Kinesys Data Streams, CloudWatch Logs, IoT\n",
			nil, []string{"service:amazon-kinesis-data-firehose rel:kinesys datum stream service:amazon-cloudwatch-logs"}},
		// A glossary entry whose author marks its term ("**Custom
		// resource** - ...") credited the definition to the heading's
		// service, or to a name inside the term ("AWS::CloudFormation::Init"
		// is no CloudFormation), or read "**Term:** definition" as a label
		// over a list and gave nothing.
		{"marked glossary term", "# CloudFormation glossary\n\n**Custom resource** - Resource backed by an AWS Lambda function or an Amazon SNS topic named in ServiceToken.\n",
			[]string{"concept:custom-resource rel:resource back by service:aws-lambda", "concept:custom-resource rel:resource back by service:amazon-sns"},
			[]string{"service:aws-cloudformation rel:resource back by service:aws-lambda"}},
		{"marked term naming a service", "# CloudFormation glossary\n\n**AWS::CloudFormation::Init** - Metadata key that cfn-init reads to install packages on Amazon EC2 instances.\n",
			[]string{"concept:aws-cloudformation-init rel:metadata key cfn-init to install package concept:amazon-ec2-instances"}, nil},
		{"a glossary entry's participle opens its relation", "# Glossary\n\n**CreationPolicy** - Attribute that makes CloudFormation wait for signals. Used on AWS::EC2::Instance, AWS::AutoScaling::AutoScalingGroup and AWS::CloudFormation::WaitCondition.\n",
			[]string{"concept:creationpolicy rel:use concept:aws-autoscaling-autoscalinggroup", "concept:creationpolicy rel:use concept:aws-cloudformation-waitcondition"}, nil},
		// A sentence that opens with a part of an entity ("Parameter
		// masking in CodeBuild redacts ...") named no subject and gave no
		// fact; one that opens with a participle ("Logs stored in Amazon
		// S3 can be sent ...") or a function word names no part.
		{"a part named before its entity", "# Notes\n\nParameter masking in CodeBuild redacts secrets from Amazon CloudWatch Logs.\n",
			[]string{"concept:parameter-masking rel:redact secret from service:amazon-cloudwatch-logs"},
			[]string{"service:aws-codebuild rel:redact secret from service:amazon-cloudwatch-logs"}},
		{"no part before a participle", "# Notes\n\nLogs stored in Amazon S3 can be sent to Amazon CloudWatch Logs.\n",
			nil, []string{"concept:logs-stored rel:can send to service:amazon-cloudwatch-logs"}},
		// A label that names what its list is of an entity ("Targets of
		// a subscription filter: ...") gave no fact: the entity is not
		// where a subject opens a sentence.
		{"a label of an entity", "# CloudWatch Logs subscription filters\n\nReal-time delivery targets for a subscription filter: Kinesis Data Streams, AWS Lambda, Amazon Data Firehose.\n",
			[]string{"component:subscription-filter rel:real-time delivery target service:aws-lambda", "component:subscription-filter rel:real-time delivery target service:amazon-kinesis-data-streams"}, nil},
		{"no label of an entity after a verb", "# Notes\n\nUse the targets of a subscription filter: Kinesis Data Streams, AWS Lambda.\n",
			nil, []string{"component:subscription-filter rel:use the target service:aws-lambda"}},
		// Names coordinated with a known object were dropped: only the
		// one the dictionary knows was an object.
		{"names coordinated with a known object", "# Networking\n\nVPC Flow Logs can be enabled on a VPC, subnet or Elastic Network Interface (ENI) so that traffic is logged.\n",
			[]string{"log:vpc-flow-logs rel:can be enabled concept:subnet", "log:vpc-flow-logs rel:can be enabled concept:elastic-network-interface", "log:vpc-flow-logs rel:can be enabled service:amazon-vpc"}, nil},
		{"no item after a comma and a participle", "# Notes\n\nContainer Insights provides metrics for ECS, making it suitable for dashboards.\n",
			nil, []string{"feature:cloudwatch-container-insights rel:provide metric for concept:making-it-suitable"}},
		{"no list of two parts without a conjunction", "# Notes\n\nCodeBuild reads from CodeCommit, builds in containers.\n",
			nil, []string{"service:aws-codebuild rel:read from concept:builds-in-containers"}},
		{"marked term with its colon", "# Glossary\n\n**Dynamic reference:** resolves values at deploy time from SSM Parameter Store or AWS Secrets Manager.\n",
			[]string{"concept:dynamic-reference rel:resolve value deploy time from service:aws-secrets-manager"}, nil},
		// A sentence whose subject is a list of names ("S3, Kinesis Data
		// Streams and DynamoDB use ...") gave no fact: the names after the
		// first were read as objects with no verb before them, and the
		// plural verb ("use") is a stop word.
		{"a subject list", "# OpenSearch\n\nS3, Kinesis Data Streams and DynamoDB use Lambda functions as event handlers.\n",
			[]string{"service:amazon-s3 rel:use service:aws-lambda", "service:amazon-kinesis-data-streams rel:use service:aws-lambda", "service:amazon-dynamodb rel:use service:aws-lambda"}, nil},
		{"no subject list before an aside", "# Notes\n\nNotification to SQS or SNS (launch, terminate, fail to launch) or CloudWatch events.\n",
			nil, []string{"service:amazon-sns rel:launch concept:terminate"}},
		// A flashcard whose labels are bold ("**Q:** ...") read its "Q"
		// as a glossary term: every answer's fact was about a node "Q".
		{"bold flashcard labels", "# Lambda\n\n**Q:** Where do failed async invocations go?\n**A:** SQS, SNS, EventBridge\n",
			[]string{"service:aws-lambda rel:fail async invocation go service:amazon-sqs"}, []string{"concept:q rel:fail async invocation go service:amazon-sqs"}},
		{"no subject list of plural nouns", "# KMS\n\nKey policies cover S3 buckets, KMS keys, IAM roles and Lambda.\n",
			nil, []string{"service:aws-key-management-service rel:key service:aws-lambda"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tripleLines(buildOneNote(t, "n.md", tt.note))
			wantTriples(t, got, tt.want)
			for _, w := range tt.not {
				if contains(got, w) {
					t.Errorf("fact %q read; got:\n%s", w, strings.Join(got, "\n"))
				}
			}
		})
	}
}

// TestPredicateLike: list items and cells that read as predicates are not
// names of things.
func TestPredicateLike(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"Set routing policy to weighted", true},
		{"Choose which artifacts to send", true},
		{"Applied with next eb deploy", true},
		{"Usable in resources", true},
		{"Works on bucket level", true},
		{"Route 53 access logs", false},
		{"Run Command documents", false},
		{"Detailed monitoring", false},
		{"Provisioned concurrency", false},
		{"Rolling with additional batch", false},
		{"Blue/Green", false},
	}
	for _, tt := range tests {
		if got := predicateLike(dict.Lexicon, tt.text, strings.Fields(tt.text)); got != tt.want {
			t.Errorf("predicateLike(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestVocabHeadingSubject: in a section of no service, a heading that is
// the name of a strategy or capability ("Blue/green deployment") is what
// its lines without a subject of their own are about; under a service's
// heading ("multi-account" in AWS Config's section) the service stays
// the subject, and a heading that names a feature holding a capability
// word ("Cross-Region Replication") is no capability's section.
func TestVocabHeadingSubject(t *testing.T) {
	g, names := extractNote(t, "bg.md", `# Deployment strategies

## Blue/green deployment

- Different cutover techniques
  - DNS routing
  - Swap the target group


# AWS Config

## Multi-account

- Aggregator: central view
  - read only

## Cross-Region Replication

- Versioning: required
`)
	set := factSet(g, names)
	wantFacts(t, set,
		fact{"Blue/Green", "rel:cutover technique", "DNS routing", 6},
		fact{"Blue/Green", "rel:cutover technique", "Swap the target group", 7})
	for f := range set {
		if f.line >= 13 && (f.s == "Cross-account" || f.s == "Multi-region") {
			t.Errorf("a fact of AWS Config's section given to the capability its heading names: %+v", f)
		}
	}
}

// TestVocabHeadingAside: an aside after a strategy's name in a heading
// ("(build -> targets in stages)") is no part of it: the strategy is what
// the section's lines are about.
func TestVocabHeadingAside(t *testing.T) {
	g, names := extractNote(t, "strategies.txt", "Deployment Strategies\n\nMinimum in-service Deployment (initial build stage -> t1 t2 t3 ...)\n  • Deployment happens in multiple stages\n  • Allows automated testing, deployment targets are assessed and tested prior to continuing.\n  • Generally no downtime.\n")
	wantFacts(t, factSet(g, names), fact{"Minimum in-service", "rel:allow", "automated testing", 5})
}

// TestNameListWithVerbWords: a list of names is a list though a name's own
// words are verbs ("Parameter Store"): each name is an item.
func TestNameListWithVerbWords(t *testing.T) {
	g, names := extractNote(t, "cb.md", "# AWS CodeBuild\n\n- **Env vars**\n    - Plaintext, **Parameter Store** (`parameter-store:`), **Secrets Manager** (`secrets-manager:`)\n")
	wantFacts(t, factSet(g, names),
		fact{"AWS CodeBuild", "rel:env var", "SSM Parameter Store", 4},
		fact{"AWS CodeBuild", "rel:env var", "AWS Secrets Manager", 4})
}

// wantFacts reports each fact of want that set lacks.
func wantFacts(t *testing.T, set map[fact]bool, want ...fact) {
	t.Helper()
	for _, f := range want {
		if !set[f] {
			t.Errorf("missing %+v; facts: %v", f, set)
		}
	}
}

// TestCountedLimit: a sentence that counts a thing by its name, with no
// subject of its own, states a limit of the thing counted: the words
// around the count are the relation, the number its value.
func TestCountedLimit(t *testing.T) {
	g, names := extractNote(t, "limits.md", "# Limits\n\n- max 2 subscription filters per log group\n- Only up to 2 Lambda functions on the same stream\n")
	wantFacts(t, factSet(g, names),
		fact{"Subscription filter", "rel:max log group", "2", 3},
		fact{"AWS Lambda", "rel:only up to same stream", "2", 4})
}

// TestBoundIsNoDenial: "no more than 2 readers" bounds a number; the
// relation it states is not denied.
func TestBoundIsNoDenial(t *testing.T) {
	g, names := extractNote(t, "ddb.md", "# DynamoDB Streams\n\n- NOTE no more than 2 readers (else it throttles) from a stream at once\n")
	for f := range factSet(g, names) {
		if strings.HasPrefix(f.p, "rel:not ") {
			t.Errorf("a bound read as a denial: %+v", f)
		}
	}
	wantFacts(t, factSet(g, names), fact{"DynamoDB Streams", "rel:note", "2 readers", 3})
}

// TestClauseInChain: a hop of a chain that is a clause of its own
// ("Approval times out after 7 days → action fails") states what it says
// as well as being a hop; a hop that is itself a chain in brackets is read
// once (it recursed without end).
func TestClauseInChain(t *testing.T) {
	g, names := extractNote(t, "cp.md", "# AWS CodePipeline\n\n- **Manual approval**\n    - Approval times out after **7 days** → action fails\n    - Logs (CloudWatch -> S3 -> Athena pipeline here) -> analytics team\n")
	wantFacts(t, factSet(g, names), fact{"AWS CodePipeline", "rel:approval time out after", "7 days", 4})
}

// TestHeadingOfTwoServicesGivesNoSubject: a heading that names two
// services ("my Beanstalk + CloudFormation cheat sheet") gives its
// section's subjectless lines neither; one that names a second service
// only in an aside ("appspec hooks (EC2/On-prem)") still gives its own.
func TestHeadingOfTwoServicesGivesNoSubject(t *testing.T) {
	g, names := extractNote(t, "two.md", "# My Beanstalk + CloudFormation cheat sheet\n\n## Rollback order when a stack update fails\n\n- Rollback triggers: up to 5 CloudWatch alarms watched during the update\n")
	for f := range factSet(g, names) {
		if f.s == "AWS Elastic Beanstalk" || f.s == "AWS CloudFormation" {
			t.Errorf("a fact credited to one of the title's two services: %+v", f)
		}
	}
	g, names = extractNote(t, "aside.md", "# CodeDeploy notes\n\n## CodeDeploy appspec hooks (EC2/On-prem)\n\n- Hooks in order: ApplicationStop -> DownloadBundle -> BeforeInstall\n")
	found := false
	for f := range factSet(g, names) {
		if f.s == "AWS CodeDeploy" && f.o == "DownloadBundle" {
			found = true
		}
	}
	if !found {
		t.Errorf("CodeDeploy's hooks under a heading whose aside names EC2 lost: %v", factSet(g, names))
	}
}

// TestLogIsASubject: a log the dictionary knows ("VPC Flow Logs") is the
// subject of the sentence that names it first, as a service is; it was
// skipped, and the sentence read of nothing or of a later name.
func TestLogIsASubject(t *testing.T) {
	g, names := extractNote(t, "flow.md", "# Notes\n\n* VPC Flow Logs can be enabled on a VPC, subnet or ENI.\n* VPC Flow Logs sends logs to CloudWatch Logs or S3.\n")
	got := map[string]bool{}
	for _, f := range g.Facts {
		got[names[f.Subject]+" | "+f.Predicate+" | "+names[f.Object]] = true
	}
	for _, want := range []string{"VPC Flow Logs | rel:can be enabled | Amazon VPC", "VPC Flow Logs | rel:send log to | Amazon S3"} {
		if !got[want] {
			t.Errorf("facts %v lack %q", got, want)
		}
	}
}

// TestClauseGoesOnWithItsSubject: a clause after ";" that names no subject
// where it opens goes on about the subject the clause before it named
// ("Provisioned concurrency = ...; set on alias or version, NOT on
// $LATEST"), not about the section's; "X = ..." defines X, a subject,
// though no verb follows it.
func TestClauseGoesOnWithItsSubject(t *testing.T) {
	c := buildOneNote(t, "n.md", "# AWS Lambda\n\nProvisioned concurrency = pre-initialised environments to kill cold starts; set on alias or version, NOT on $LATEST.\n")
	found := false
	for _, st := range c.Statements {
		if strings.HasPrefix(st.Text, "set on alias") {
			found = true
			if st.Subject != "feature:lambda-provisioned-concurrency" {
				t.Errorf("%q: subject %q, want the clause before's (feature:lambda-provisioned-concurrency)", st.Text, st.Subject)
			}
		}
		if strings.HasPrefix(st.Text, "Provisioned concurrency =") && st.Subject != "feature:lambda-provisioned-concurrency" {
			t.Errorf("%q: subject %q, want the name it defines", st.Text, st.Subject)
		}
	}
	if !found {
		t.Errorf("no statement of the second clause: %v", c.Statements)
	}
}

// triple is a fact's subject, predicate and object.
type triple struct{ subj, pred, obj string }

// triplesOf returns a corpus's facts as triples, in fact order.
func triplesOf(c *Corpus) []triple {
	out := make([]triple, 0, len(c.Facts))
	for _, f := range c.Facts {
		out = append(out, triple{f.Subject, f.Predicate, f.Object})
	}
	return out
}

// TestPurposeClause: "To GOAL, MEANS" (or "If you need to GOAL, MEANS",
// "Use MEANS to GOAL") says the things the means clause names do what the
// goal says: each is the subject of the goal's verb
// phrase; the longest capitalised name counts ("CloudFormation Stack
// Policy", not CloudFormation), names in an aside or after a relative word
// do not, and "To date, ..." is no purpose.
func TestPurposeClause(t *testing.T) {
	c := buildOneNote(t, "n.md", "# Exam tips\n\n"+
		"* To roll out the same IAM roles in every account of an Organization, use a CloudFormation StackSet.\n"+
		"* To keep stack updates from replacing an RDS database, apply a CloudFormation Stack Policy that denies Update:Replace.\n"+
		"* To ship container logs to CloudWatch, run a log router (Fluent Bit) which forwards them to Amazon S3 too.\n"+
		"* To date, Amazon SNS has no FIFO limits worth knowing.\n"+
		"* If you need to trace requests across Lambda functions, use AWS X-Ray.\n"+
		"* Use AWS Config to record configuration changes of S3 buckets.\n")
	got := triplesOf(c)
	want := []triple{
		{"feature:aws-cloudformation-stacksets", "rel:roll out same role account", "service:aws-identity-and-access-management"},
		{"concept:cloudformation-stack-policy", "rel:keep stack update from replace database", "service:amazon-rds"},
		// the purpose after "If you need to", and "Use X to ..."
		{"service:aws-x-ray", "rel:trace request across", "service:aws-lambda"},
		{"service:aws-config", "rel:record configuration change", "service:amazon-s3"},
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %v in %v", w, got)
		}
	}
	for _, g := range got {
		switch {
		case g.subj == "service:aws-cloudformation":
			t.Errorf("%v: the means is the longer name, not CloudFormation", g)
		case g.subj == "service:amazon-s3" || g.subj == "service:amazon-cloudwatch" && g.obj != "":
			t.Errorf("%v: a name after a relative word or in an aside is no means", g)
		case g.subj == "service:amazon-sns" && strings.Contains(g.pred, "date"):
			// (what SNS has or has not is the main clause's, no purpose)
			t.Errorf("%v: \"To date\" opens no purpose", g)
		}
	}
}

// TestLabelledIdentifier: a label of two words or more with one identifier
// as its value relates the label's entity (or the section's subject) to
// the identifier by the label's other words.
func TestLabelledIdentifier(t *testing.T) {
	c := buildOneNote(t, "n.md", "# Elastic Beanstalk\n\n"+
		"* the instance profile name in beanstalk: aws-elasticbeanstalk-ec2-role\n"+
		"* log bundle folder variable: EB_LOG_BASE_DIR\n"+
		"* Type: AWS::ElasticBeanstalk::Environment\n")
	got := triplesOf(c)
	for _, w := range []triple{
		{"service:aws-elastic-beanstalk", "rel:instance profile", "concept:aws-elasticbeanstalk-ec2-role"},
		{"service:aws-elastic-beanstalk", "rel:log bundle folder variable", "concept:eb-log-base-dir"},
	} {
		if !slices.Contains(got, w) {
			t.Errorf("missing %v in %v", w, got)
		}
	}
	for _, g := range got {
		if g.pred == "rel:type" {
			t.Errorf("%v: a one-word key of a template is no label of the section's subject", g)
		}
	}
}

// TestHeadingParts: names right under a heading that names only its
// subject are the subject's parts; a heading that names nothing known,
// under none that does (a flashcard's front), is itself their subject.
// Names after a sentence at the heading's level, verb-led items, other
// services and a subject the heading only inherits give no part.
func TestHeadingParts(t *testing.T) {
	c := buildOneNote(t, "n.md", "# CloudWatch Logs\n\n"+
		"- Metric filters\n"+
		"- Subscription filters\n"+
		"- Amazon Kinesis\n"+
		"- Compiles your code\n"+
		"- Retention settings\n"+
		"\n## Other things to know\n\n"+
		"- Tagging\n")
	got := triplesOf(c)
	for _, w := range []triple{
		{"service:amazon-cloudwatch-logs", "feature", "component:metric-filter"},
		{"service:amazon-cloudwatch-logs", "feature", "component:subscription-filter"},
	} {
		if !slices.Contains(got, w) {
			t.Errorf("missing %v in %v", w, got)
		}
	}
	for _, g := range got {
		if g.pred == "feature" && (g.obj == "service:amazon-kinesis" || strings.Contains(g.obj, "compile") || strings.Contains(g.obj, "retention") || strings.Contains(g.obj, "tagging")) {
			t.Errorf("%v: no part of the heading's subject", g)
		}
	}
	d := buildOneNote(t, "d.md", "## Parameter policies (Advanced tier only)\n\n"+
		"- Expiration\n- ExpirationNotification\n- NoChangeNotification\n")
	got = triplesOf(d)
	for _, w := range []string{"concept:expiration", "concept:expirationnotification", "concept:nochangenotification"} {
		if !slices.Contains(got, triple{"concept:parameter-policies", "feature", w}) {
			t.Errorf("missing parameter policies feature %s in %v", w, got)
		}
	}
}

// TestPluralIES: a question's "parameter policy" finds the notes'
// "Parameter policies", as "filter" finds "filters".
func TestPluralIES(t *testing.T) {
	for w, want := range map[string]string{"policies": "policy", "strategies": "strategy", "filters": "filter", "status": "status"} {
		if got := stripPlural(w); got != want {
			t.Errorf("stripPlural(%q) = %q, want %q", w, got, want)
		}
	}
	base, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	d := base.WithNodes([]graph.Node{{ID: "concept:parameter-policies", Kind: graph.KindConcept, Name: "Parameter policies"}})
	if _, ok := d.Exact("parameter policy"); !ok {
		t.Error("\"parameter policy\" does not name the notes' \"Parameter policies\"")
	}
}

// TestFlatListLabels: in a list that lost its nesting (a PDF export), a
// plural noun phrase that names nothing ("Data sources") heads the known
// names after it, and a head of a common noun only ("Different types:")
// relates its subject to its items by that noun.
func TestFlatListLabels(t *testing.T) {
	note := "↖↑↓ QuickSight\n- QuickSight is a BI service.\n- Data sources\n- Amazon Athena\n- Amazon Redshift\n- Amazon S3\n- Various SQL databases. Snowflake\n" +
		"↖↑↓ Systems Manager\n- JSON format\n- Different types:\n- Command\n- Automation\n"
	g, names := extractNote(t, "n.txt", note)
	set := factSet(g, names)
	wantFacts(t, set,
		fact{"Amazon QuickSight", "rel:datum source", "Amazon Athena", 4},
		fact{"Amazon QuickSight", "rel:datum source", "Amazon S3", 6},
		fact{"AWS Systems Manager", "rel:type", "Command", 11},
		fact{"AWS Systems Manager", "rel:type", "Automation", 12})
	// one item that lists several names, one of them known, is a run too
	g, names = extractNote(t, "k.txt", "↖↑↓ Kinesis Data Streams\n- Sequence Number\n- unique identifier for each record\n- Producers\n- Kinesis SDK, Kinesis Agent, CloudWatch Logs\n- 3rd party libraries: Spark, Log4j\n")
	wantFacts(t, factSet(g, names), fact{"Amazon Kinesis Data Streams", "rel:producer", "Amazon CloudWatch Logs", 5},
		fact{"Amazon Kinesis Data Streams", "rel:producer", "Kinesis Agent", 5})
	// a run of names after a label that has a verb is no list of it
	g, names = extractNote(t, "n.txt", "↖↑↓ QuickSight\n- Runs unit tests\n- Amazon Athena\n- Amazon Redshift\n")
	for f := range factSet(g, names) {
		if strings.Contains(f.p, "unit test") {
			t.Errorf("fact %+v read under a label with a verb", f)
		}
	}
}

// TestKnownFeatureLabel: an item labelled by a known feature of the
// section's subject ("Parameter Store: stores ...") says what the feature
// does; its words are no relation of the subject's ("rel:capability
// parameter store"). Another entity's label qualifies the items.
func TestKnownFeatureLabel(t *testing.T) {
	g, names := extractNote(t, "ssm.md", "# Systems Manager\n\n## Capabilities\n\n- Parameter Store: stores configuration data and secrets\n")
	for f := range factSet(g, names) {
		if strings.Contains(f.p, "parameter store") {
			t.Errorf("fact %+v relates the subject by its feature's name", f)
		}
	}
	g, names = extractNote(t, "cd.md", "# CodeDeploy\n\n## Lifecycle hooks\n\n- ECS: BeforeInstall, AfterInstall, AfterAllowTestTraffic\n")
	wantFacts(t, factSet(g, names), fact{"AWS CodeDeploy", "rel:lifecycle hook ecs", "AfterInstall", 5})
}

// TestVerbItemIsNoThing: an item that opens with a verb and its object
// says what its head does ("Generates signed URL ..." under "Wait condition
// handler"); it is no thing the head lists. Under a head that names a
// process (a gerund: "Automatically Rotating Your Secrets") such items are
// its steps; and a plural noun before another word opens a name
// ("Insights events (unusual API activity)"), not a verb.
func TestVerbItemIsNoThing(t *testing.T) {
	g, names := extractNote(t, "w.md", "# CloudFormation\n\n- Wait condition handler:\n  - Generates signed URL to communicate success or failure\n  - Links handler and resource\n")
	for f := range factSet(g, names) {
		if f.p == "rel:wait condition handler" {
			t.Errorf("fact %+v: a verb's item read as a thing", f)
		}
	}
	g, names = extractNote(t, "s.md", "# Secrets Manager\n\n## Automatically Rotating Your Secrets\n\n- Creates a new version of the secret.\n- Verifies the new version.\n")
	wantFacts(t, factSet(g, names), fact{"AWS Secrets Manager", "rel:automatically rotate secret step", "Verifies the new version", 6})
	g, names = extractNote(t, "ct.md", "# CloudTrail\n\n- Event categories:\n  - Insights events (unusual API activity)\n  - Data events (S3 object-level)\n")
	wantFacts(t, factSet(g, names), fact{"AWS CloudTrail", "rel:event category", "Insights events", 4})
}

// TestScenarioList: "SITUATION: services" names the services that fit the
// situation: each is the subject, the situation's names the objects, its
// other words the relation; an item that says "not" denies it. A label
// that opens with a name heads a topic's list instead.
func TestScenarioList(t *testing.T) {
	c := buildOneNote(t, "n.md", "# Deployment cheat sheet\n\n"+
		"* rollback by CloudWatch alarm: codedeploy, eb not work (only by health check)\n"+
		"* query S3 data: athena\n"+
		"* subscription filter destinations: Kinesis Data Streams, Lambda\n"+
		"* multi app, multi dependencies: use docker: cfn, eb\n")
	got := triplesOf(c)
	for _, w := range []triple{
		{"service:aws-codedeploy", "rel:rollback by", "feature:amazon-cloudwatch-alarms"},
		{"service:aws-elastic-beanstalk", "rel:not rollback by", "feature:amazon-cloudwatch-alarms"},
		{"service:amazon-athena", "rel:query datum", "service:amazon-s3"},
	} {
		if !slices.Contains(got, w) {
			t.Errorf("missing %v in %v", w, got)
		}
	}
	for _, g := range got {
		switch {
		case g.obj == "feature:subscription-filter" || g.subj == "service:aws-lambda" && g.obj != "":
			t.Errorf("%v: a label that opens with a name heads its list", g)
		case g.subj == "service:aws-cloudformation" || g.subj == "service:aws-elastic-beanstalk" && strings.Contains(g.pred, "docker"):
			t.Errorf("%v: a label over another label is no situation", g)
		}
	}
}

// TestNumberVariants: an identifier followed by "/N/N" gives its variants
// by its last number ("LambdaCanary10Percent5Minutes /10/15/30"); a
// one-cell-per-line table cell broken over lines of such identifiers is a
// list of them, not one name.
func TestNumberVariants(t *testing.T) {
	c := buildOneNote(t, "n.txt", "↖↑↓ To Lambdas\nStep |\nComment |\nCreate application |\n. |\n"+
		"Specify deployment configuration |\n"+
		"LambdaCanary10Percent5Minutes /10/15/30\n"+
		"LambdaLinear10PercentEvery1Minute /2/3\n"+
		"LambdaAllAtOnce |\n"+
		"Deploy |\n. |\n")
	got := map[string]bool{}
	for _, tr := range triplesOf(c) {
		if tr.pred == "rel:specify deployment configuration" {
			got[tr.obj] = true
		}
	}
	for _, w := range []string{"LambdaCanary10Percent5Minutes", "LambdaCanary10Percent10Minutes", "LambdaCanary10Percent15Minutes",
		"LambdaCanary10Percent30Minutes", "LambdaLinear10PercentEvery1Minute", "LambdaLinear10PercentEvery2Minute",
		"LambdaLinear10PercentEvery3Minute", "LambdaAllAtOnce"} {
		if !got["concept:"+graph.Slug(w)] {
			t.Errorf("missing object %s in %v", w, got)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"LambdaCanary10Percent5Minutes /10/15/30", "LambdaCanary10Percent5Minutes, LambdaCanary10Percent10Minutes, LambdaCanary10Percent15Minutes, LambdaCanary10Percent30Minutes"},
		{"ECSCanary10Percent5Minutes /15, ECSAllAtOnce", "ECSCanary10Percent5Minutes, ECSCanary10Percent15Minutes, ECSAllAtOnce"},
		{"ECSCanary10Percent5Minutes /15 ECSAllAtOnce only", "ECSCanary10Percent5Minutes, ECSCanary10Percent15Minutes, ECSAllAtOnce only"},
		{"t2.micro / t3.small", "t2.micro / t3.small"},
		{"read/write 5/10", "read/write 5/10"},
		{"Canary /10", "Canary /10"},
	} {
		if got := expandVariants(tc.in); got != tc.want {
			t.Errorf("expandVariants(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestKindHeadWeakAlias: a key that is only a weak alias ("config:") names
// its entity under a key that names the entity's kind ("services:"), in a
// YAML note; elsewhere ("settings:") it names nothing.
func TestKindHeadWeakAlias(t *testing.T) {
	c := buildOneNote(t, "plan.yaml", "services:\n  config:\n    triggers:\n      periodic: [1 hour, 3 hours, 24 hours]\n"+
		"settings:\n  config:\n    periodic: [2 hours, 5 hours]\n")
	got := triplesOf(c)
	for _, w := range []string{"1-hour", "3-hours", "24-hours"} {
		if !slices.Contains(got, triple{"service:aws-config", "rel:trigger periodic", "value:" + w}) {
			t.Errorf("missing AWS Config trigger periodic %s in %v", w, got)
		}
	}
	for _, g := range got {
		if g.subj == "service:aws-config" && (g.obj == "value:2-hours" || g.obj == "value:5-hours") {
			t.Errorf("%v: \"config\" under \"settings\" is no service", g)
		}
	}
}

// TestNotificationOnEvents: "SNS notification on all Config events" says
// Config notifies SNS, not the other way round; "CodeCommit notifications
// go to SNS" keeps its direction.
func TestNotificationOnEvents(t *testing.T) {
	c := buildOneNote(t, "n.md", "# AWS Config\n\n## Automation\n- SNS notification on all Config events (cannot configure which events)\n- CloudWatch Events to observe specific events/rules\n\n"+
		"# CodeCommit\n\n- CodeCommit notifications go to SNS\n")
	got := triplesOf(c)
	for _, w := range []triple{
		{"service:aws-config", "notifies", "service:amazon-sns"},
		{"service:aws-codecommit", "notifies", "service:amazon-sns"},
	} {
		if !slices.Contains(got, w) {
			t.Errorf("missing %v in %v", w, got)
		}
	}
	for _, g := range got {
		if g.subj == "service:amazon-sns" && g.pred == "notifies" {
			t.Errorf("%v: SNS is notified here, it notifies nothing", g)
		}
	}
}

// TestRestrictingAsideIsNoName: an item's aside that restricts it ("(agent
// only)") is a note on the item, not part of its name, though the item is
// an English verb ("Install").
func TestRestrictingAsideIsNoName(t *testing.T) {
	c := buildOneNote(t, "n.md", "# CodeDeploy\n\n## AppSpec lifecycle hooks\n### EC2/On-Prem in-place (in order)\n"+
		"1. `ApplicationStop`\n2. `DownloadBundle` (agent only)\n3. `BeforeInstall`\n4. `Install` (agent only)\n5. `AfterInstall`\n")
	var got []string
	for _, tr := range triplesOf(c) {
		if tr.pred == "rel:in-place order" {
			got = append(got, tr.obj)
		}
	}
	want := []string{"concept:applicationstop", "concept:downloadbundle", "concept:beforeinstall", "concept:install", "concept:afterinstall"}
	if !slices.Equal(got, want) {
		t.Errorf("in-place order %v, want %v", got, want)
	}
}

// TestLeadingCodeSpanNamesItem: a nested item that opens with a code span
// and says more after it ("`S3 bucket` (required) for configuration
// history") is named by the span, as a top-level one already was.
func TestLeadingCodeSpanNamesItem(t *testing.T) {
	c := buildOneNote(t, "n.md", "# AWS Config\n\n- Building blocks\n  - `delivery channel`: where results go\n"+
		"    - `S3 bucket` (required) for configuration history and snapshots\n"+
		"    - `SNS topic` (optional) for configuration change notifications\n")
	var got []string
	for _, f := range c.Facts {
		if strings.HasSuffix(f.Source, ":5") || strings.HasSuffix(f.Source, ":6") {
			got = append(got, f.Object)
		}
	}
	for _, want := range []string{"service:amazon-s3", "service:amazon-sns"} {
		if !slices.Contains(got, want) {
			t.Errorf("objects of the delivery channel's items %v, want %s", got, want)
		}
	}
	for _, o := range got {
		if strings.Contains(o, "configuration-history") || strings.Contains(o, "change-notifications") {
			t.Errorf("object %s keeps the item's description", o)
		}
	}
}

// TestListEndsWithPhrase: a long list of names that ends with a phrase
// ("..., Global Accelerator, another record in the same hosted zone") is
// still a list of the names; a short one is not.
func TestListEndsWithPhrase(t *testing.T) {
	c := buildOneNote(t, "n.md", "# Route 53\n\n### Alias records\n* free queries\n"+
		"* targets: ELB, CloudFront, S3 website endpoint, API Gateway, VPC interface endpoint, Global Accelerator, another record in the same hosted zone\n")
	var got []string
	for _, f := range c.Facts {
		if f.Predicate == "rel:alias record target" {
			got = append(got, f.Object)
		}
	}
	for _, want := range []string{"service:elastic-load-balancing", "service:amazon-cloudfront", "service:amazon-api-gateway", "service:aws-global-accelerator"} {
		if !slices.Contains(got, want) {
			t.Errorf("alias record targets %v, want %s", got, want)
		}
	}
	if items := listAt("SNS, SQS, another record in the same hosted zone", 0, 48); items != nil {
		t.Errorf("a short list ending in a phrase reads as %v", items)
	}
}

// TestLifecycleEventsAreNamedByOneWord: a lifecycle hooks list's items are
// events when one word or identifier names each ("BeforeInstall",
// "Pending:Wait"); a phrase ("Heartbeat timeout", "Where the hook
// notification goes") or a service ("Amazon SNS") under it is none.
func TestLifecycleEventsAreNamedByOneWord(t *testing.T) {
	c := buildOneNote(t, "n.md", "# Auto Scaling\n\n## Lifecycle hooks\n\n"+
		"* Heartbeat timeout\n* Where the hook notification goes\n* Amazon SNS\n* Pending:Wait\n\n"+
		"# CodeDeploy\n\n## Lifecycle hooks\n\n* BeforeInstall\n* AfterInstall\n")
	var got []string
	for _, f := range c.Facts {
		if f.Predicate == graph.PredEvent {
			got = append(got, f.Object)
		}
	}
	for _, o := range got {
		if strings.Contains(o, "heartbeat") || strings.Contains(o, "notification") || o == "service:amazon-sns" {
			t.Errorf("lifecycle events %v hold %s", got, o)
		}
	}
	for _, want := range []string{"event:beforeinstall", "event:afterinstall"} {
		if !slices.Contains(got, want) {
			t.Errorf("lifecycle events %v, want %s", got, want)
		}
	}
}

// TestCopulaRelatesAPairOfNames: "The target is an Amazon SQS queue or an
// Amazon SNS topic" under a heading that names the dead-letter queue
// relates it to both services by the noun before the copula; a pair of
// words that name nothing ("Configurations are saved and versioned",
// "Version is code and configuration") relates nothing.
func TestCopulaRelatesAPairOfNames(t *testing.T) {
	c := buildOneNote(t, "n.md", "# Lambda\n\n## Dead-letter queues\n\n"+
		"A DLQ only catches failed events. The target is an Amazon SQS queue or an Amazon SNS topic.\n\n"+
		"## Elastic Beanstalk\n\nConfigurations are saved and versioned. Version is code and configuration.\n")
	var got []string
	for _, f := range c.Facts {
		switch f.Object {
		case "service:amazon-sqs", "service:amazon-sns":
			got = append(got, f.Subject+" "+f.Object)
		}
		if strings.Contains(f.Predicate, "configuration") || strings.Contains(f.Predicate, "version") {
			t.Errorf("fact %s %s %s from a pair of words", f.Subject, f.Predicate, f.Object)
		}
	}
	slices.Sort(got)
	if want := []string{"feature:dead-letter-queue service:amazon-sns", "feature:dead-letter-queue service:amazon-sqs"}; !slices.Equal(got, want) {
		t.Errorf("facts %v, want %v", got, want)
	}
}

// TestPartDefinition: "Zonal shift is a feature in Route53 ARC that ..."
// makes Zonal shift a feature of Route 53 ARC (a service of the
// dictionary); a pronoun or a known name before the copula defines
// nothing new.
func TestPartDefinition(t *testing.T) {
	c := buildOneNote(t, "n.md", "## Disaster recovery\n\n"+
		"ARC integrates with services like Route53 and Elastic Load Balancing.\n\n"+
		"Zonal shift is a feature in Route53 ARC that can temporarily shift traffic from an impaired AZ to a healthy one.\n\n"+
		"It is a feature of Lambda that few use.\n")
	var got []string
	for _, f := range c.Facts {
		if f.Predicate == graph.PredFeature {
			got = append(got, f.Subject+" "+f.Object)
		}
	}
	if want := []string{"service:amazon-route-53-application-recovery-controller feature:zonal-shift"}; !slices.Equal(got, want) {
		t.Errorf("features %v, want %v", got, want)
	}
}

// TestTitleNamesTheNotesTopic: a note whose title names one service is that
// service's note: a line under a heading that names nothing ("limits worth
// memorizing") is about it. Not when the first line is a field the note
// repeats (a file of records), nor when the title names two services, nor
// when the first heading is one section among others.
func TestTitleNamesTheNotesTopic(t *testing.T) {
	blog := "versions\n#\n- cannot edit a published version\n\nlimits worth memorizing\n#\n- timeout: 900 s (15 min) max, default 3 s\n- memory: 128 MB to 10,240 MB\n"
	for _, tc := range []struct {
		name, note string
		want       bool
	}{
		{"blog title", "DOP-C02 cheat notes: lambda deploys, versions, aliases\n\n" + blog, true},
		{"no title", "posted in devops-pro\n\n" + blog, false},
		{"two services", "cheat notes: lambda and codedeploy\n\n" + blog, false},
		{"repeated field", "title: AWS Lambda\ntags: x\n\n! limits\n* timeout: 900 s max\n\ntitle: AWS Config\ntags: y\n\n! rules\n* timeout: 900 s max\n\ntitle: Notes\ntags: z\n", false},
		{"first of several sections", "## AWS Lambda\n\n- concurrency: 1000\n\n## limits worth memorizing\n\n- timeout: 900 s max\n", false},
	} {
		name := "n.txt"
		if strings.HasPrefix(tc.note, "##") {
			name = "n.md"
		}
		c := buildOneNote(t, name, tc.note)
		got := false
		for _, f := range c.Facts {
			if f.Subject == "service:aws-lambda" && strings.Contains(f.Predicate, "timeout") {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%s: Lambda's timeout read %v, want %v", tc.name, got, tc.want)
		}
	}
}

// objectNames returns the lower-case names of the objects of subject's
// facts whose predicate holds words, sorted.
func objectNames(c *Corpus, subject, words string) []string {
	name := map[string]string{}
	for _, n := range c.Nodes {
		name[n.ID] = n.Name
	}
	var got []string
	for _, f := range c.Facts {
		if f.Subject == subject && strings.Contains(f.Predicate, words) {
			got = append(got, strings.ToLower(name[f.Object]))
		}
	}
	slices.Sort(got)
	return got
}

// TestOneItemListsSeveral: "- Can create usage plan:" heads the item after
// it at its own depth when that item lists several names ("- Rate, burst,
// quota"), as it would two items of one name each.
func TestOneItemListsSeveral(t *testing.T) {
	c := buildOneNote(t, "n.txt", "↖↑↓ API Gateway\n↖↑↓ Throttling\n- Account-wide limit of 10,000 requests per second.\n"+
		"- Can create usage plan:\n- Rate, burst, quota\n- Can assoicate with stage/method/API key (to limit certain clients)\n")
	got := objectNames(c, "service:amazon-api-gateway", "usage plan")
	if want := []string{"burst", "quota", "rate"}; !slices.Equal(got, want) {
		t.Errorf("usage plan items %v, want %v", got, want)
	}
}

// TestItemAsideCountsForNothing: an item's parenthesised aside does not
// make it a sentence: "- Log Archive account (central CloudTrail and
// Config logs)" is one name under "- Shared accounts created at setup:".
func TestItemAsideCountsForNothing(t *testing.T) {
	c := buildOneNote(t, "n.txt", "↖↑↓ AWS Control Tower\n- Sets up a landing zone\n- Shared accounts created at setup:\n- Management account\n"+
		"- Log Archive account (central CloudTrail and Config logs)\n- Audit account (security team read/write access, SNS aggregation of notifications)\n"+
		"- Account Factory provisions new accounts, built on AWS Service Catalog\n")
	got := objectNames(c, "service:aws-control-tower", "share account")
	if want := []string{"audit account", "log archive account", "management account"}; !slices.Equal(got, want) {
		t.Errorf("shared accounts %v, want %v", got, want)
	}
}

// TestVerbFirstBulletNamesItsObject: a bullet that opens with its verb
// under a heading that names its subject takes the name-like noun phrase
// after the verb as its object ("listens on UDP port 2000"); common nouns
// there are not read ("takes place once"), nor is an acronym a verb ("AWS
// managed rules").
func TestVerbFirstBulletNamesItsObject(t *testing.T) {
	c := buildOneNote(t, "x.md", "# AWS X-Ray\n\n## The X-Ray daemon\n\n* listens on UDP port 2000\n* takes place once\n* AWS managed rules (predefined)\n")
	var got []string
	for _, f := range c.Facts {
		if f.Subject == "service:aws-x-ray" {
			got = append(got, f.Predicate+" "+f.Object)
		}
	}
	if want := []string{"rel:listen concept:udp-port-2000"}; !slices.Equal(got, want) {
		t.Errorf("X-Ray's facts %v, want %v", got, want)
	}
}

// TestSentenceNamesItsOwnSubject: a sentence whose noun phrase opens it
// before its verb is about that phrase's thing, not the section's, when
// the section names no service or the phrase is written as code; a label
// before a colon and a verb ("Calculated health check: combines ...")
// names what does what the verb says.
func TestSentenceNamesItsOwnSubject(t *testing.T) {
	for _, tc := range []struct {
		name, file, note  string
		subject, relation string // the node name and predicate words a fact must have
		object            string // a word of its object's name
	}{
		{"noun phrase under a concept heading", "n.md", "# Health checks\n\n- Health checkers cannot reach private resources in a VPC\n",
			"health checkers", "reach private resource", "vpc"},
		{"code span before its verb", "n.md", "# Step Functions errors\n\n## Gotchas\n\n2. `States.ALL` does **not** catch `States.DataLimitExceeded` or `States.Runtime` - those are terminal.\n",
			"states.all", "not catch", "states.runtime"},
		{"label then verb", "n.txt", "Route 53 failover\nHealth checks\n  • Three kinds\n    • Calculated health check: combines up to 256 child health checks with OR, AND\n",
			"calculated health check", "combine up to", "256"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := buildOneNote(t, tc.file, tc.note)
			name := map[string]string{}
			for _, n := range c.Nodes {
				name[n.ID] = strings.ToLower(n.Name)
			}
			var got []string
			for _, f := range c.Facts {
				got = append(got, name[f.Subject]+" | "+f.Predicate+" | "+name[f.Object])
				if name[f.Subject] == tc.subject && strings.Contains(f.Predicate, tc.relation) && strings.Contains(name[f.Object], tc.object) {
					return
				}
			}
			t.Errorf("no fact (%s, %s, %s) in %q", tc.subject, tc.relation, tc.object, got)
		})
	}
}

// TestServiceSectionKeepsPlainSubjects: under a service's section, a plain
// noun phrase that opens a sentence says what the service does ("approval
// action times out after 7 days" under CodePipeline), and a passive's
// subject is no doer.
func TestServiceSectionKeepsPlainSubjects(t *testing.T) {
	c := buildOneNote(t, "n.md", "# CodePipeline\n\n- approval action times out after 7 days\n- New application versions can be deployed to Lambda\n")
	if got := objectNames(c, "service:aws-codepipeline", "time out after"); !slices.Equal(got, []string{"7 days"}) {
		t.Errorf("CodePipeline's time-out: %q, want [7 days]", got)
	}
	for _, n := range c.Nodes {
		if strings.EqualFold(n.Name, "New application versions") || strings.EqualFold(n.Name, "approval action") {
			t.Errorf("node %q made of a phrase under a service's section", n.Name)
		}
	}
}

// TestBlogTitleOverItsPreamble: a blog post's title, every heading at one
// level, names the note's service when only a few paragraphs come before
// the next heading.
func TestBlogTitleOverItsPreamble(t *testing.T) {
	body := "what it is\n#\n- NOT for docker images -> those go to ecr\n- formats: npm, pypi, maven, nuget\n"
	for _, tc := range []struct {
		name, note string
		want       bool
	}{
		{"title over a preamble", "CodeArtifact & package pipelines - my cheat sheet\n#\nposted in devops-pro prep, part 7\n\n" + body, true},
		{"title naming nothing", "my cheat sheet\n#\nposted in devops-pro prep, part 7\n\n" + body, false},
	} {
		c := buildOneNote(t, "n.txt", tc.note)
		got := len(objectNames(c, "service:aws-codeartifact", "format")) > 0
		if got != tc.want {
			t.Errorf("%s: CodeArtifact's formats read %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestCountBeforeExamples: the names in brackets after a count other than
// theirs are examples of what it counts, not its objects; a count that
// matches them still lists them.
func TestCountBeforeExamples(t *testing.T) {
	c := buildOneNote(t, "n.md", "# CodeArtifact\n\n- external connection: only 1 per repo (npmjs, pypi, maven central, nuget.org ...)\n")
	for _, f := range c.Facts {
		if strings.Contains(f.Object, "npmjs") || strings.Contains(f.Object, "pypi") {
			t.Errorf("example read as an object: %+v", f)
		}
	}
	c = buildOneNote(t, "n.md", "# GuardDuty\n\n- Pulls three log types (CloudTrail, VPC flow, DNS)\n")
	if len(objectNames(c, "service:amazon-guardduty", "pull")) < 3 {
		t.Errorf("three log types for three names: %q", objectNames(c, "service:amazon-guardduty", "pull"))
	}
}

// TestEntityLabelAfterListMarker: "- vpc interface endpoints: a + b" names
// VPC's endpoints, under a note whose title names another service too.
func TestEntityLabelAfterListMarker(t *testing.T) {
	c := buildOneNote(t, "n.txt", "CodeArtifact & package pipelines - my cheat sheet\n#\nposted in devops-pro prep\n\nprivate network\n#\n- vpc interface endpoints: com.amazonaws.<region>.codeartifact.api + com.amazonaws.<region>.codeartifact.repositories\n")
	if got := objectNames(c, "service:amazon-vpc", "interface endpoint"); len(got) != 2 {
		t.Errorf("VPC's interface endpoints: %q, want 2", got)
	}
}

// TestCellListsPlacedIdentifiers: a cell that lists identifiers each with
// where it lives ("AWSCloudFormationStackSetAdministrationRole in admin
// account, AWSCloudFormationStackSetExecutionRole in each target account")
// gives every identifier, not the first.
func TestCellListsPlacedIdentifiers(t *testing.T) {
	note := "↖↑↓ StackSets permission models\nModel |\nRoles / setup |\nTargets |\n" +
		"Self-managed |\nAWSCloudFormationStackSetAdministrationRole in admin account, AWSCloudFormationStackSetExecutionRole in each target account |\nAccount IDs |\n" +
		"Service-managed |\nTrusted access with AWS Organizations enabled |\nOrganizational units |\n"
	c := buildOneNote(t, "n.txt", note)
	name := map[string]string{}
	for _, n := range c.Nodes {
		name[n.ID] = n.Name
	}
	var got []string
	for _, f := range c.Facts {
		if strings.EqualFold(name[f.Subject], "Self-managed") && strings.Contains(f.Predicate, "role") {
			got = append(got, name[f.Object])
		}
	}
	slices.Sort(got)
	if want := []string{"AWSCloudFormationStackSetAdministrationRole", "AWSCloudFormationStackSetExecutionRole"}; !slices.Equal(got, want) {
		t.Errorf("Self-managed's roles: %q, want %q", got, want)
	}
}

// TestSharedHeadList: one-word modifiers that share the plural noun after
// the last of them ("source, build, test, and deploy stages") are that
// noun's things, each an object of the verb; nouns of their own ("tags,
// branches and file paths") and verbs after "to" are not.
func TestSharedHeadList(t *testing.T) {
	tests := []struct {
		name, note string
		want       []string // triples that must be read
		head       string   // a head no object may be named by, when the list is none
	}{
		{"after a preposition", "# Pipelines\n\nCodePipeline offers continuous delivery of source, build, test, and deploy stages using native services.\n",
			[]string{"service:aws-codepipeline rel:offer continuous delivery concept:source-stage", "service:aws-codepipeline rel:offer continuous delivery concept:deploy-stage"}, ""},
		{"right after the verb", "# Stacks\n\nCloudFormation manages parent, child, and root stacks.\n",
			[]string{"service:aws-cloudformation rel:manage concept:parent-stack", "service:aws-cloudformation rel:manage concept:root-stack"}, ""},
		{"nouns of their own", "# Triggers\n\nCodeBuild triggers on tags, branches, and file paths.\n",
			nil, "-path"},
		{"verbs after to", "# Beanstalk\n\nElastic Beanstalk allows developers to deploy, monitor, and scale applications.\n",
			nil, "-application"},
		{"verbs after an auxiliary", "# Deployments\n\nCodeDeploy can stop, retry, or redeploy deployments.\n",
			nil, "-deployment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := buildOneNote(t, "n.md", tt.note)
			for _, f := range c.Facts {
				if tt.head != "" && strings.HasSuffix(f.Object, tt.head) {
					t.Errorf("fact %s %s %s reads a shared head", f.Subject, f.Predicate, f.Object)
				}
			}
			wantTriples(t, tripleLines(c), tt.want)
		})
	}
}

// tripleLines returns a corpus's facts as "subject predicate object" lines.
func tripleLines(c *Corpus) []string {
	var got []string
	for _, f := range c.Facts {
		got = append(got, f.Subject+" "+f.Predicate+" "+f.Object)
	}
	return got
}

// wantTriples reports each "subject predicate object" line of want that got
// lacks.
func wantTriples(t *testing.T, got, want []string) {
	t.Helper()
	for _, w := range want {
		if !contains(got, w) {
			t.Errorf("no fact %q; got:\n%s", w, strings.Join(got, "\n"))
		}
	}
}

// TestListHeadCommentClause: a list head whose clause after the comma
// comments on the items ("each one is a Lambda function itself") relates
// them by its first clause ("only hook"), not by the comment; a head that
// opens with a phrase of no verb ("As part of CodeDeploy operations,")
// keeps the clause after it.
func TestListHeadCommentClause(t *testing.T) {
	tests := []struct {
		name, note string
		want       []string
		not        string
	}{
		{"comment after the comma", "AWS CodeDeploy\nDeploying to Lambda\n  • Hooks for Lambda are only two, each one is a Lambda function itself:\n    • BeforeAllowTraffic - runs before any traffic is shifted to the new version\n    • AfterAllowTraffic - runs after all traffic is on the new version\n",
			[]string{"service:aws-lambda rel:only hook concept:beforeallowtraffic", "service:aws-lambda rel:only hook concept:afterallowtraffic"}, "rel:itself"},
		{"a leading phrase", "# EventBridge\n\n- As part of CodeDeploy deployments, EventBridge can be set up with these targets:\n  - Lambda functions\n  - SNS topics\n",
			[]string{"service:amazon-eventbridge rel:can set up with target service:aws-lambda"}, "rel:part deployment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := buildOneNote(t, "n.txt", tt.note)
			got := tripleLines(c)
			for _, l := range got {
				if strings.Contains(l, tt.not) {
					t.Errorf("fact %q relates by the wrong clause", l)
				}
			}
			wantTriples(t, got, tt.want)
		})
	}
}

// TestDiscourseOpenerNamesNoItem: an item that opens with "However," or
// "Therefore," is a sentence; the adverb names no item.
func TestDiscourseOpenerNamesNoItem(t *testing.T) {
	note := "↖↑↓ Scaling Policies\n- Simple Scaling Policy\n- With simple scaling policies, you choose scaling metrics and threshold values for the alarms.\n- Step Scaling Policy\n- The main difference between the policy types is the step adjustments that you get.\n- Therefore, all alarms that are breached are evaluated by Amazon EC2 Auto Scaling as it receives them.\n- However, scaling actions from previous alarms are taken into account\n"
	c := buildOneNote(t, "n.txt", note)
	for _, l := range tripleLines(c) {
		if strings.HasSuffix(l, " concept:however") || strings.HasSuffix(l, " concept:therefore") {
			t.Errorf("fact %q names an adverb as an item", l)
		}
	}
}

// TestKindWordNamesNoFeature: a title over its description that is a lone
// word of a lexicon kind ("Service") names no feature of the section's
// service; another title ("Cluster") is the service's still.
func TestKindWordNamesNoFeature(t *testing.T) {
	note := "↖↑↓ Amazon ECS\n- Cluster\n- Logical grouping of EC2 instances that you can place tasks on\n- Service\n- Runs and maintains a specified number of tasks simultaneously\n"
	c := buildOneNote(t, "ecs.txt", note)
	got := tripleLines(c)
	for _, l := range got {
		if strings.HasSuffix(l, "feature:ecs-service") {
			t.Errorf("fact %q makes a feature of a kind's word", l)
		}
	}
	wantTriples(t, got, []string{"service:amazon-ecs feature concept:cluster"})
}

// TestBlogLabelRunItems: a blog's labelled lines under a heading that
// names a kind ("routing policies") are the heading's items, each label
// one; the labels under "3 types:" are the health checks the heading
// names ("types" alone would relate them by a word every question uses);
// a description's clause that denies ("NO hc support") is what the item
// denies, not the whole description, and a denial after "or" is a
// condition's ("or users not matched get no answer"), no denial of the
// item.
func TestBlogLabelRunItems(t *testing.T) {
	note := "route 53 cheat sheet\n\nroute 53 routing policies\n#\n" +
		"simple: one record, several IPs in random order, NO hc support\n" +
		"weighted: split by weight 0-255\n" +
		"failover: primary + secondary, active-passive\n" +
		"geolocation: by continent / country, add a Default record or users not matched get no answer\n" +
		"route 53 health checks\n#\n" +
		"3 types:\n" +
		"endpoint hc: ip or domain, http / https / tcp\n" +
		"calculated hc: combines child hcs\n" +
		"cw alarm hc: follows an alarm state\n"
	c := buildOneNote(t, "r53-blog.txt", note)
	got := tripleLines(c)
	for _, l := range got {
		if strings.Contains(l, "rel:not record") || strings.Contains(l, "rel:not add") {
			t.Errorf("fact %q denies the whole description, not the clause that denies", l)
		}
	}
	wantTriples(t, got, []string{
		"service:amazon-route-53 rel:route policy concept:simple",
		"service:amazon-route-53 rel:not hc support concept:simple",
		"service:amazon-route-53 rel:route policy concept:weighted",
		"service:amazon-route-53 rel:route policy concept:failover",
		"service:amazon-route-53 rel:health check concept:endpoint-hc",
		"service:amazon-route-53 rel:health check concept:cw-alarm-hc",
	})
}

// TestTopicListHeadingOpensASection: in a level-less note, a title-case
// heading that names nothing but lists topics ("High Availability, Fault
// Tolerance, and Disaster Recovery") opens a section of its own; the
// services listed under it are no items of the service before it.
func TestTopicListHeadingOpensASection(t *testing.T) {
	note := "Amazon Kinesis\n  • Kinesis Data Streams\n    • Collect streaming data\n" +
		"High Availability, Fault Tolerance, and Disaster Recovery\n  • Amazon Route53\n  • Amazon RDS\n"
	c := buildOneNote(t, "wiki.txt", note)
	for _, l := range tripleLines(c) {
		if strings.HasPrefix(l, "service:amazon-kinesis ") && (strings.HasSuffix(l, " service:amazon-route-53") || strings.HasSuffix(l, " service:amazon-rds")) {
			t.Errorf("fact %q credits the topic list's services to the section before it", l)
		}
	}
}
