package ingest

import (
	"strings"
	"testing"
)

// Outline shapes of stop 66's blind rounds: a bare label over a nested
// label qualifies the relation its items are read by, a bare name over its
// own block is an item of the list above it, and a label with one number
// under a property is that property's value.

func TestOutlineLabels(t *testing.T) {
	src := "ecs:\n" +
		"  deployment_controllers:\n" +
		"    CODE_DEPLOY:\n" +
		"      type: blue/green via AWS CodeDeploy\n" +
		"    EXTERNAL:\n" +
		"      type: third-party deployment controller\n" +
		"  task_placement:\n" +
		"    applies_to: EC2 launch type only\n" +
		"    constraints:\n" +
		"      distinctInstance: every task on a different container instance\n" +
		"      memberOf: expression in cluster query language\n" +
		"  rolling_update_params:\n" +
		"    minimumHealthyPercent:\n" +
		"      default_replica: 100\n" +
		"      default_daemon: 0\n" +
		"    maximumPercent:\n" +
		"      default_replica: 200\n"
	g, names := extractNote(t, "ecs.yaml", src)
	got := factSet(g, names)
	wantFacts(t, got,
		// "constraints:" under a bare "task placement:": the
		// placement's constraints
		fact{"Amazon ECS", "rel:task placement constraint", "distinctInstance", 10},
		fact{"Amazon ECS", "rel:task placement constraint", "memberOf", 11},
		// a bare name over its own block is an item of the list above
		fact{"Amazon ECS", "rel:deployment controller", "AWS CodeDeploy", 3},
		fact{"Amazon ECS", "rel:deployment controller", "EXTERNAL", 5},
		// a number under a property is that property's value
		fact{"Amazon ECS", "rel:minimum healthy percent default replica", "100", 14},
		fact{"Amazon ECS", "rel:maximum percent default replica", "200", 17},
	)
	for _, f := range []fact{
		{"Amazon ECS", "rel:minimum healthy percent", "default replica", 14},
		{"Amazon ECS", "rel:constraint", "distinctInstance", 10},
	} {
		if got[f] {
			t.Errorf("fact %v, want none", f)
		}
	}
}

// TestOneWordAliasLabelHeadsItsItems: a one-word label that is only a weak
// alias ("Events:", which may name EventBridge) heads its items; it is no
// item of the list above it.
func TestOneWordAliasLabelHeadsItsItems(t *testing.T) {
	src := "# CodeCommit\n\n" +
		"- Triggers - SNS or Lambda - initiate action\n" +
		"  - Events:\n" +
		"    - push to existing branch\n" +
		"    - create branch or tag\n"
	g, names := extractNote(t, "cc.md", src)
	for f := range factSet(g, names) {
		if f.o == "Amazon EventBridge" {
			t.Errorf("fact %v: the label names no item", f)
		}
	}
}

// TestNameTailNamesAPart: capitalised words that go on past a known name
// before the verb name a part of it, which the sentence is about; the
// service has the part.
func TestNameTailNamesAPart(t *testing.T) {
	src := "# Security\n\n" +
		"* CodeGuru Reviewer Secrets Detector is an automated tool that helps developers detect secrets such as passwords, API keys and access tokens.\n"
	g, names := extractNote(t, "sec.md", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"Amazon CodeGuru", "feature", "CodeGuru Reviewer Secrets Detector", 3},
		fact{"CodeGuru Reviewer Secrets Detector", "rel:help developer detect secret", "API keys", 3},
	)
	for f := range got {
		if f.s == "Amazon CodeGuru" && f.o == "API keys" {
			t.Errorf("fact %v: the part detects them, not the service", f)
		}
	}
}

