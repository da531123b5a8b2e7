package queries

import (
	"slices"
	"strings"
	"testing"
)

// TestAskedVerb: a question that asks what its asker acts on names the
// verb after the actor pronoun first (past "need to", whose "need" comes
// after it); other questions name none.
func TestAskedVerb(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct{ q, verb string }{
		{"EC2 memory utilisation isn't showing up in CloudWatch - what do I need to install?", "instal"},
		{"What do I need to specify when I create a NAT gateway?", "specifi"},
		{"pipeline has one source stage but must run on pushes to two repos - what do I create?", "creat"},
		{"what can I use on EC2 to ship logs into CloudWatch Logs", "use"},
		// a question that names the kind it asks for reads it by relations
		{"Which service should we use to find out who deleted a bucket?", ""},
		{"What does CloudTrail record?", ""},
		{"What do I need to set up so CodePipeline can deploy into another account?", "set"},
		{"Which services can deliver logs cross-account?", ""},
	} {
		got := e.askedVerbs(e.analyze(tc.q))
		if first := ""; len(got) > 0 && got[0] != tc.verb || len(got) == 0 && tc.verb != "" {
			if len(got) > 0 {
				first = got[0]
			}
			t.Errorf("askedVerbs(%q) = %q (first %q), want %q first", tc.q, got, first, tc.verb)
		}
	}
}

// TestVerbArguments: what a line says a verb acts on: the object of an
// active form (each of "X and Y"), the subject of a passive one; the
// things a "like" list names after it are not.
func TestVerbArguments(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		text, stem string
		want       []string
	}{
		{"A CloudWatch agent must be installed and configured on the instance to obtain internal metrics like memory utilisation, disk usage, process health, etc.", "instal", []string{"CloudWatch agent"}},
		{"To create a NAT gateway, you must specify the public subnet in which the NAT gateway should reside.", "specifi", []string{"public subnet"}},
		{"To trigger CodePipeline when code is pushed in more than 1 repo, an EventBridge rule can be created for each repo that can trigger the same CodePipeline.", "creat", []string{"EventBridge rule"}},
		{"Install the CodeDeploy agent and the CloudWatch agent on every instance.", "instal", []string{"CodeDeploy agent", "CloudWatch agent"}},
		{"Set up a cron job to refresh the credentials", "set", []string{"cron job"}},
		{"EC2 instances can ship logging information using the CloudWatch Logs Agent and logging tools such as Logstash, Graylog, and Fluentd.", "use", []string{"CloudWatch Logs Agent", "Logstash", "Graylog", "Fluentd"}},
		{"Can choose only keys, only new data, only old data, both old/new data", "choos", []string{"only keys", "only new data", "only old data", "both old/new data"}},
		{"To deploy standardised IAM roles to all current and future accounts within an organisation, deploy a CloudFormation StackSet targeting the organisaton root.", "deploy", []string{"CloudFormation StackSet"}},
		{"Cross-account deploy needs: a customer managed KMS key for the artifact bucket (the default aws/s3 key can't be shared), a bucket policy granting the other account, and an IAM role in the target account that the pipeline assumes.", "need", []string{"customer managed KMS key", "bucket policy", "IAM role"}},
		{"Install the agent on the instance, then restart it.", "instal", []string{"agent"}},
		// a plural noun that heads a compound is what the asker acts on
		{"Reason: incorrectly configured health checks on ELB", "check", []string{"health checks"}},
		{"Solution: review and correct any errors in ELB health checks configuration", "check", nil},
		{"Use the Unified CloudWatch Agent for both CloudWatch Agent installations", "instal", nil}, // a derived noun, not the verb's plural
		// fixed bugs
		{"The agent is installed, then started.", "start", nil},
		{"Nothing here names the verb.", "instal", nil},
	} {
		got := e.verbArguments(tc.text, []string{tc.stem})
		if len(got) != len(tc.want) || !slices.EqualFunc(got, tc.want, func(g, w string) bool { return strings.Contains(strings.ToLower(g), strings.ToLower(w)) }) {
			t.Errorf("verbArguments(%q, %q) = %q, want %q", tc.text, tc.stem, got, tc.want)
		}
	}
}

// TestVerbArgAnswers: "what do I VERB" is answered by what the line that
// holds the verb and most of the rest of the question says the verb acts
// on, though other lines hold more of the question's heaviest words
// ("set up"), and not by the names listed around the verb.
func TestVerbArgAnswers(t *testing.T) {
	note := "# CodePipeline notes\n\n" +
		"- Parallel stages can be set up by specifying the same runOrder value.\n" +
		"- Cross-account deploy needs: a customer managed KMS key for the artifact bucket (the default aws/s3 key can't be shared), a bucket policy granting the other account, and an IAM role in the target account that the pipeline assumes.\n" +
		"\n# CloudWatch\n\n" +
		"- A CloudWatch agent must be installed and configured on the instance to obtain internal metrics like memory utilisation, disk usage, process health, etc.\n"
	e := noteEngine(t, "n.md", note)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"What do I need to set up so a CodePipeline in the tools account can deploy into a prod account?", []string{"customer managed KMS key", "bucket policy", "IAM role"}},
		{"EC2 memory utilisation isn't showing up in CloudWatch - what do I need to install?", []string{"cloudwatch agent"}},
	} {
		res, err := e.Ask(t.Context(), tc.q)
		if err != nil {
			t.Fatalf("%q: %v", tc.q, err)
		}
		got := answerNames(res)
		if len(got) != len(tc.want) || !slices.EqualFunc(got, tc.want, func(g, w string) bool { return strings.Contains(strings.ToLower(g), strings.ToLower(w)) }) {
			t.Errorf("%q = %q (%s), want %q", tc.q, got, res.Intent, tc.want)
		}
	}
}
