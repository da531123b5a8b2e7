package queries

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestAsksYesNo: a question asks yes or no when the sentence it asks opens
// with an auxiliary, or its main clause does after a leading subordinate
// clause, a leading prepositional phrase or a dash, or it ends with a short
// clause that asks whether it holds ("- possible?"); an alternative or a
// wh-question asks for things.
func TestAsksYesNo(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		q    string
		want bool
	}{
		{"Can CodeDeploy do blue/green deployments to on-premises instances?", true},
		{"Do SCPs apply to the Organizations master account itself?", true},
		{"If I attach a deny SCP at the root of my organization, does it restrict users in the management account?", true},
		{"compliance mode retention set too long by mistake - can root shorten it?", true},
		{"My objects are not copied. Is replication enabled?", true},
		{"What can I do with SSM?", false},
		{"Which services support cross-account?", false},
		{"Can an SNS subscription filter policy look at the message payload, or only at message attributes?", false},
		{"Can CodeDeploy shift Lambda traffic gradually? What deployment types does it support?", false},
		{"If a deployment fails, which hooks run?", false},
		{"S3 replication into a bucket of another account - possible?", true},
		{"in-place deployments to ECS, supported?", true},
		{"Route 53 routing policies: which ones?", false},
		{"Lambda canary deployments - how?", false},
		{"Registering on-prem servers with CodeDeploy: which identity should I use, the recommended way?", false},
		// fixed bugs
		{"With AWS Config's SNS notifications, can I configure which events get sent to the topic?", true},
		{"In CodePipeline, which actions can run in parallel?", false},
	}
	for _, tt := range tests {
		if got := e.analyze(tt.q).yesno; got != tt.want {
			t.Errorf("%q: yesno = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestYesNoVerdictFromLines: a yes/no question is answered by the note line
// that matches it best, heading included: a line that denies or restricts
// what it asks says no, one that states it says yes; a relation between the
// two things it names says no when its own line denies it.
func TestYesNoVerdictFromLines(t *testing.T) {
	e := engineWithNote(t, "codedeploy.md", `# AWS CodeDeploy

- The instance where we deploy must have the CodeDeploy Agent installed

## Deploy to ECS

- CodeDeploy Agent is not required

## Deploy to Lambda

- Traffic shifting is fully integrated with AWS SAM

## Notifications

- Triggers to SNS only (no lambda unlike CodeCommit)

# AWS Lambda

## Aliases

- Aliases can point at one version, or weighted: split traffic between 2 versions (e.g. 90% to version 1, 10% to version 2)
- $LATEST can't be one of them

# Disaster recovery

Strategies: Backup & Restore, Pilot Light, Warm Standby.

For DynamoDB, point-in-time recovery (PITR) lets you restore to any second in the last 35 days. Note that PITR cannot restore into an existing table: it always creates a new table.

# AWS Elastic Beanstalk

- Each environment runs a web server tier or a worker tier, but not both

# Amazon CloudWatch Logs

- Subscription filters: at most 2 per log group
- Log events can be ingested up to 14 days in the past
- Logs of multiple accounts can go to one bucket in a single account
`)
	tests := []struct {
		q, want, source string
	}{
		// (the embedded notes' "No logs for ECS/Lambda deploys" relates
		// CodeDeploy and ECS too, as CodeDeploy —not log→ ECS, and that
		// denying relation decides before any line: the verdict is right,
		// its line is not the one that says why; see
		// TestVerdictOnTheMainClause for the line)
		{"Do I need the CodeDeploy agent installed for ECS deployments?", "no", ""},
		{"Is traffic shifting integrated with AWS SAM?", "yes", "codedeploy.md:11"},
		{"Can a CodeDeploy trigger invoke a Lambda function directly like a CodeCommit trigger can?", "no", "codedeploy.md:15"},
		// fixed bugs: the rule matches best, its exception on the next line
		// denies what the question asks
		{"Can a weighted Lambda alias send 10% of traffic to $LATEST and 90% to version 5?", "no", "codedeploy.md:22"},
		{"Can I restore a DynamoDB point-in-time recovery backup straight into the existing table?", "no", "codedeploy.md:28"},
		// a clause after "but" on the same line denies what the question
		// asks, in the question's own words ("both")
		{"Can one Beanstalk environment be both a web server tier and a worker tier?", "no", "codedeploy.md:32"},
		{"Can a Beanstalk environment run a worker tier?", "yes", "codedeploy.md:32"},
		// a question asking for more than the line's upper bound allows
		{"Can a log group have 3 subscription filters?", "no", "codedeploy.md:36"},
		{"Can a log group have 2 subscription filters?", "yes", "codedeploy.md:36"},
		{"Can I ingest CloudWatch Logs events that are three weeks old?", "no", "codedeploy.md:37"},
		{"Can I ingest CloudWatch Logs events that are 10 days old?", "yes", "codedeploy.md:37"},
		// fixed bug: the line's own "multiple" says its "single" bounds
		// something else
		{"Can logs of several accounts go to one bucket in a single account?", "yes", "codedeploy.md:38"},
		// a yes/no question asks whether, not which: the embedded notes'
		// subscription filter destinations (a list, cross-account kept)
		// do not answer it
		{"Can a Lambda subscription filter send logs to another account?", "no", "001_781bd58e04e3db33.txt:190"},
		// the line the verdict stands on sits under "Template", a heading
		// that names nothing, among CloudFormation's lines: it accounts
		// for CloudFormation too
		{"Can I use an SSM SecureString parameter as a CloudFormation template parameter type?", "no", "002_653d9272087ba1e1.txt:1147"},
	}
	for _, tt := range tests {
		res, err := e.Ask(t.Context(), tt.q)
		if err != nil {
			t.Errorf("%q: %v", tt.q, err)
			continue
		}
		if res.Intent != "yes-no" || len(res.Answers) != 1 || res.Answers[0].Name != tt.want {
			t.Errorf("%q: %s %+v, want yes-no %q", tt.q, res.Intent, res.Answers, tt.want)
			continue
		}
		if src := strings.Join(res.Answers[0].Sources, " "); !strings.Contains(src, tt.source) {
			t.Errorf("%q: sources %s, want %s", tt.q, src, tt.source)
		}
	}
}

// TestVerdictStandsOnTheLineThatHoldsMost: of the best-matching lines, the
// verdict stands on the one that holds most of the question, not on the
// short one BM25 ranks first for a rare word ("Backup & Restore").
func TestVerdictStandsOnTheLineThatHoldsMost(t *testing.T) {
	e := engineWithNote(t, "dr.md", `# Disaster recovery

Strategies: Backup & Restore, Pilot Light, Warm Standby.

Note that PITR cannot restore into an existing table: it always creates a new table.
`)
	at := func(suffix string) int {
		t.Helper()
		for i := 0; i < e.ix.NumStatements(); i++ {
			if strings.HasSuffix(e.ix.StatementSource(i), suffix) {
				return i
			}
		}
		t.Fatalf("no statement at %s", suffix)
		return -1
	}
	a := e.analyze("Can I restore a DynamoDB backup into the existing table?")
	// the embedded notes' "Backup & Restore" first, as BM25 ranks it
	a.hits = []hit{{i: at("001_781bd58e04e3db33.txt:40"), score: 2, cov: 0.35}, {i: at("dr.md:5"), score: 1, cov: 0.6}}
	c := e.verdictCandidate(a)
	if c == nil {
		t.Fatal("no verdict")
	}
	if got := c.result.Answers[0]; got.Name != "no" || !strings.HasSuffix(got.Sources[0], "dr.md:5") {
		t.Errorf("verdict %s from %v, want no from dr.md:5", got.Name, got.Sources)
	}
}

// TestNoteOf: a source's note is everything before its last colon, so a
// Windows drive stays part of the path.
func TestNoteOf(t *testing.T) {
	for src, want := range map[string]string{
		"data/notes/002_653d9272087ba1e1.txt:1814": "data/notes/002_653d9272087ba1e1.txt",
		`C:\notes\cd.md:12`:                        `C:\notes\cd.md`,
		"no-line":                                  "no-line",
	} {
		if got := noteOf(src); got != want {
			t.Errorf("noteOf(%q) = %q, want %q", src, got, want)
		}
	}
}

// TestWeakVerdict: a yes/no question whose words no line holds a third of
// is still answered yes or no by the line that holds most of it, not by a
// list of things: it asks whether.
func TestWeakVerdict(t *testing.T) {
	e := engineWithNote(t, "ddb.md", "# DynamoDB backups, a war story\n\n## A restore never overwrites anything\n\nEvery restore, from an on-demand backup or from PITR, creates a brand new table. You cannot restore in place.\n")
	q := "Can I roll a DynamoDB table back in place with point-in-time recovery, overwriting the damaged table?"
	res, err := e.Ask(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	if res.Intent != "yes-no" {
		t.Errorf("intent %s, answers %v; want a yes/no verdict", res.Intent, answerNames(res))
	}
}

// TestVerdictOnAQuestionOfNames: a yes/no question that is mostly names
// ("can a CloudWatch Logs subscription filter with a Lambda destination
// deliver to another account?") is decided by the line that holds its
// names, though its one word ("deliver") finds other lines first; the
// relation between two of its names accounts for the names its lines hold.
func TestVerdictOnAQuestionOfNames(t *testing.T) {
	e := engineWithNote(t, "logs.md", `# log routing

- logs > subscription filter > lambda (cannot cross account, kinesis can) > s3 > athena

# CloudTrail

- Can deliver trails into a cross-account bucket
- Can deliver cross-account
- Most results are delivered within seconds.
`)
	res, err := e.Ask(t.Context(), "can a cloudwatch logs subscription filter with a lambda destination deliver to another account?")
	if err != nil {
		t.Fatal(err)
	}
	if res.Intent != "yes-no" || len(res.Answers) != 1 || res.Answers[0].Name != "no" {
		t.Errorf("%s %q (%s); want the verdict no", res.Intent, answerNames(res), res.Reading)
	}
	a := e.analyze("does a subscription filter to lambda work cross account?")
	e.supportOf(a)
	found := false
	for _, h := range e.namingHits(a) {
		if strings.HasSuffix(e.ix.StatementSource(h.i), "logs.md:3") {
			found = true
		}
	}
	if !found {
		t.Errorf("the line naming the subscription filter, Lambda and cross-account is no naming hit")
	}
}

// TestVerdictBeyondWhatItNames: "does Macie protect data stores other than
// S3?" asks about more than S3: the line that restricts Macie to S3 ("it
// only protects data in S3") says no, though Macie and S3 are related;
// asked about S3 itself, the answer is yes.
func TestVerdictBeyondWhatItNames(t *testing.T) {
	e := engineWithNote(t, "macie.md", `# Amazon Macie

- Amazon Macie is available to protect data stored in Amazon S3.
- Macie: data level, as of 2021 it only protects data in S3, more data stores planned.
`)
	for q, want := range map[string]string{
		"does Macie protect data stores other than S3?": "no",
		"does Macie protect data stored in S3?":         "yes",
	} {
		res, err := e.Ask(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if res.Intent != "yes-no" || len(res.Answers) != 1 || res.Answers[0].Name != want {
			t.Errorf("%q: %s %q (%s); want %s", q, res.Intent, answerNames(res), res.Reading, want)
		}
	}
}

// TestVerdictNamesTheOption: a yes/no-shaped question that closes with two
// options ("... an IAM user ARN or an IAM role ARN?") is answered with the
// option the best-matching line states, not with "yes".
func TestVerdictNamesTheOption(t *testing.T) {
	e := engineWithNote(t, "onprem.md", `# CodeDeploy on-premises

- Use an IAM user ARN to authenticate the instance: for a small number of instances
- Use an IAM role ARN to authenticate the instance: uses STS, for a large number of instances
`)
	res, err := e.Ask(t.Context(), "Registering a large number of on-prem instances with CodeDeploy: should they authenticate with an IAM user ARN or an IAM role ARN?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !reflect.DeepEqual(got, []string{"IAM role ARN"}) {
		t.Errorf("%s %q (%s); want the IAM role ARN", res.Intent, got, res.Reading)
	}
}

// TestVerdictOnTheLineOfTheQuestionsEntities: of lines that hold about as
// much of a yes/no question's words, the verdict stands on the one that
// holds its entities, in itself or in its heading path: the line under "API
// Gateway" that sends access logs to Firehose "instead (not both)", not a
// line on log streams that "share the same" settings.
func TestVerdictOnTheLineOfTheQuestionsEntities(t *testing.T) {
	e := engineWithNote(t, "integrations.md", `# Integrations

## API Gateway
- Two kinds of CloudWatch logging: execution logs and access logs
- Access logs can go to Kinesis Data Firehose instead (not both)
`)
	res, err := e.Ask(t.Context(), "Can API Gateway send its access logs to CloudWatch Logs and Kinesis Data Firehose at the same time?")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) == 0 || res.Answers[0].Name != "no" || !strings.HasSuffix(res.Answers[0].Sources[0], "integrations.md:5") {
		t.Errorf("answers %+v, want no from integrations.md:5", res.Answers)
	}
}

// TestVerdictOnAHyphenatedQualifier: a question's hyphenated word that no
// line holds whole ("on-premises") is matched by the words it joins, as
// the notes' lines are indexed, so the line that states the qualified
// claim decides, not the relation of the two names alone.
func TestVerdictOnAHyphenatedQualifier(t *testing.T) {
	e := engineWithNote(t, "deploy.md", `# AWS CodeDeploy

- Supports in-place and blue/green deployments

## To EC2 and on premises servers
- On-prem instances cannot blue/green, as CodeDeploy cannot create new infrastructure
`)
	res, err := e.Ask(t.Context(), "Can CodeDeploy run a blue/green deployment to on-premises servers?")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) == 0 || res.Answers[0].Name != "no" || !strings.HasSuffix(res.Answers[0].Sources[0], "deploy.md:6") {
		t.Errorf("answers %+v, want no from deploy.md:6", res.Answers)
	}
	if a := e.analyze("Can CodeDeploy run a blue/green deployment to on-premises servers?"); !slices.ContainsFunc(a.terms, func(t term) bool { return t.stem == "premis" }) {
		t.Errorf("terms %+v, want premis of on-premises", a.terms)
	}
}

// TestBoundOfTheCountedThing: a line's upper bound may stand a word before
// its number ("can only have one source stage"), and it bounds a count the
// question asks about whether or not the count exceeds it; a bound of
// another thing bounds nothing asked.
func TestBoundOfTheCountedThing(t *testing.T) {
	e := engineWithNote(t, "bounds.md", "# AWS CodePipeline\n\n- CodePipeline can only have one source stage.\n")
	line := "CodePipeline can only have one source stage."
	if got := e.upperBounds(line); len(got) != 1 || got[0].value != 1 || got[0].dim != "count" {
		t.Fatalf("upperBounds(%q) = %+v, want one count of 1", line, got)
	}
	tests := []struct {
		q                 string
		bounded, exceeded bool
	}{
		{"Can a pipeline have more than one source stage?", true, true},
		{"Can a pipeline have 3 source stages?", true, true},
		{"Can a pipeline have one source stage?", true, false},
		{"Can a pipeline have 3 approval actions?", false, false},
		{"Does a pipeline have a source stage?", false, false},
	}
	for _, tt := range tests {
		a := e.analyze(tt.q)
		if b, x := e.boundOf(a, line); b != tt.bounded || x != tt.exceeded {
			t.Errorf("%q: bounded %v exceeded %v, want %v %v", tt.q, b, x, tt.bounded, tt.exceeded)
		}
	}
}

// TestVerdictOnTheMainClause: a yes/no question's trailing subordinate
// clause ("when ...") weighs less than its main clause, so the line on what
// the main clause asks decides, not one that holds more of the condition.
func TestVerdictOnTheMainClause(t *testing.T) {
	e := engineWithNote(t, "codedeploy.md", `# AWS CodeDeploy

## Deploy to ECS

- CodeDeploy can help automate the deployment of a new ECS Task Definition
- The ECS Task Definition and the new container images must be already created before CodeDeploy executes
- CodeDeploy Agent is not required
`)
	for _, q := range []string{
		"Is the CodeDeploy agent required when CodeDeploy deploys a new ECS task definition?",
		"Do I need the CodeDeploy agent installed when CodeDeploy rolls out a new ECS task definition?",
	} {
		res, err := e.Ask(t.Context(), q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if len(res.Answers) == 0 || res.Answers[0].Name != "no" || !strings.HasSuffix(res.Answers[0].Sources[0], "codedeploy.md:7") {
			t.Errorf("%q: %+v, want no from codedeploy.md:7", q, res.Answers)
		}
	}
}

// TestVerdictCaveatIsNoListLabel: a label that heads the lines after it
// ("does not apply to:") qualifies them, not the line before it that
// answers the question.
func TestVerdictCaveatIsNoListLabel(t *testing.T) {
	e := engineWithNote(t, "scp.md", `# Service Control Policies

- applies to:
  - all IAM users and roles in member accounts
  - the ROOT user of member accounts
- does not apply to:
  - the management account
  - service-linked roles
`)
	res, err := e.Ask(t.Context(), "do SCPs apply to the root user of a member account?")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) == 0 || res.Answers[0].Name != "yes" || !strings.HasSuffix(res.Answers[0].Sources[0], "scp.md:5") {
		t.Errorf("%+v, want yes from scp.md:5", res.Answers)
	}
}

// TestVerdictOnAnotherMeans: a line that opens with the purpose the
// question asks about and names other means to it than what the question
// names ("To block changes use SCPs / IAM") says no: something else does
// it; asked of those means, it says yes.
func TestVerdictOnAnotherMeans(t *testing.T) {
	e := engineWithNote(t, "config.md", "## AWS Config\n\n- Records **configuration items (CIs)** for supported resources\n- Config is **detective, not preventive** – it tells you something is non-compliant *after* the change. To block changes use **SCPs** / IAM\n")
	for _, tt := range []struct{ q, want string }{
		{"Does AWS Config block a non-compliant change to a resource before it happens?", "no"},
	} {
		res, err := e.Ask(t.Context(), tt.q)
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		if len(res.Answers) == 0 || res.Answers[0].Name != tt.want {
			t.Errorf("%q: %+v, want %s", tt.q, res.Answers, tt.want)
		}
	}
}

// TestWeakDenialLetsTheLineDecide: a relation that denies what a yes/no
// question asks only weakly (between two of the three things it names, on
// a line that holds none of its words: "SCPs aren't available ...") does
// not keep the best-matching line from deciding it; the former name of a
// thing ("master account") is the thing.
func TestWeakDenialLetsTheLineDecide(t *testing.T) {
	e := engineWithNote(t, "orgs.md", `# AWS Organizations

- SCPs aren't available if your organization has enabled only the consolidated billing features.
- SCPs do not apply for the master account itself.
`)
	q := "do service control policies restrict the organization's master (management) account?"
	res, err := e.Ask(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	if res.Intent != "yes-no" || len(res.Answers) != 1 || res.Answers[0].Name != "no" || !strings.HasSuffix(res.Answers[0].Sources[0], "orgs.md:4") {
		t.Errorf("%q: %s %+v, want no from orgs.md:4", q, res.Intent, res.Answers)
	}
}

// TestOnlyLineExcludesAnother: a line that restricts to one strategy
// ("Only works for blue/green deployments" under a heading on ECS) answers
// no for another strategy the question names, and does not deny the one it
// names.
func TestOnlyLineExcludesAnother(t *testing.T) {
	e := engineWithNote(t, "ecs-deploys.md", "# AWS CodeDeploy\n\n"+
		"## Deploy to ECS\n\n"+
		"- CodeDeploy can help automate the rollout of a new ECS task definition\n"+
		"- Only works for blue/green deployments\n"+
		"- Needs an Application Load Balancer for traffic shifting\n")
	for _, tt := range []struct{ q, want string }{
		{"Can CodeDeploy do an in-place deployment to an ECS service?", "no"},
	} {
		res, err := e.Ask(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := answerNames(res); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q: answers %v (%s), want %s", tt.q, got, res.Reading, tt.want)
			continue
		}
		if src := res.Answers[0].Sources; len(src) != 1 || !strings.HasSuffix(src[0], "ecs-deploys.md:6") {
			t.Errorf("%q: decided by %v, want the restricting line ecs-deploys.md:6", tt.q, src)
		}
	}
}

// TestWeakVerdictAnswersYesNo: a yes/no question whose verdict scores
// under minScore is still answered yes or no, not with a description of
// the thing it names (the fallback's answer to what it does not ask).
func TestWeakVerdictAnswersYesNo(t *testing.T) {
	e := newEngine(t)
	q := "If I create a DynamoDB table through the resources section of .ebextensions, will it survive when I terminate the Beanstalk environment?"
	res, err := e.Ask(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); res.Intent != "yes-no" || len(got) != 1 || got[0] != "yes" && got[0] != "no" {
		t.Errorf("%q: %s answers %q (%s); want a verdict", q, res.Intent, got, res.Reading)
	}
}

// TestOtherMeansInstead: "To stop someone deleting the whole stack, enable
// termination protection instead" answers no to whether a stack policy
// stops it, and yes to whether termination protection does.
func TestOtherMeansInstead(t *testing.T) {
	e := engineWithNote(t, "cfn.md", "# Stack policies\n\n"+
		"A stack policy is a JSON document that protects stack resources from unintended updates.\n\n"+
		"* Stack policies apply only to stack updates. To stop someone deleting the whole stack, enable termination protection instead.\n")
	for _, tc := range []struct{ q, want string }{
		{"If I put a stack policy on my stack, does that stop anyone from deleting the whole stack?", "no"},
		{"Does termination protection stop someone deleting the whole stack?", "yes"},
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

// TestPreviousVersionAnswersNo: a line that says the new instance gets
// the previous version answers no to whether it gets the new revision.
func TestPreviousVersionAnswersNo(t *testing.T) {
	e := engineWithNote(t, "cd.md", "# CodeDeploy\n\n"+
		"- If a CodeDeploy deployment to an ASG is in progress and a scale-out event happens, the previous version is deployed to the new instance\n"+
		"- A follow-on deployment then updates the outdated instances\n")
	res, err := e.Ask(t.Context(), "If my ASG scales out while a CodeDeploy deployment is in progress, does the new instance get the new revision right away?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || got[0] != "no" {
		t.Errorf("answers %q (%s), want no", got, res.Reading)
	}
}

// TestVerdictFromASynonymLine: a line that holds a synonym of the
// question's word, about both entities it names, decides a yes/no
// question over a line that holds more of its words but one entity only
// ("NOT a destination: DynamoDB" for "deliver ... into DynamoDB", against
// a line on the Glue Data Catalog table a record format comes from).
func TestVerdictFromASynonymLine(t *testing.T) {
	res, got := askOneNote(t, "kinesis.org", []string{
		"* Kinesis Data Firehose",
		"** Destinations",
		"- S3, Redshift, OpenSearch Service",
		"- NOT a destination: DynamoDB, RDS, SQS (common distractor!!)",
		"** Transform / convert",
		"- record format conversion JSON -> Parquet or ORC (schema from Glue Data Catalog table)",
	}, "can firehose deliver records directly into a DynamoDB table?")
	if !slices.Equal(got, []string{"no"}) {
		t.Fatalf("answers %v (%s), want [no]", got, res.Reading)
	}
	if src := res.Answers[0].Sources; len(src) == 0 || !strings.HasSuffix(src[0], "kinesis.org:4") {
		t.Errorf("verdict from %v, want the line that denies it (kinesis.org:4)", src)
	}
}

// TestVerdictOnADenialTheQuestionShares: a line whose only denial is the
// question's own ("without re-running the full pipeline" for "...
// without rerunning the whole pipeline?") states what it asks: yes. A
// question that denies nothing still reads the line's denial as no.
func TestVerdictOnADenialTheQuestionShares(t *testing.T) {
	e := engineWithNote(t, "pipeline.md", "# AWS CodePipeline\n\n"+
		"- CodePipeline offers a feature to retry individual failed stages allowing developers to fix and resume deployments without re-running the full pipeline workflow.\n")
	tests := []struct{ q, want string }{
		{"can codepipeline retry only the failed stage without rerunning the whole pipeline?", "yes"},
		// fixed bugs: a denial of another word the question asserts
		{"can codepipeline retry a failed stage without fixing it?", "no"},
	}
	for _, tt := range tests {
		res, err := e.Ask(context.Background(), tt.q)
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		if len(res.Answers) == 0 || res.Answers[0].Name != tt.want {
			t.Errorf("%q: answers %v (%s), want %s", tt.q, res.Answers, res.Reading, tt.want)
		}
	}
}