// TestExamplesAfterANounPhrase: a verbless item that gives examples after
// a noun phrase ("... authentication mechanisms, such as A, B, and C")
// relates them to the section's subject by that phrase, under a heading
// many sections share ("Benefits") as under one of its own.
func TestExamplesAfterANounPhrase(t *testing.T) {
	item := "- Powerful, flexible authentication mechanisms, such as AWS IAM policies, Lambda authorizer functions, and Amazon Cognito user pools.\n"
	for _, tc := range []struct{ name, src string }{
		{"own heading", "# Amazon API Gateway\n\n## Benefits\n\n" + item},
		{"shared heading", "# Amazon API Gateway\n\n## Benefits\n\n" + item + "\n# AWS CodeBuild\n\n## Benefits\n\n- Fully managed build service\n"},
	} {
		g, names := extractNote(t, "apigw.md", tc.src)
		got := factSet(g, names)
		for _, o := range []string{"AWS IAM policies", "Lambda authorizer functions", "Amazon Cognito user pools"} {
			found := false
			for f := range got {
				found = found || f.s == "Amazon API Gateway" && f.o == o && strings.HasSuffix(f.p, "flexible authentication mechanism")
			}
			if !found {
				t.Errorf("%s: no API Gateway authentication mechanism %q in %v", tc.name, o, got)
			}
		}
	}
}

// TestGroupNamingAPart: in a sheet grouped by its first column, a group
// that names a part of the note's subject by its short name ("Pipes" in
// EventBridge's sheet) is that part; a row keyed by one lower-case word
// over a list or a chain is a property of it, however long the known
// names in the list.
func TestGroupNamingAPart(t *testing.T) {
	src := "area\titem\tdetail\n" +
		"event buses\tdefault event bus\treceives events from AWS services\n" +
		"event buses\tcustom event bus\tcreated by you for your own applications\n" +
		"retries\tretry policy\tdefault retry for 24 hours\n" +
		"retries\tdead-letter queue\tevents that still fail go to an SQS queue\n" +
		"Pipes\tsources\tAmazon SQS, Amazon Kinesis Data Streams, Amazon MQ, self-managed Apache Kafka\n" +
		"Pipes\tstages\tsource > filtering > enrichment > target\n"
	g, names := extractNote(t, "002_eventbridge.tsv", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"Amazon EventBridge", "feature", "EventBridge Pipes", 6},
		fact{"EventBridge Pipes", "rel:source", "Amazon Kinesis Data Streams", 6},
		fact{"EventBridge Pipes", "rel:source", "self-managed Apache Kafka", 6},
		fact{"EventBridge Pipes", "rel:stage", "enrichment", 7},
	)
}

