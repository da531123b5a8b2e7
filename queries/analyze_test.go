package queries

import (
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

func TestSplitWordsContractions(t *testing.T) {
	tests := []struct {
		text string
		want string // words joined by "|"
	}{
		{"What's the limit?", "What|is|the|limit"},
		{"what’s the limit", "what|is|the|limit"},
		{"they're cross-account", "they|are|cross-account"},
		{"the ASG's health check", "the|ASG|health|check"},
		{"which hooks don't run scripts", "which|hooks|don't|run|scripts"},
		{"it's", "it|is"},
		{"S3 'quoted'", "S3|quoted"},
	}
	for _, tt := range tests {
		var got []string
		for _, w := range splitWords(tt.text) {
			got = append(got, w.text)
			if tt.text[w.start:w.end] != w.text && w.text != "is" && w.text != "are" {
				t.Errorf("%q: word %q has span %q", tt.text, w.text, tt.text[w.start:w.end])
			}
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("splitWords(%q) = %s, want %s", tt.text, g, tt.want)
		}
	}
}

// TestAnalyzeValueQuestions: a contracted wh-word still opens the focus
// phrase, so "what's the ... limit" asks for a value like "what is".
func TestAnalyzeValueQuestions(t *testing.T) {
	e := newEngine(t)
	for _, q := range []string{
		"What's the account-wide throttling limit for API Gateway?",
		"What is the account-wide throttling limit for API Gateway?",
		"what's the retention of kinesis data streams",
		"What's the longest I can keep data in a Kinesis data stream?",
		"codeartifact: max upstream repos per repo?",
	} {
		a := e.analyze(q)
		if !a.wantsOnly(graph.KindValue) {
			t.Errorf("%q: wants %v, want values", q, a.wants)
		}
	}
}

// TestAnalyzeTerseValueQuestions: a question typed as keywords, with no
// wh-word, asks for a value when it holds a value word; one that asks
// "where", a yes/no question, and a value word inside a name ("real time")
// do not.
func TestAnalyzeTerseValueQuestions(t *testing.T) {
	e := newEngine(t)
	for _, q := range []string{
		"AWS Config aggregator limit per account?",
		"default beanstalk command timeout per instance during a deploy?",
		"DDB Streams per-shard limits - write and read throughput?",
	} {
		if a := e.analyze(q); !a.wantsOnly(graph.KindValue) {
			t.Errorf("%q: wants %v, want values", q, a.wants)
		}
	}
	for _, q := range []string{
		"Where can a CloudWatch Logs subscription filter deliver log events in real time?",
		"Can I raise the Lambda concurrency limit?",
		"Rank the DR strategies by cost",
	} {
		if a := e.analyze(q); containsKind(a.wants, graph.KindValue) {
			t.Errorf("%q: wants %v, want no values", q, a.wants)
		}
	}
}

// TestSplitSlashedWords: "tasks/capabilities" is two words of the
// question; "s3/v2" and a name written with a slash stay as they are
// linked ("Blue/Green").
func TestSplitSlashedWords(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("List the tasks/capabilities that Systems Manager simplifies")
	var stems []string
	for _, tm := range a.terms {
		stems = append(stems, tm.stem)
	}
	for _, want := range []string{"task", "capabl"} {
		if !slices.Contains(stems, want) {
			t.Errorf("terms %v, want %q among them", stems, want)
		}
	}
	if a := e.analyze("which services support blue/green deployments"); !slices.ContainsFunc(a.links, func(l link) bool { return l.id == "strategy:blue-green" }) {
		t.Errorf("blue/green not linked: %+v", a.links)
	}
	// fixed bug: a part with a digit or a hyphen ("EC2/On-Premises") kept
	// the slashed word whole, one heavy term no note line holds
	b := e.analyze("order of the hooks in an EC2/On-Premises deployment")
	for _, tm := range b.terms {
		if strings.Contains(tm.stem, "/") {
			t.Errorf("slashed term %q kept whole: %+v", tm.stem, b.terms)
		}
	}
	if !slices.ContainsFunc(b.terms, func(tm term) bool { return tm.stem == "premis" }) {
		t.Errorf("terms %+v, want 'premis' among them", b.terms)
	}
}

// TestAnalyzeHowManner: "how do/does/can ..." asks for a manner, not for
// things of a kind its next words name; "how many/long" asks for values.
func TestAnalyzeHowManner(t *testing.T) {
	e := newEngine(t)
	for _, q := range []string{
		"How do logs travel from a log group to an S3 bucket in another account?",
		"How can deployment strategies be rolled back?",
	} {
		if a := e.analyze(q); len(a.wants) != 0 || len(a.focus) != 0 {
			t.Errorf("%q: focus %v, wants %v; want none", q, a.focus, a.wants)
		}
	}
	if a := e.analyze("How long are CloudWatch Logs kept by default?"); !a.wantsOnly(graph.KindValue) {
		t.Errorf("how long: wants %v, want values", a.wants)
	}
}

// TestAnalyzeOptionsAndValues: "options" and "values" ask for the items a
// note lists, not for services or quantities: a setting's options are
// names as often as numbers.
func TestAnalyzeOptionsAndValues(t *testing.T) {
	e := newEngine(t)
	for _, q := range []string{
		"I'm writing a Config rule and need to decide when it gets evaluated - what trigger options are there?",
		"What routing policy options does Route 53 give me?",
		"What values can a CloudFormation DeletionPolicy take?",
	} {
		if a := e.analyze(q); containsKind(a.wants, graph.KindService) || containsKind(a.wants, graph.KindValue) {
			t.Errorf("%q: wants %v, want neither services nor values", q, a.wants)
		}
	}
}

// TestAnalyzeNegation: a negation counts when the question asks it, not
// when it sits in a clause inside the question or in a sentence that sets
// the scene before it.
func TestAnalyzeNegation(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		q    string
		want bool
	}{
		{"Which services have no notification at all?", true},
		{"Which AWS services can't push straight to SNS?", true},
		{"What does S3 replication not copy by default?", true},
		// fixed bugs
		{"If files that weren't part of the last deployment show up, what can CodeDeploy do with them?", false},
		{"My objects aren't copied. What do I use for those?", false},
		{"Which hooks run when the deployment isn't finished?", false},
		{"What can CodeDeploy do with files in the target location that weren't part of the previous deployment?", false},
		// a relative clause of the asked-for noun says what the answers are
		{"codedeploy ec2 events that I can't attach my own scripts to", true},
		{"Which trigger target does CodeCommit support that CodeDeploy triggers don't?", false},
		// a dash or colon before a wh-word ends the scene, as a full stop does
		{"I don't want a second merge to cancel a release - what execution modes does a V2 pipeline offer?", false},
		{"EC2 memory isn't in CloudWatch by default — what do I need to install?", false},
		{"Scenario: our logs aren't kept: which services can't keep them?", true},
		// an aside's negation qualifies the scene, not what is asked
		{"order of the CodeDeploy lifecycle events for an in-place EC2 deployment (no load balancer)", false},
		{"Which services (in any region) can't notify SNS?", true},
		// a purpose clause's negation is the purpose's, not what is asked
		{"where can codebuild build logs be sent so they aren't lost after the build finishes?", false},
	}
	for _, tt := range tests {
		if got := e.analyze(tt.q).negated; got != tt.want {
			t.Errorf("%q: negated = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestAnalyzeModifies: one entity qualifies another only when its mention
// ends right where the other's starts; a word linked twice (links are not
// in text order) never makes a span run backwards.
func TestAnalyzeModifies(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("Which CloudWatch Logs subscription filter destinations exist?")
	logs, filter := "", ""
	for _, l := range a.links {
		switch a.text[l.start:l.end] {
		case "CloudWatch Logs":
			logs = l.id
		case "subscription filter":
			filter = l.id
		}
	}
	if logs == "" || filter == "" {
		t.Fatalf("links %v: want CloudWatch Logs and subscription filter", a.links)
	}
	if !a.modifies(logs, filter) || a.modifies(filter, logs) {
		t.Errorf("modifies(logs, filter) = %v, modifies(filter, logs) = %v; want true, false", a.modifies(logs, filter), a.modifies(filter, logs))
	}
	// fixed bugs: "deployment" linked twice once panicked with slice bounds out of range
	q := "What sections differ in appspec.yml between an EC2 deployment and an ECS/Lambda deployment?"
	if _, err := e.Ask(t.Context(), q); err != nil {
		t.Errorf("Ask(%q): %v", q, err)
	}
}

// TestAnalyzeAsksOne: a "which"/"what" phrase that ends in a singular noun
// asks for one thing; a plural (in the phrase or right after a kind word
// that qualifies it), a word that asks for several, a number, an order or
// a second wh-clause asks for more.
func TestAnalyzeAsksOne(t *testing.T) {
	e := newEngine(t)
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"I need my managed instances kept in a defined, consistent state automatically. Which Systems Manager capability do I use?", true},
		{"Which ASG process do I suspend?", true},
		{"I want a canary release for my REST API. Which service gives me canary settings on deployment?", true},
		{"Which services support blue/green deployment?", false},
		{"What deployment policies does Elastic Beanstalk offer?", false},
		{"Which Elastic Beanstalk deployment policies keep the environment at full capacity?", false},
		{"In what order do the OpsWorks lifecycle events happen?", false},
		{"Which database should I use for multi-region writes, and which one for multi-region reads?", false},
		{"List every service that supports cross-account", false},
		{"What are the two kinds of automatic rollback?", false},
		// a name inside the phrase does not end it
		{"Which predefined linear deployment configurations does CodeDeploy have for Lambda?", false},
		{"Which predefined linear deployment configuration should CodeDeploy use for Lambda?", true},
		// a verb after the phrase is no plural ("runs on"), and a word
		// that counts another noun ("every instance") asks for no more
		{"Which OpsWorks Stacks lifecycle event runs on every instance when an instance comes online or goes offline?", true},
		{"Which lifecycle events run on every instance?", false},
		// fixed bug: "which way of X" asked for one way, not for several
		{"Registering hundreds of on-premises servers with CodeDeploy - which way of authenticating them is recommended?", true},
		{"Which types of deployment does CodeDeploy support?", false},
		// fixed bugs: a name between "which" and the noun ended the
		// phrase, a verb before an object pronoun ("keeps them") read as a
		// plural, and a scene's "from" ("drifting away from their
		// baseline") asked for a sequence
		{"Our servers keep drifting away from their baseline. Which Systems Manager feature keeps them in a known state?", true},
	} {
		if got := e.analyze(tt.q).single; got != tt.want {
			t.Errorf("%q: asks one %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestAnalyzeAsksTwo: a wh-word after a coordinator ("and what", "and after
// how long") opens a second question; a subordinate clause does not.
func TestAnalyzeAsksTwo(t *testing.T) {
	e := newEngine(t)
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"How long does KDS keep records by default, and what's the longest retention I can configure?", true},
		{"How many log groups can a single query cover and after how long does a query time out?", true},
		{"When an ASG scales in and there's a termination hook, what states does the instance go through?", false},
		{"What is the default retention of Kinesis?", false},
	} {
		if got := e.analyze(tt.q).twofold; got != tt.want {
			t.Errorf("%q: twofold %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestReferent: a main clause's "it" stands for the first thing the clause
// before it names (the head of a qualified name), and the verb after it
// reads that thing as its subject, not the clause's other entities.
func TestReferent(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		q, want string
	}{
		{"If I put a subscription filter on a CloudWatch Logs log group, where can it send the log events?", "component:subscription-filter"},
		{"If I create a CloudWatch Logs subscription filter, which services can it stream the log events to?", "component:subscription-filter"},
		{"Which services support cross-account?", ""},
		{"What can it send to?", ""},
	}
	for _, tt := range tests {
		a := e.analyze(tt.q)
		if a.referent != tt.want {
			t.Errorf("%q: referent %q, want %q", tt.q, a.referent, tt.want)
		}
	}
	a := e.analyze(tests[0].q)
	e.supportOf(a)
	role := func(anchor string) float64 {
		c := &candidate{typ: candRelation, anchor: anchor, pred: graph.PredFlowsTo, rel: e.relationWords(graph.PredFlowsTo, false)}
		return e.roleFit(a, c)
	}
	if got := role("component:subscription-filter"); got != 1 {
		t.Errorf("the referent's reading: role %v, want 1", got)
	}
	if got := role("service:amazon-cloudwatch-logs"); got != 0 {
		t.Errorf("the clause's other entity: role %v, want 0", got)
	}
}

// TestAnalyzeWantsNotFromNames: a kind word inside a name asks for no kind
// ("Application Discovery Service" asks for no service), and the asked-for
// phrase ends with the name unless a kind word follows it.
func TestAnalyzeWantsNotFromNames(t *testing.T) {
	e := newEngine(t)
	for _, tt := range []struct {
		q    string
		want []graph.NodeKind
	}{
		{"What are the ways Application Discovery Service collects data about on-prem servers?", nil},
		{"Which Systems Manager capability keeps my instances in a consistent state?", []graph.NodeKind{graph.KindFeature}},
		{"Which services support blue/green deployment?", []graph.NodeKind{graph.KindService}},
	} {
		a := e.analyze(tt.q)
		if len(a.wants) == 0 != (len(tt.want) == 0) || len(tt.want) > 0 && !containsKind(a.wants, tt.want[0]) {
			t.Errorf("%q: wants %v, want %v", tt.q, a.wants, tt.want)
		}
	}
}

// TestAnalyzeHyphenatedNames: a name of three or more words written with
// hyphens links ("the infrastructure-as-code lifecycle"), and its word is a
// term whose parts match the words written apart; a hyphenated compound
// alone ("near-real-time") links as no name.
func TestAnalyzeHyphenatedNames(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("What are the phases of the infrastructure-as-code lifecycle, in order?")
	if ids := a.linkIDs(); !slices.Contains(ids, "concept:infrastructure-as-code-lifecycle") {
		t.Errorf("links %v, want the IaC lifecycle", ids)
	}
	for _, tm := range a.terms {
		if tm.stem == "infrastructure-as-code" && !tm.in([]string{"infrastructur", "code"}) {
			t.Errorf("term %+v does not match its parts", tm)
		}
	}
	b := e.analyze("What's the near-real-time route for getting CloudWatch Logs into Elasticsearch?")
	for _, l := range b.links {
		if strings.Contains(l.text, "near-real-time") && l.how == linkName {
			t.Errorf("a compound adjective linked as a name: %+v", l)
		}
	}
}

// TestAnalyzeCompoundHead: a weak one-word alias that heads a compound the
// notes write ("lifecycle events") names no entity (EventBridge); alone,
// or after a word it makes no compound with, it still links.
func TestAnalyzeCompoundHead(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("order of appspec lifecycle events for an EC2 in-place deployment")
	for _, l := range a.links {
		if l.text == "events" {
			t.Errorf("'lifecycle events' linked %q to %s", l.text, l.id)
		}
	}
	b := e.analyze("which services emit events?")
	if !slices.ContainsFunc(b.links, func(l link) bool { return l.text == "events" }) {
		t.Errorf("'emit events' lost its weak link: %+v", b.links)
	}
}

// TestAnalyzeServiceHead: services head a focus phrase whose kind word
// before them says what they do ("deployment services" asks for
// services, not strategies); a kind word before another kind that is no
// service qualifies it ("disaster recovery strategies" asks for both).
func TestAnalyzeServiceHead(t *testing.T) {
	e := newEngine(t)
	if a := e.analyze("which deployment services give you auto healing"); !a.wantsOnly(graph.KindService) {
		t.Errorf("deployment services: wants %v, want services", a.wants)
	}
	if a := e.analyze("What are the disaster recovery strategies?"); !containsKind(a.wants, graph.KindDR) || !containsKind(a.wants, graph.KindStrategy) {
		t.Errorf("disaster recovery strategies: wants %v, want DR strategies", a.wants)
	}
}

// TestAnalyzeTerseOrderFocus: a question that opens by asking for an order
// names what it orders next, up to its first preposition; a terse question
// that asks for no order has no focus phrase read this way.
func TestAnalyzeTerseOrderFocus(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		q     string
		focus []string
	}{
		{"Order of the CodeDeploy lifecycle events on an EC2 in-place deployment?", []string{"lifecycl", "event"}},
		{"Order the instance states during an Auto Scaling scale-out", []string{"instanc", "state"}},
		{"sequence of CodePipeline stages", []string{"stage"}},
	} {
		if a := e.analyze(tc.q); !slices.Equal(a.focus, tc.focus) {
			t.Errorf("%q: focus %v, want %v", tc.q, a.focus, tc.focus)
		}
	}
	if a := e.analyze("Order of the CodeDeploy lifecycle events on an EC2 in-place deployment?"); !containsKind(a.wants, graph.KindEvent) {
		t.Errorf("wants %v, want events", a.wants)
	}
}

// TestCodeNameWeighs: a question's word that joins letters and digits as a
// name in code ("Canary10Percent5Minutes") and that the notes write weighs
// twice its rarity; a CamelCase property and a short code do not.
func TestCodeNameWeighs(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("ECSCanary10Percent5Minutes - what share of traffic goes first?")
	found := false
	for _, tm := range a.terms {
		if tm.stem == ingest.Stem("ECSCanary10Percent5Minutes") {
			found = true
			if want := codeNameWeight * e.idf(tm.stem); tm.weight != want {
				t.Errorf("weight %.2f, want %.2f", tm.weight, want)
			}
		}
	}
	if !found {
		t.Fatalf("no term for the code name: %+v", a.terms)
	}
	for _, w := range []string{"DeletionPolicy", "S3", "EC2", "2880"} {
		if codeName(w) {
			t.Errorf("codeName(%q) = true", w)
		}
	}
}

// TestAnalyzeGerundNoName: a question word in lower case that is the -ing
// form of a verb the lexicon knows ("setting up", "getting"), or its bare
// form after a modal ("can go"), is a verb, not the name it spells; the
// name written as one ("Settings", "Go") still links.
func TestAnalyzeGerundNoName(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("Walk me through setting up patching with Patch Manager, in order.")
	for _, l := range a.links {
		if l.text == "setting" {
			t.Errorf("'setting up' linked %q to %s", l.text, l.id)
		}
	}
	if !slices.ContainsFunc(a.links, func(l link) bool { return l.text == "Patch Manager" }) {
		t.Errorf("Patch Manager not linked: %+v", a.links)
	}
	b := e.analyze("what is in the Settings of CodeDeploy")
	if !slices.ContainsFunc(b.links, func(l link) bool { return l.text == "Settings" }) {
		t.Errorf("'Settings' lost its link: %+v", b.links)
	}
	// fixed bug: the bare form of a verb right after a modal is a verb
	// ("can go under"), not the name it spells (the language Go the
	// embedded notes list)
	c := e.analyze("In buildspec.yml, which sub-keys can go under the env section?")
	for _, l := range c.links {
		if l.text == "go" {
			t.Errorf("'can go' linked %q to %s", l.text, l.id)
		}
	}
	d := e.analyze("which languages does CodeBuild offer preconfigured environments for, Go too?")
	if !slices.ContainsFunc(d.links, func(l link) bool { return l.text == "Go" }) {
		t.Errorf("'Go' lost its link: %+v", d.links)
	}
}

// TestCompoundTerms: two question words the notes write as one ("roll
// back" as "rollback") are held by a line that holds the compound; a pair
// no line writes as one word is not joined.
func TestCompoundTerms(t *testing.T) {
	e := engineWithNote(t, "rb.md", "# Deployments\n\n- rollback by CloudWatch alarm: CodeDeploy only\n")
	a := e.analyze("Can Elastic Beanstalk roll back a deployment when a CloudWatch alarm goes off?")
	held := map[string]bool{}
	for _, tm := range a.terms {
		held[tm.stem] = tm.in([]string{"rollback"})
	}
	if !held["roll"] || !held["back"] {
		t.Errorf("terms %+v: roll and back not held by a line's rollback", a.terms)
	}
	if held["goe"] || held["go"] || held["off"] {
		t.Errorf("terms %+v: a word held by rollback that is no part of it", a.terms)
	}
}

// TestAnalyzeAskedCount: a number before the plural noun a question asks
// for ("the two kinds", "3 ways") says how many it asks for: it is no part
// of the asked-for phrase, and as a term it matches the number in figures
// or in words ("2 kinds"); a number that makes a quantity with its noun
// ("60 days") counts nothing.
func TestAnalyzeAskedCount(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		q     string
		count int
		word  string // the count's word as a term
		alt   string // its other spelling among the term's alternatives
	}{
		{"What are the two kinds of CloudWatch logging you can turn on for API Gateway?", 2, "two", "2"},
		{"What are the 3 ways to hook automation up to CodeCommit activity?", 3, "3", "three"},
		{"Which three Kinesis products are there?", 3, "three", "3"},
		{"Can an approval action wait 60 days?", 0, "", ""},
	} {
		a := e.analyze(tc.q)
		if a.count != tc.count {
			t.Errorf("%q: count %d, want %d", tc.q, a.count, tc.count)
		}
		for _, x := range a.terms {
			if x.stem == tc.word && !slices.Contains(x.alts, tc.alt) {
				t.Errorf("%q: term %q has alternatives %q, want %q among them", tc.q, x.stem, x.alts, tc.alt)
			}
			if tc.word == "" && len(x.alts) > 0 {
				t.Errorf("%q: term %q has alternatives %q, want none", tc.q, x.stem, x.alts)
			}
		}
		for _, f := range []string{"two", "three", "3"} {
			if slices.Contains(a.focus, f) {
				t.Errorf("%q: a count in the focus %v", tc.q, a.focus)
			}
		}
	}
}

// TestAnalyzeCountNotAsked: a count of something the question does not
// ask for ("pushes to two repos") is no asked count.
func TestAnalyzeCountNotAsked(t *testing.T) {
	e := newEngine(t)
	for _, q := range []string{
		"pipeline has one source stage but must run on pushes to two repos - what do I create?",
		"Can a log group have 3 subscription filters?",
	} {
		if a := e.analyze(q); a.count != 0 {
			t.Errorf("%q: count %d, want 0", q, a.count)
		}
	}
}

// TestAnalyzeTersePluralFocus: a terse question that opens with a noun
// phrase whose head is plural asks for those things ("tools to scan ...",
// "Lifecycle hooks available ..."), after the names it opens with
// ("codepipeline | test stage providers"); one that opens with a verb, or
// whose phrase holds a value word ("max concurrent readers") does not.
func TestAnalyzeTersePluralFocus(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"tools to scan terraform / cloudformation templates for security misconfigs before deploying", []string{"tool"}},
		{"hooks available for lambda deployments", []string{"hook"}},
		{"codepipeline test stage providers", []string{"test", "stage", "provid"}},
		{"CodeDeploy lifecycle events on EC2?", []string{"lifecycl", "event"}},
		{"Lifecycle hooks available in an ECS AppSpec for a blue/green deployment", []string{"lifecycl", "hook"}},
		{"Beanstalk platform hooks on Amazon Linux 2", []string{"platform", "hook"}},
		{"max concurrent readers on a DynamoDB stream before it throttles?", nil},
		// a wh-phrase ends at its plural head when a verb follows it
		{"which resource types support the Snapshot deletion policy", []string{"resourc"}},
		{"does CodeDeploy support canary deployments", nil},
		{"CodeDeploy Lambda", nil},
	} {
		if got := e.analyze(tc.q).focus; !slices.Equal(got, tc.want) {
			t.Errorf("%q: focus %q, want %q", tc.q, got, tc.want)
		}
	}
}

// TestTermInSplit checks that a term is found in a sorted list and other
// lists exactly when it is found in the lists joined into one, for stems,
// alternative compounds and camel-case parts split across the lists.
func TestTermInSplit(t *testing.T) {
	terms := []term{
		{stem: "rollback"},
		{stem: "roll", alts: []string{"rollback"}},
		{stem: "deletionpolici", parts: []string{"deletion", "polici"}},
		{stem: "absent"},
	}
	cases := []struct {
		sorted []string
		lists  [][]string
	}{
		{sorted: []string{"a", "rollback", "z"}},
		{lists: [][]string{{"rollback"}}},
		{sorted: []string{"deletion"}, lists: [][]string{nil, {"polici"}}},
		{sorted: []string{"polici"}},
		{sorted: []string{"absent", "b"}, lists: [][]string{{"c"}}},
		{},
	}
	for _, c := range cases {
		joined := append([]string{}, c.sorted...)
		for _, l := range c.lists {
			joined = append(joined, l...)
		}
		for _, tm := range terms {
			if got, want := tm.inSplit(c.sorted, c.lists...), tm.in(joined); got != want {
				t.Errorf("%q in %v + %v: inSplit %v, in(joined) %v", tm.stem, c.sorted, c.lists, got, want)
			}
		}
	}
	// and it does find them (the table above is not all misses)
	if !terms[2].inSplit([]string{"deletion"}, []string{"polici"}) || terms[3].inSplit([]string{"b"}) {
		t.Error("inSplit: camel-case parts across lists not found, or a missing stem found")
	}
}

// TestAnalyzeSceneOrderWord: an order word asks for a ranking in the
// sentence the question asks, not in the scene before it ("... the fastest
// rollback possible. Which deployment policy?" asks for one policy).
func TestAnalyzeSceneOrderWord(t *testing.T) {
	e := newEngine(t)
	for _, tt := range []struct {
		q     string
		order bool
	}{
		{"Elastic Beanstalk app: we need zero downtime, full capacity during deploys, and the fastest rollback possible without touching DNS. Which deployment policy?", false},
		{"Which Elastic Beanstalk deployment policy is the fastest?", true},
		{"Rank the DR strategies from cheapest to most expensive", true},
	} {
		if a := e.analyze(tt.q); a.order != tt.order {
			t.Errorf("%q: order = %v, want %v", tt.q, a.order, tt.order)
		}
	}
}

// TestAbbreviationMatchesItsWord: a question's word matches the lexicon's
// abbreviation of it in a line, in full ("databases" finds "DBs").
func TestAbbreviationMatchesItsWord(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("which databases can the vault rotate")
	for _, tm := range a.terms {
		if tm.stem == "databas" {
			if !slices.Contains(tm.alts, "db") {
				t.Errorf("alts of %q = %v, want db", tm.stem, tm.alts)
			}
			return
		}
	}
	t.Errorf("no term databas in %+v", a.terms)
}

// TestAnalyzePronounAfterModal: in "what can it deploy to" the pronoun is
// the verb's subject and the wh-word its object: "deploy" asks for no
// kind of thing (it had asked for strategies).
func TestAnalyzePronounAfterModal(t *testing.T) {
	e := newEngine(t)
	for _, q := range []string{"codedeploy what can it deploy to", "CodeDeploy: what can they deploy to?"} {
		a := e.analyze(q)
		if len(a.wants) != 0 || len(a.focus) != 0 {
			t.Errorf("%q: wants %v, focus %v; want neither", q, a.wants, a.focus)
		}
	}
}

// TestInPlaceIdiomLinksNothing: "need X in place" is an idiom, not the
// In-place deployment strategy, which "in-place" still names.
func TestInPlaceIdiomLinksNothing(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"What do I need in place before turning a DynamoDB table into a global table?", false},
		{"Which hooks run in an in-place deployment?", true},
	} {
		a := e.analyze(tc.q)
		if got := slices.Contains(a.linkIDs(), "strategy:in-place"); got != tc.want {
			t.Errorf("%q links In-place: %v, want %v (%v)", tc.q, got, tc.want, a.linkIDs())
		}
	}
}

// TestCWAbbreviationLinks: the "cw" short forms notes and questions write
// ("need memory metric -> cw agent", "cw alarm") name the CloudWatch parts,
// as "CW Logs" names CloudWatch Logs.
func TestCWAbbreviationLinks(t *testing.T) {
	e := newEngine(t)
	for q, want := range map[string]string{
		"do I need the cw agent for memory metrics?":        "feature:unified-cloudwatch-agent",
		"which actions can a cw alarm take?":                "feature:amazon-cloudwatch-alarms",
		"how long are cw metrics kept at 1 min resolution?": "feature:amazon-cloudwatch-metrics",
	} {
		if ids := e.analyze(q).linkIDs(); !slices.Contains(ids, want) {
			t.Errorf("%q links %v, want %s", q, ids, want)
		}
	}
}

// TestEmbeddedQuestionEndsFocus: a wh-clause after the asked-for noun
// ("the options for how many instances ...") completes it and asks for
// nothing of its own; "how many" that opens the question asks for a value.
func TestEmbeddedQuestionEndsFocus(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		q         string
		wantValue bool
	}{
		{"For a CodeDeploy in-place deployment on EC2, what are the options for how many instances get updated at once?", false},
		{"How many instances does a CodeDeploy in-place deployment update at once?", true},
	} {
		a := e.analyze(tc.q)
		if got := containsKind(a.wants, graph.KindValue); got != tc.wantValue {
			t.Errorf("%q wants a value: %v, want %v (wants %v, focus %v)", tc.q, got, tc.wantValue, a.wants, a.focus)
		}
	}
}

