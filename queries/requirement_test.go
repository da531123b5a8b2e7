package queries

import (
	"slices"
	"testing"
)

// TestRequirementItems: the noun phrases a line lists after its label, at
// " + ", numbered markers or commas; a thing made with another gives both,
// a bare noun keeps the place that says which.
func TestRequirementItems(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Cross-account: artifact bucket encrypted with a customer managed KMS key (the default AWS managed key won't work) + bucket policy + a role in the other account that the pipeline assumes",
			[]string{"artifact bucket", "customer managed KMS key", "bucket policy", "role in the other account"}},
		{"1) customer managed KMS key (CMK) for the artifact bucket, 2) bucket policy giving the other account access, 3) cross-account IAM role in the target account",
			[]string{"customer managed KMS key", "bucket policy", "cross-account IAM role"}},
		{"customer managed KMS key w/ key policy allowing prod acct + bucket policy + cross-account IAM role in prod that the pipeline assumes",
			[]string{"customer managed KMS key", "key policy", "bucket policy", "cross-account IAM role"}},
		// fixed bugs
		{"Nothing here is a list", nil},
	} {
		if got := e.requirementItems(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("requirementItems(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestRequirementAnswers: "what do I need to set up so X can ... another
// account" is answered by the items of the line about X that names
// cross-account, not by a relation whose words hold "set up".
func TestRequirementAnswers(t *testing.T) {
	note := "h3. CodePipeline\n\n" +
		"* Manual approval action: notifies via SNS, times out after 7 days\n" +
		"* Cross-account: artifact bucket encrypted with a customer managed KMS key + bucket policy + a role in the other account that the pipeline assumes\n"
	e := noteEngine(t, "page.textile", note)
	res, err := e.Ask(t.Context(), "What do I need to set up so CodePipeline can deploy into another AWS account?")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"artifact bucket", "customer managed KMS key", "bucket policy", "role in the other account"}
	if got := answerNames(res); !slices.Equal(got, want) {
		t.Errorf("answers %q (%s), want %q", got, res.Reading, want)
	}
}
