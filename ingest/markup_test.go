package ingest

import (
	"reflect"
	"strings"
	"testing"
)

// blockSummary renders a document's blocks as "kind level/depth [section]
// text" lines, for comparing parses.
func blockSummary(doc *Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		switch b.Kind {
		case BlockHeading:
			out = append(out, "h"+strings.Repeat("#", b.Level)+" "+b.Text)
		case BlockBullet:
			out = append(out, strings.Repeat("  ", b.Depth)+"- "+b.Text+"  ["+strings.Join(b.Section, " / ")+"]")
		case BlockCode:
			out = append(out, "code")
		default:
			out = append(out, "p "+b.Text)
		}
	}
	return out
}

// TestMarkupNotes: Org-mode and YAML-shaped text notes are read by their
// marks: headings with levels (an Org TODO keyword and tags read as
// such), delimited code, skipped drawers, "term :: text" entries, YAML keys
// and INI or TOML sections over "key = value" lines; a note without the
// marks parses as before. A text note of AsciiDoc marks is AsciiDoc
// (asciidoc.go): block titles over ". item" ordered items, skipped
// attributes, "term:: text" entries.
func TestMarkupNotes(t *testing.T) {
	tests := []struct {
		name, text string
		format     string
		want       []string
	}{
		{"org.txt", "#+TITLE: cfn\n* TODO Helper scripts         :domain2:\n  :PROPERTIES:\n  :WEIGHT: high\n  :END:\n** The four scripts\n   - cfn-init :: reads the metadata\n   - [X] cfn-signal :: sends a signal\n#+BEGIN_SRC json\n{ \"a\": 1 }\n#+END_SRC\n",
			FormatText, []string{"h# cfn", "h# Helper scripts", "h## The four scripts", "  - cfn-init — reads the metadata  [Helper scripts / The four scripts]", "  - cfn-signal — sends a signal  [Helper scripts / The four scripts]", "code"}},
		{"adoc.txt", "= Deployments\n:toc: left\n\n== CodeBuild\n\n.Buildspec phases (in run order)\n. install\n. pre_build\n. build\n\n[source,yaml]\n----\nversion: 0.2\n----\n\n=== Caching\nBuild timeout:: 5 minutes to 36 hours\n",
			FormatAsciiDoc, []string{"h# Deployments", "h## CodeBuild", "h### Buildspec phases (in run order)", "- install  [Deployments / CodeBuild / Buildspec phases (in run order)]", "- pre_build  [Deployments / CodeBuild / Buildspec phases (in run order)]", "- build  [Deployments / CodeBuild / Buildspec phases (in run order)]", "code", "h### Caching", "- Build timeout: 5 minutes to 36 hours  [Deployments / CodeBuild / Caching]"}},
		{"yaml.txt", "# cheat sheet in YAML shape\nparameter_store:\n  types: [String, StringList]\n\n  tiers:\n    advanced:\n      max_parameters: 100,000\n      max_value_size: 8 KB\n  history_kept: 100 versions\n  labels: 10\n",
			FormatText, []string{"code", "h# parameter store", "  - types: String, StringList  [parameter store]", "  - tiers:  [parameter store]", "    - advanced:  [parameter store]", "      - max parameters: 100,000  [parameter store]", "      - max value size: 8 KB  [parameter store]", "  - history kept: 100 versions  [parameter store]", "  - labels: 10  [parameter store]"}},
		{"chat.txt", "#study -- Slack export\n\n[19:10] leo: I need logs streamed in near real time. options?\n[19:11] dana: subscription filter on the log group. destinations\n[19:11] dana:   Kinesis Data Streams\n[19:11] dana:   Lambda\n[19:12] dana: max 2 subscription filters per log group, a limit worth remembering for the exam\n[19:15] leo: and cross-account?\n[19:16] dana:   1) create a Kinesis Data Stream\n[19:16] dana:   2) create a CloudWatch Logs destination\n",
			FormatText, []string{"p #study -- Slack export", "h# I need logs streamed in near real time. options?", "p subscription filter on the log group. destinations", "  - Kinesis Data Streams  [I need logs streamed in near real time. options?]", "  - Lambda  [I need logs streamed in near real time. options?]", "p max 2 subscription filters per log group, a limit worth remembering for the exam", "h# and cross-account?", "  - create a Kinesis Data Stream  [and cross-account?]", "  - create a CloudWatch Logs destination  [and cross-account?]"}},
		{"tree.txt", "CI/CD MIND MAP\n\nTOOLCHAIN\n|\n+-- CodeBuild (managed build containers)\n|   |-- phases  (run in THIS order)\n|   |   |-- 1 install\n|   |   |-- 2 pre_build\n|   |   `-- 3 build\n|   `-- [!] privileged mode for Docker builds\n|           needed to run the Docker daemon\n+-- CodeDeploy\n|   |-- agent on EC2\n|   `-- hooks\n|\n`-- CodePipeline\n",
			FormatText, []string{"h# CI/CD MIND MAP", "h## TOOLCHAIN", "  - CodeBuild (managed build containers)  [CI/CD MIND MAP / TOOLCHAIN]", "    - phases  (run in THIS order)  [CI/CD MIND MAP / TOOLCHAIN]", "      - install  [CI/CD MIND MAP / TOOLCHAIN]", "      - pre_build  [CI/CD MIND MAP / TOOLCHAIN]", "      - build  [CI/CD MIND MAP / TOOLCHAIN]", "    - [!] privileged mode for Docker builds needed to run the Docker daemon  [CI/CD MIND MAP / TOOLCHAIN]", "  - CodeDeploy  [CI/CD MIND MAP / TOOLCHAIN]", "    - agent on EC2  [CI/CD MIND MAP / TOOLCHAIN]", "    - hooks  [CI/CD MIND MAP / TOOLCHAIN]", "  - CodePipeline  [CI/CD MIND MAP / TOOLCHAIN]"}},
		{"mail.txt", "From: Dana\nSubject: Re: SCPs\n\nMerged answers inline.\n\n> > From Marcus (Tue):\n> > Does an SCP grant permissions?\n>\n> From Ines (Tue):\n> No. An SCP never grants anything.\n>   - it filters the maximum permissions\n>   - the IAM policy must still allow\n> Config pieces, in order:\n>   1. configuration recorder\n>   2. delivery channel\n",
			FormatText, []string{"p From: Dana", "p Subject: Re: SCPs", "p Merged answers inline.", "h# From Marcus (Tue)", "p Does an SCP grant permissions?", "h# From Ines (Tue)", "p No. An SCP never grants anything.", "  - it filters the maximum permissions  [From Ines (Tue)]", "  - the IAM policy must still allow  [From Ines (Tue)]", "h# Config pieces, in order", "  - configuration recorder  [Config pieces, in order]", "  - delivery channel  [Config pieces, in order]"}},
		{"notion.md", "# Lambda\n\n<aside>\n💡 **Callout:** an *alias* is a movable pointer to a version.\n\n</aside>\n\n<details>\n<summary>▸ What you can attach to which qualifier</summary>\n\n- Provisioned concurrency → a version or an alias\n\n</details>\n\n<!-- a comment -->\n",
			FormatMarkdown, []string{"h# Lambda", "p 💡 Callout: an *alias* is a movable pointer to a version.", "p What you can attach to which qualifier:", "- Provisioned concurrency → a version or an alias  [Lambda]"}},
		{"cram.ini", "; cram sheet as a config file\n\n[codedeploy.hooks]\nlambda_hooks = BeforeAllowTraffic, AfterAllowTraffic\nec2_in_place_order = ApplicationStop -> DownloadBundle\n; trap: no in-place for Lambda\n\n[codepipeline.approval]\ntimeout = 7 days, then the action fails\nCodeDeployDefault.AllAtOnce = as many as possible\n",
			FormatText, []string{"p cram sheet as a config file", "h## codedeploy hooks", "- lambda hooks: BeforeAllowTraffic, AfterAllowTraffic  [codedeploy hooks]", "- ec2 in place order: ApplicationStop -> DownloadBundle  [codedeploy hooks]", "p trap: no in-place for Lambda", "h## codepipeline approval", "- timeout: 7 days, then the action fails  [codepipeline approval]", "- CodeDeployDefault.AllAtOnce: as many as possible  [codepipeline approval]"}},
		{"notes.toml", "# TOML notes\n[parameter_store]\ntiers = [\"Standard\", \"Advanced\"]\nmax_value = \"8 KB\"\n\n[[secrets_manager.rotation]]\n\"rotation window\" = 'up to 4 hours'\n",
			FormatText, []string{"p TOML notes", "h## parameter store", "- tiers: Standard, Advanced  [parameter store]", "- max value: 8 KB  [parameter store]", "h## secrets manager rotation", "- rotation window: up to 4 hours  [secrets manager rotation]"}},
		// fixed bugs
		// an INI note of one section, or with comments between its
		// sections, was read as one run-on paragraph
		{"c.ini", "[Amazon SNS]\nencryption = KMS\ndelivery = SQS\n", FormatText,
			[]string{"h## Amazon SNS", "- encryption: KMS  [Amazon SNS]", "- delivery: SQS  [Amazon SNS]"}},
		{"w.txt", "\ufeff# my services\n[Amazon SNS] ; topics\nencryption = KMS ; default key\nfifo =\n; between\n[Amazon SQS]\nencryption = KMS\n", FormatText,
			[]string{"p my services", "h## Amazon SNS", "- encryption: KMS  [Amazon SNS]", "- fifo:  [Amazon SNS]", "p between", "h## Amazon SQS", "- encryption: KMS  [Amazon SQS]"}},
		{"chatbullet.txt", "[19:10] leo: targets?\n[19:11] dana: • Lambda\n[19:11] dana: • SQS\n[19:12] leo: thanks\n", FormatText,
			[]string{"h# targets?", "- Lambda  [targets?]", "- SQS  [targets?]", "p thanks"}},
		// a .yaml note is YAML however short (three lines were read as code)
		{"f.yaml", "lambda:\n  max_timeout: 15 minutes\n  max_memory: 10,240 MB\n", FormatText,
			[]string{"h# lambda", "  - max timeout: 15 minutes  [lambda]", "  - max memory: 10,240 MB  [lambda]"}},
		{"ruled.txt", "== kds core ==\n- shard = 1 MB/s in\n\n== kdf core ==\n- buffers 60 s\n", FormatText,
			[]string{"h# kds core", "- shard = 1 MB/s in  [kds core]", "h# kdf core", "- buffers 60 s  [kdf core]"}},
		{"cram.txt", "STANDBY / SUSPEND\n- standby: no traffic\n- suspend processes: Launch, Terminate,\n  HealthCheck, AZRebalance\n- enter standby: decrement\n- exit: back\n- a: b\n- c: d\n- e: f\n", FormatText,
			[]string{"h# STANDBY / SUSPEND", "- standby: no traffic  [STANDBY / SUSPEND]", "- suspend processes: Launch, Terminate, HealthCheck, AZRebalance  [STANDBY / SUSPEND]", "- enter standby: decrement  [STANDBY / SUSPEND]", "- exit: back  [STANDBY / SUSPEND]", "- a: b  [STANDBY / SUSPEND]", "- c: d  [STANDBY / SUSPEND]", "- e: f  [STANDBY / SUSPEND]"}},
	}
	for _, tc := range tests {
		doc, err := Parse(tc.name, []byte(tc.text))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if doc.Format != tc.format {
			t.Errorf("%s: format %s, want %s", tc.name, doc.Format, tc.format)
		}
		if got := blockSummary(doc); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestAppendTextCommas: a continuation line that opens with the comma an
// export broke it before joins without a space ("submitted" + ", queued").
func TestAppendTextCommas(t *testing.T) {
	b := &Block{Text: "in phases submitted", Line: 1, EndLine: 1}
	appendText(b, 2, ", queued")
	appendText(b, 3, ", provisioning")
	appendText(b, 4, "and more")
	if want := "in phases submitted, queued, provisioning and more"; b.Text != want || b.EndLine != 4 {
		t.Errorf("text %q ending on %d, want %q ending on 4", b.Text, b.EndLine, want)
	}
}

// TestMarkedHeadingsNest: a text note's marked headings nest by level, so
// a list under a subheading that names nothing ("** Deployment options")
// relates the entity its parent heading names ("* StackSets").
func TestMarkedHeadingsNest(t *testing.T) {
	text := "#+TITLE: cfn\n* StackSets\n** Deployment options\n   - Maximum concurrent accounts (number or percentage)\n   - Region order\n"
	c := buildOneNote(t, "org.txt", text)
	got := map[string]bool{}
	for _, f := range c.Facts {
		got[f.Subject+" "+f.Object] = true
	}
	for _, want := range []string{"feature:aws-cloudformation-stacksets concept:maximum-concurrent-accounts", "feature:aws-cloudformation-stacksets concept:region-order"} {
		if !got[want] {
			t.Errorf("no fact %s; got %v", want, got)
		}
	}
}