// TestHeaviestFirstIsDescending: "from heaviest to lightest" asks for a
// descending order, "from lightest to heaviest" an ascending one.
func TestHeaviestFirstIsDescending(t *testing.T) {
	e := newEngine(t)
	for q, asc := range map[string]bool{
		"Rank the DevOps Pro exam domains from heaviest to lightest weighting.": false,
		"Rank the DevOps Pro exam domains from lightest to heaviest weighting.": true,
	} {
		if a := e.analyze(q); !a.order || a.ascending != asc {
			t.Errorf("%q: order %v ascending %v, want order, ascending %v", q, a.order, a.ascending, asc)
		}
	}
	got := askNames(t, e, "Rank the DevOps Pro exam domains from heaviest to lightest weighting.")
	if len(got) == 0 || !strings.Contains(got[0], "SDLC") {
		t.Errorf("answers %v, want the SDLC domain (22%%) first", got)
	}
}

// TestNegatedAuxiliaryEndsFocus: "isn't" ends the asked-for phrase as
// "is" does: "What EC2 information isn't in the default CloudWatch
// metrics" asks for information, not for a default value; "info" in a
// note is "information" in a question.
func TestNegatedAuxiliaryEndsFocus(t *testing.T) {
	e := engineWithNote(t, "cw.md", "### CloudWatch metrics\n"+
		"- Important metrics - know if you need a custom metric\n"+
		"  - EC2 - CPU, disk, network - but no internal info like memory usage or processes\n"+
		"  - EBS - I/O, queue length\n")
	q := "What EC2 information isn't in the default CloudWatch metrics, so that I'd need a custom metric for it?"
	if a := e.analyze(q); containsKind(a.wants, graph.KindValue) {
		t.Errorf("%q wants a value (focus %v)", q, a.focus)
	}
	askHolding(t, e, q, []string{"memory usage", "processes"})
}