// TestCramSheetLabelledLines: a cram sheet's run of "key: value" lines at
// no indentation is labelled facts, not a YAML sample, and a labelled
// line does not run on into the lower-case line after it.
func TestCramSheetLabelledLines(t *testing.T) {
	src := "SSM CRAM\n\n--- Parameter Store ---\n" +
		"types: String, StringList, SecureString (KMS)\n" +
		"tiers: standard 4KB / advanced 8KB\n" +
		"count: standard 10,000 per acct+region / advanced 100,000\n" +
		"param policies (advanced only): Expiration, ExpirationNotification, NoChangeNotification\n" +
		"hierarchy up to 15 levels, e.g. /prod/app1/db/url; GetParametersByPath\n"
	d, err := Parse("ssm.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, b := range d.Blocks {
		if b.Kind == BlockCode {
			t.Errorf("line %d read as code: %q", b.Line, b.Text)
		}
		if b.Kind == BlockParagraph {
			paras = append(paras, b.Text)
		}
	}
	if len(paras) != 5 || paras[4] != "hierarchy up to 15 levels, e.g. /prod/app1/db/url; GetParametersByPath" {
		t.Errorf("paragraphs %q, want one per line", paras)
	}
	// a YAML sample nests its keys: still code
	yaml := "Buildspec\n\nversion: 0.2\nphases:\n  build:\n    commands: npm test\n"
	d, err = Parse("cb.txt", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	code := false
	for _, b := range d.Blocks {
		code = code || b.Kind == BlockCode
	}
	if !code {
		t.Errorf("the nested YAML sample is no code block: %+v", d.Blocks)
	}
}

// TestChainHopLedByAVerb: a hop of a chain that a verb and a preposition
// lead to a name ("implemented as SCPs") is that name.
func TestChainHopLedByAVerb(t *testing.T) {
	src := "# AWS Control Tower\n\n- Controls by behavior:\n" +
		"  - preventive -> implemented as SCPs -> stop the action\n" +
		"  - detective -> implemented as AWS Config rules -> detect noncompliance\n"
	g, names := extractNote(t, "ct.md", src)
	got := factSet(g, names)
	wantFacts(t, got, fact{"AWS Control Tower", "rel:control by behavior", "Service Control Policies", 4})
	for f := range got {
		if strings.HasPrefix(f.o, "implemented as") {
			t.Errorf("fact %v: the hop is the name after its verb", f)
		}
	}
}

// TestPlainFrontBackSheet: a sheet headed "Front,Back,Tags" is a
// flashcard deck though its fields hold no HTML: each front heads its
// back's items, as a heading heads a list.
func TestPlainFrontBackSheet(t *testing.T) {
	src := "Front,Back,Tags\n" +
		"What is DynamoDB Streams?,\"Time-ordered log of item-level changes in a table\",dynamodb\n" +
		"How long are DynamoDB Streams records kept?,24 hours,dynamodb\n" +
		"DynamoDB stream view types?,\"KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES\",dynamodb\n" +
		"Global tables conflict resolution?,Last writer wins,dynamodb\n"
	g, names := extractNote(t, "ddb.csv", src)
	got := factSet(g, names)
	wantFacts(t, got, fact{"DynamoDB Streams", "rel:view", "KEYS_ONLY", 4}, fact{"DynamoDB Streams", "rel:view", "NEW_AND_OLD_IMAGES", 4})
	for f := range got {
		if f.p == "rel:back" || f.p == "rel:front" {
			t.Errorf("fact %v: the header names a card's sides, no relation", f)
		}
	}
}

// TestArrowGlossesValues: an item that glosses a label with its values by
// an arrow ("periodic → every 1, 3, 6, 12 or 24 hours") labels each value
// as a colon does; a value's own mapping ("1 hour → 455 days") is none.
func TestArrowGlossesValues(t *testing.T) {
	src := "# AWS Config\n\n- Trigger types\n  - configuration changes\n  - periodic → every 1, 3, 6, 12 or 24 hours\n"
	g, names := extractNote(t, "config.md", src)
	got := factSet(g, names)
	for _, v := range []string{"1 hour", "3 hours", "6 hours", "12 hours", "24 hours"} {
		wantFacts(t, got, fact{"AWS Config", "rel:trigger periodic", v, 5})
	}
	if l, _, ok := glossedValues("1 hour → 455 days (15 months)"); ok {
		t.Errorf("glossedValues read %q as a label", l)
	}
}

// TestTitleOverOutlineSections: a plain note's first line, over an aside
// and then a section title, is the note's title, and its service is the
// subject of sections that name none ("Structure", "Action categories and
// providers"); in an outline by indentation a long item does not wrap
// onto a labelled or capitalised line at its indentation, nor a labelled
// item onto the line after it.
func TestTitleOverOutlineSections(t *testing.T) {
	src := "CODEPIPELINE - DOP-C02 outline\n" + // 1
		"(last reviewed week 6)\n" + // 2
		"\n" +
		"Structure\n" + // 4
		"    min 2 stages, max 50 stages per pipeline\n" + // 5
		"    a failed stage can be retried (retry failed actions) without re-running the whole pipeline\n" + // 6
		"    execution modes: SUPERSEDED (default), QUEUED, PARALLEL\n" + // 7
		"\n" +
		"Action categories and providers\n" + // 9
		"    Source\n" + // 10
		"        Amazon S3 (versioned bucket, object key of a zip)\n" + // 11
		"        CodeStar Connections / CodeConnections: GitHub, GitHub Enterprise Server, Bitbucket Cloud, GitLab\n" + // 12
		"        AWS CodeCommit\n" + // 13
		"\n" +
		"Cross-region pipelines\n" + // 15
		"    each Region bucket can have its own KMS key\n" + // 16
		"    NOT allowed cross-region: source actions, third-party actions, custom actions\n" // 17
	g, names := extractNote(t, "codepipeline.txt", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"AWS CodePipeline", "rel:execution mode", "SUPERSEDED", 7},
		fact{"AWS CodePipeline", "rel:source", "Amazon S3", 11},
		fact{"AWS CodePipeline", "rel:source", "AWS CodeCommit", 13},
		fact{"AWS CodePipeline", "rel:not allow cross-region", "source actions", 17},
		fact{"AWS CodePipeline", "rel:not allow cross-region", "custom actions", 17},
	)
	for f := range got {
		if f.s == "Structure" || f.s == "Action categories and providers" {
			t.Errorf("a section title that names nothing is a subject: %v", f)
		}
	}
}

