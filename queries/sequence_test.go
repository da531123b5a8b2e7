package queries

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestOrderOfNumberedSteps: a question for the order of something's steps
// is answered by the steps the notes number (a table of "Deployment Stage
// N" rows, a list led by "in this order"), in order, ahead of a ranking
// of the thing among its peers that the word "order" also matches.
func TestOrderOfNumberedSteps(t *testing.T) {
	e := newEngine(t) // the embedded notes: 002 numbers the blue/green stages
	for _, q := range []string{
		"What's the order of stages in a blue/green deployment?",
		"order of stages in a blue/green deployment",
		"What order do the stages of a blue/green deployment happen in?", // a light verb and an auxiliary the stages' words lack
	} {
		res, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"Bring up green environment", "Deploy application into green environment", "Cutover", "Blue environment removed"}
		if got := answerNames(res); strings.Join(got, " > ") != strings.Join(want, " > ") {
			t.Errorf("%s\n got %v (%s)\nwant %v", q, got, res.Reading, want)
		}
	}
	e = noteEngine(t, "guide.md", "## Build notes\n\nCodeBuild is the managed build service, driven by buildspec.yml.\n"+
		"The phases run in this order: install, pre_build, build, post_build.\n")
	res, err := e.Ask(context.Background(), "what order do the codebuild buildspec phases execute in?")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := answerNames(res), []string{"install", "pre_build", "build", "post_build"}; !slices.Equal(got, want) {
		t.Errorf("got %v (%s), want %v", got, res.Reading, want)
	}
}

// TestSingleOutByTheAnswersOwnLine: a question for one of the options a
// head lists is answered by the option whose own line (the note line its
// fact cites) holds the question's other words, though every option's
// detail is the head's text.
func TestSingleOutByTheAnswersOwnLine(t *testing.T) {
	e := noteEngine(t, "deploy.md", "# CodeDeploy\n\n"+
		"- As part of every deployment the CodeDeploy agent removes from each instance all the files the most recent deployment installed. If files that no deployment installed sit in a target folder, we can choose what CodeDeploy does with them during the next deployment:\n"+
		"    - **Fail the deployment**: an error is reported and the deployment fails\n"+
		"    - **Overwrite the content**: the revision's copy replaces the file on the instance\n"+
		"    - **Retain the content**: the file on the instance is kept and the revision's copy is skipped\n")
	res, err := e.Ask(context.Background(), "Files were added by hand to the target folder. On the next CodeDeploy deployment I want them kept and the revision's copy skipped. Which option do I pick?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !slices.Equal(got, []string{"Retain the content"}) {
		t.Errorf("got %v (%s), want [Retain the content]", got, res.Reading)
	}
}

// TestWhatToUseWeighsTheWholeLine: of the lines that say what to use, the
// one whose note line holds most of the question wins, its other
// sentences counting ("It is the recommended way" after the sentence that
// says to use it).
func TestWhatToUseWeighsTheWholeLine(t *testing.T) {
	e := noteEngine(t, "onprem.md", "# CodeDeploy\n\n- To register an on-premises server:\n"+
		"    - Use an IAM user ARN to authenticate the server: fine for a handful of servers\n"+
		"    - Use an IAM role ARN to authenticate the server: STS credentials for many servers. It is safer and it is the recommended way\n")
	res, err := e.Ask(context.Background(), "We register hundreds of on-premises servers with CodeDeploy. What should we use to authenticate them, the recommended way?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); !slices.Contains(got, "IAM role ARN") || slices.Contains(got, "IAM user ARN") {
		t.Errorf("got %v (%s), want IAM role ARN", got, res.Reading)
	}
}