// TestLinkElidedName: a name the question shortens after "vs", "or" or
// "and" ("parameter store standard vs advanced") links the name its last
// word replaced makes, when the notes have it; a word no such name has
// stays a word.
func TestLinkElidedName(t *testing.T) {
	e := engineWithNote(t, "ps.md", "# SSM Parameter Store\n\n## Tiers\n\n| | Standard | Advanced |\n| --- | --- | --- |\n"+
		"| max value size | 4 KB | 8 KB |\n| parameter policies | no | yes |\n")
	tests := []struct {
		q    string
		want bool // links Parameter Store Advanced
	}{
		{"parameter store standard vs advanced max value size", true},
		{"parameter store standard or advanced - which has parameter policies?", true},
		// fixed bugs: no name "SSM Parameter Store cheaper", and none
		// without a coordinator before the word
		{"parameter store standard vs cheaper options", false},
		{"parameter store standard advanced options", false},
	}
	for _, tt := range tests {
		links := e.analyze(tt.q).links
		got := slices.ContainsFunc(links, func(l link) bool { return l.id == "feature:ssm-parameter-store-advanced" })
		if got != tt.want || !slices.ContainsFunc(links, func(l link) bool { return l.id == "feature:ssm-parameter-store-standard" }) {
			t.Errorf("%q: links %v, want Advanced linked %v beside Standard", tt.q, links, tt.want)
		}
	}
}