// TestGlossedItemNames: a list item that glosses a short name with one
// arrow is named by that name ("**ECR container images** → enhanced
// scanning on push"), so the list relates the names; an item of two
// arrows is a chain, whose hops read it.
func TestGlossedItemNames(t *testing.T) {
	src := "# Amazon Inspector\n\n" +
		"- What it scans\n" + // 3
		"  - **ECR container images** → enhanced scanning on push + continuous rescans\n" + // 4
		"  - **Lambda functions** → standard scan (package deps) + code scanning\n" // 5
	g, names := extractNote(t, "inspector.md", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"Amazon Inspector", "rel:scan", "ECR container images", 4},
		fact{"Amazon Inspector", "rel:scan", "AWS Lambda", 5},
	)
	for _, tc := range []struct {
		item, want string
		ok         bool
	}{
		{"Rolling → batch by batch", "Rolling", true},
		{"CloudWatch Logs -> Firehose -> S3", "", false},
		{"memory, disk space used, swap => install CW agent", "", false},
		{"no arrow here", "", false},
	} {
		if got, ok := glossedItemName(tc.item); got != tc.want || ok != tc.ok {
			t.Errorf("glossedItemName(%q) = %q, %v; want %q, %v", tc.item, got, ok, tc.want, tc.ok)
		}
	}
}

// TestItemNameKeepsDigitGroups: an item's name does not end at the comma
// of a number's digit groups ("Hard quota of 25,000 entries" is no "Hard
// quota of 25"); it ends at a comma between words; an item that is a
// clause ("There's no additional charge") is named nothing.
func TestItemNameKeepsDigitGroups(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Max 1,000 application versions per region, delete old ones with a lifecycle policy", "Max 1,000 application versions per region"},
		{"Default 10,000 repositories per region, a soft limit you can raise with a request", "Default 10,000 repositories per region"},
	} {
		if got := openItemName(tc.in, nil); got != tc.want {
			t.Errorf("openItemName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := clauseBreak("quota of 25,000 entries, then split"); got != len("quota of 25,000 entries") {
		t.Errorf("clauseBreak = %d", got)
	}
	// an item that is a clause with no subject of its own names nothing
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"There's no additional charge", "Cannot add default values to fields, only add new static fields", "can't change retention"} {
		if got := openItemName(in, dict.Lexicon); got != "" {
			t.Errorf("openItemName(%q) = %q, want none", in, got)
		}
	}
}

// TestDiscourseLabelsNameNothing: a discourse word before a colon
// ("However:", "So:") opens a sentence and names no item; before a dash
// it may be a field's name ("Next – state to transition to").
func TestDiscourseLabelsNameNothing(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"However: it does involve making an API call", ""},
		{"So: use service = EC2, EventType = CloudTrail API call", ""},
		{"Next – state to transition to (fallback)", "Next"},
		{"Retries: up to 3 attempts", "Retries"},
	} {
		if got := openItemName(tc.in, dict.Lexicon); got != tc.want {
			t.Errorf("openItemName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestConditionItemsNameNothing: an item that opens with a subordinator
// ("after a rollback") or with an adverb before a verb ("Only works for
// Blue/Green deployments") is a condition or a predicate, no name; "to"
// leads to a thing and stays.
func TestConditionItemsNameNothing(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	lx := dict.Lexicon
	for _, tc := range []struct {
		in     string
		clause bool
	}{
		{"after a rollback", true},
		{"Once a stack policy exists", true},
		{"Only works for Blue/Green deployments", true},
		{"only matches on events ingested after creation", true},
		{"only keys and attributes", false},
		{"to CloudWatch Logs", false},
		{"only keys", false},
		{"Blue/Green deployments", false},
	} {
		if got := lx.ClauseItem(tc.in); got != tc.clause {
			t.Errorf("ClauseItem(%q) = %v, want %v", tc.in, got, tc.clause)
		}
	}
}
