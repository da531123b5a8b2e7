package ingest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// fact is a fact by node names, for readable expectations.
type fact struct {
	s, p, o string
	line    int
}

func extractNote(t *testing.T, name, src string) (Graph, map[string]string) {
	t.Helper()
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(name, []byte(src))
	if doc == nil {
		t.Fatalf("Parse: %v", err)
	}
	g := Extract(doc, dict)
	names := map[string]string{}
	for _, n := range g.Nodes {
		names[n.ID] = n.Name
	}
	return g, names
}

func factSet(g Graph, names map[string]string) map[fact]bool {
	set := map[fact]bool{}
	for _, f := range g.Facts {
		var line int
		fmt.Sscanf(f.Source[strings.LastIndex(f.Source, ":")+1:], "%d", &line)
		set[fact{names[f.Subject], f.Predicate, names[f.Object], line}] = true
	}
	return set
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		src     string
		want    []fact
		notWant []fact
	}{
		{
			name: "capability table with feature rows",
			file: "n.txt",
			src:  "↖↑↓ Services that have a concept of multi region\n. |\n. |\nDynamoDB Global Tables |\nmulti-way replication |\nCloudFormation |\nStackSets |\n",
			want: []fact{
				{"DynamoDB Global Tables", graph.PredSupports, "Multi-region", 4},
				{"Amazon DynamoDB", graph.PredFeature, "DynamoDB Global Tables", 4},
				{"AWS CloudFormation", graph.PredSupports, "Multi-region", 6},
				{"AWS CloudFormation", graph.PredFeature, "AWS CloudFormation StackSets", 6},
			},
		},
		{
			name: "capability heading with qualifier scopes its bullets",
			file: "n.txt",
			src:  "↖↑↓ Services where multi AZ needs to be enabled manually\n- ELB, EFS, ASG\n- Assign AZ\n↖↑↓ Other\n- RDS\n",
			want: []fact{
				{"Elastic Load Balancing", graph.PredSupports, "Multi-AZ (manual)", 2},
				{"Amazon EC2 Auto Scaling", graph.PredSupports, "Multi-AZ (manual)", 2},
				{"Multi-AZ (manual)", graph.PredIsA, "Multi-AZ", 1},
			},
			notWant: []fact{{"Amazon RDS", graph.PredSupports, "Multi-AZ (manual)", 5}},
		},
		{
			name: "key: value bullets in blog shorthand",
			file: "b.txt",
			src:  "Deployment\n#\n\n  • canary deployment: codedeploy only on lambda / ecs, eb (traffic splitting), api gateway\n  • auto healing: opsworks, eb\n",
			want: []fact{
				{"AWS CodeDeploy", graph.PredSupports, "Canary", 4},
				{"AWS Elastic Beanstalk", graph.PredSupports, "Canary", 4},
				{"Amazon API Gateway", graph.PredSupports, "Canary", 4},
				{"AWS OpsWorks", graph.PredSupports, "Auto-healing", 5},
			},
		},
		{
			// the key is a scenario the value's name fits, however long
			name:    "scenario key over a name",
			file:    "b.txt",
			src:     "Deployment\n#\n\n  • blue/green deployment and want to delay the old asg termination: codedeploy\n  • blue/green deployment and want to keep the old asg for a while: see the notes on codedeploy\n",
			want:    []fact{{"AWS CodeDeploy", graph.PredSupports, "Blue/Green", 4}},
			notWant: []fact{{"Amazon EC2 Auto Scaling", graph.PredSupports, "Blue/Green", 4}, {"AWS CodeDeploy", graph.PredSupports, "Blue/Green", 5}},
		},
		{
			name: "arrow chain with a caveat",
			file: "b.txt",
			src:  "Logs\n#\n\n  • logs > subscription filter > lambda (cannot cross account) > s3\n  • eb > cloudformation when both work\n",
			want: []fact{
				{"Amazon CloudWatch Logs", graph.PredFlowsTo, "Subscription filter", 4},
				{"Subscription filter", graph.PredFlowsTo, "AWS Lambda", 4},
				{"AWS Lambda", graph.PredFlowsTo, "Amazon S3", 4},
			},
			notWant: []fact{{"AWS Elastic Beanstalk", graph.PredFlowsTo, "AWS CloudFormation", 5}},
		},
		{
			name: "notification matrix with + and - cells",
			file: "n.txt",
			src:  "↖↑↓ Notifications\nService |\nSNS (native) |\nCloudWatch/EventBridge Events |\nCodeCommit |\n+ Trigger to SNS or Lambda |\n+ |\nKinesis |\n- |\n- |\n",
			want: []fact{
				{"AWS CodeCommit", graph.PredNotifies, "Amazon SNS", 6},
				{"AWS CodeCommit", graph.PredNotifies, "AWS Lambda", 6},
				{"AWS CodeCommit", graph.PredNotifies, "Amazon EventBridge", 7},
				{"Amazon Kinesis", graph.PredNoNotify, "Amazon SNS", 9},
				{"Amazon Kinesis", graph.PredNoNotify, "Amazon EventBridge", 10},
			},
		},
		{
			name: "ordered list under a cue paragraph (markdown)",
			file: "m.md",
			src:  "## OpsWorks\n\nEach layer has a set of lifecycle events:\n1. Setup\n2. Configure\n3. Shutdown\n",
			want: []fact{
				{"AWS OpsWorks", graph.PredEvent, "Setup", 4},
				{"AWS OpsWorks", graph.PredEvent, "Shutdown", 6},
			},
		},
		{
			name:    "prose: subject, negation and the section's service",
			file:    "m.md",
			src:     "## CloudTrail\n\nCloudTrail logs can be retrieved from multiple AWS accounts into one bucket.\n\n## Lambda\n\nLambda cannot work across accounts.\n",
			want:    []fact{{"AWS CloudTrail", graph.PredSupports, "Cross-account", 3}},
			notWant: []fact{{"AWS Lambda", graph.PredSupports, "Cross-account", 7}},
		},
		{
			name: "region restriction names the section's part",
			file: "n.txt",
			src:  "↖↑↓ CloudWatch Alarms\nBilling Alarms\n- Notifications on billing metrics\n- Only available in us-east-1\n",
			want: []fact{{"CloudWatch Billing Alarms", graph.PredOnlyIn, "us-east-1", 4}},
		},
		{
			name: "unknown AWS name becomes a service",
			file: "m.md",
			src:  "## Notes\n\nAWS AppConfig can share profiles across multiple AWS accounts.\n",
			want: []fact{{"AWS AppConfig", graph.PredSupports, "Cross-account", 3}},
		},
		{
			name: "DR ranks from a table of ordered levels",
			file: "n.txt",
			src:  "↖↑↓ Disaster Recovery\n. |\nRPO |\nCosts |\nBackup & Restore |\nHigh |\n$ |\nPilot Light |\nMedium |\n$$ |\n",
			want: []fact{
				{"Backup & Restore", "rank:costs", "Costs $", 7},
				{"Pilot Light", "rank:rpo", "RPO Medium", 9},
			},
		},
		// fixed bugs
		{
			name:    "a leading purpose clause does not hold the subject",
			file:    "m.md",
			src:     "## Deployments\n\n* To implement canary deployment for a Lambda function, CodeDeploy natively supports Lambda canary deployments.\n",
			want:    []fact{{"AWS CodeDeploy", graph.PredSupports, "Canary", 3}},
			notWant: []fact{{"AWS Lambda", graph.PredSupports, "Canary", 3}},
		},
		{
			name:    "a feature followed by its verb is its sentence's subject, not the heading's",
			file:    "m.md",
			src:     "## Roles and organisations\n\n* Deploy a CloudFormation StackSet.\n\n    A StackSet is like a stack but it deploys accross multiple regions and accounts.\n",
			want:    []fact{{"AWS CloudFormation StackSets", graph.PredSupports, "Multi-region", 5}},
			notWant: []fact{{"AWS Organizations", graph.PredSupports, "Multi-region", 5}},
		},
		{
			name: "a chain labelled as hooks is the section's ordered events, not a path",
			file: "m.md",
			src:  "## Deploy to ECS\n\n- Deployment Hooks:\n    - Hooks: `BeforeInstall` -> `Install` (cannot run script) -> `AfterInstall`\n",
			want: []fact{
				{"Amazon ECS", graph.PredEvent, "BeforeInstall", 4},
				{"Amazon ECS", graph.PredEvent, "Install", 4},
				{"Amazon ECS", graph.PredEvent, "AfterInstall", 4},
			},
			notWant: []fact{
				{"Amazon ECS", graph.PredEvent, "Hooks", 4},
				{"beforeinstall", graph.PredFlowsTo, "install", 4},
			},
		},
		{
			name:    "a short bullet over deeper ones heads them like a subheading",
			file:    "m.md",
			src:     "### CloudWatch alarms\n- Billing alarms\n  - Only in us-east-1\n",
			want:    []fact{{"CloudWatch Billing alarms", graph.PredOnlyIn, "us-east-1", 3}},
			notWant: []fact{{"Amazon CloudWatch", graph.PredOnlyIn, "us-east-1", 3}, {"Amazon CloudWatch Alarms", graph.PredOnlyIn, "us-east-1", 3}},
		},
		{
			name:    "an item that lists names relates each of them",
			file:    "m.md",
			src:     "### Amazon S3\n- Event notifications go to\n  - SNS, SQS and Lambda\n",
			want:    []fact{{"Amazon S3", "rel:event notification go to", "Amazon SNS", 3}, {"Amazon S3", "rel:event notification go to", "AWS Lambda", 3}},
			notWant: []fact{{"Amazon S3", "rel:event notification go to", "SNS, SQS and Lambda", 3}, {"Amazon S3", graph.PredFeature, "S3 Event notifications go to", 2}},
		},
		{
			name: "a verbless phrase under a section names what the section's entity does",
			file: "m.md",
			src:  "### AWS Config\n- Configuration tracking\n  - SNS Notification and CloudWatch events with results\n\n### Trusted Advisor\n- NO notification to SNS - events only\n",
			want: []fact{{"AWS Config", graph.PredNotifies, "Amazon SNS", 3}, {"AWS Config", graph.PredNotifies, "Amazon EventBridge", 3}},
			notWant: []fact{
				{"Amazon SNS", graph.PredNotifies, "Amazon EventBridge", 3},
				{"AWS Trusted Advisor", graph.PredNotifies, "Amazon SNS", 6}, // "NO notification" denies
			},
		},
		{
			name:    "a blog's '#' titles are siblings: an empty section does not hold the next",
			file:    "b.txt",
			src:     "Title\n#\n\n  • intro\n\nASG\n#\n\nData analysis / Loggings\n#\n\n  • query S3 data: athena\n  • batch jobs / reporting (like spark): EMR\n",
			notWant: []fact{{"Amazon EC2 Auto Scaling", "rel:query", "Amazon Athena", 12}, {"AWS Batch", "rel:report spark", "Amazon EMR", 13}},
		},
		{
			name: "a clause with its own subject is read on its own",
			file: "k.md",
			src:  "## Kinesis\n\nKinesis Streams offers low latency streaming ingest at scale, Kinesis Analytics performs real-time SQL analysis on streams, and Kinesis Firehose loads streams into S3, Redshift and ElasticSearch.\n",
			want: []fact{{"Amazon Kinesis Data Firehose", graph.PredDelivers, "Amazon S3", 3}},
			notWant: []fact{
				{"Amazon Kinesis Data Streams", graph.PredDelivers, "Amazon S3", 3},
				{"Amazon Kinesis Data Streams", graph.PredDelivers, "Amazon Kinesis Data Analytics", 3},
			},
		},
		{
			name:    "a relation is named by the clause nearest its objects",
			file:    "r.md",
			src:     "## RDS\n\nAmazon RDS provides cost-efficient and resizable capacity while automating time-consuming administration tasks such as hardware provisioning, database setup, patching and backups.\n",
			want:    []fact{{"Amazon RDS", "rel:automate time-consuming administration task", "patching", 3}},
			notWant: []fact{{"Amazon RDS", "rel:provide cost-efficient resizable time-consuming administration task", "patching", 3}},
		},
		{
			name:    "a relative clause with its own verb names the relation",
			file:    "d.md",
			src:     "## CodeDeploy\n\nAWS CodeDeploy is a fully managed deployment service that automates software deployments to a variety of compute services such as Amazon EC2, AWS Fargate and AWS Lambda.\n\n- Uses that bucket to store revisions in S3\n",
			want:    []fact{{"AWS CodeDeploy", "rel:automate software deployment to variety compute", "AWS Lambda", 3}},
			notWant: []fact{{"AWS CodeDeploy", "rel:fully manage deployment to variety compute", "AWS Lambda", 3}, {"AWS CodeDeploy", "rel:bucket to store revision", "Amazon S3", 5}},
		},
		{
			name: "spaced slashes and pluses separate list items; unspaced ones are part of a name",
			file: "c.md",
			src:  "## AWS Config\n\n- trigger type: configuration changes / periodic\n- bundle sections: files + permissions + hooks\n- strategies: Blue/Green, canary\n",
			want: []fact{
				{"AWS Config", "rel:trigger", "configuration changes", 3},
				{"AWS Config", "rel:trigger", "periodic", 3},
				{"AWS Config", "rel:bundle section", "permissions", 4},
				{"AWS Config", "rel:strategy", "Blue/Green", 5},
			},
		},
		{
			name: "the heading's subject named after a lead-in is the subject; a value's relation is named after it when nothing before names one",
			file: "d.md",
			src:  "### DynamoDB\n- DynamoDB Streams\n  - KEY IDEA Under the covers, a DynamoDB Streams is a Kinesis Stream - 1MB/s write, 2MB/sec read per shard\n",
			want: []fact{
				{"DynamoDB Streams", "rel:write", "1MB/s", 3},
				{"DynamoDB Streams", "rel:read shard", "2MB/sec", 3},
			},
		},
		{
			name:    "compact values in table cells are values; a bound is not the value",
			file:    "n.txt",
			src:     "↖↑↓ CloudWatch\n- Higher resolution data aggregates into lower resolution data\nResolution |\nData retention |\n<60s |\n3h |\n60s |\n15d |\n3600s (1h) |\n455d |\n",
			want:    []fact{{"60s", "rel:datum retention", "15d", 8}, {"3600s", "rel:datum retention", "455d", 10}},
			notWant: []fact{{"60s", "rel:datum retention", "3h", 6}},
		},
		{
			name: "numbers listed before a unit are each a value",
			file: "c.md",
			src:  "## AWS Config\n\n- Periodic rules run on a schedule: `1`, `3`, `6`, `12` or `24` hours\n",
			want: []fact{{"AWS Config", "rel:periodic rule run schedule", "1 hour", 3}, {"AWS Config", "rel:periodic rule run schedule", "12 hours", 3}},
		},
		{
			name:    "a limits table's numbers count their rows' things",
			file:    "n.txt",
			src:     "↖↑↓ Elastic Beanstalk\n- Deploys apps\n↖↑↓ Limits\n. |\n. |\nApplications |\n75 |\nApplication Versions |\n1000 |\n",
			want:    []fact{{"AWS Elastic Beanstalk", graph.PredLimit, "75 Applications", 6}, {"AWS Elastic Beanstalk", graph.PredLimit, "1000 Application Versions", 8}},
			notWant: []fact{{"AWS Elastic Beanstalk", graph.PredLimit, "Applications", 6}},
		},
		{
			name: "a flashcard's answer relates what its question names by the question's words",
			file: "f.md",
			src:  "# Systems Manager flashcards\n\n## Run Command / State Manager / Automation\n\nQ: What can start an Automation runbook?\nA: Console/CLI, EventBridge rule target, maintenance window task.\n\n## DynamoDB\n\nQ: What stream view types can I choose?\nA: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE.\n",
			want: []fact{
				{"SSM Automation", "rel:can start automation runbook", "maintenance window task", 5},
				{"Amazon DynamoDB", "rel:stream view can choose", "KEYS_ONLY", 10},
				{"Amazon DynamoDB", "rel:stream view can choose", "OLD_IMAGE", 10},
			},
		},
		{
			// fixed bug: a saved chat's turns were sentences of "Me" and
			// "Tutor", its answers related to nothing its questions named
			name: "a dialogue's answer relates what its question names by the question's words",
			file: "chat.txt",
			src:  "Saved chat\n\nMe: Which compute platforms can CodeDeploy deploy to?\n\nTutor: Three: EC2/On-Premises, AWS Lambda and Amazon ECS.\n\nMe: And the Lambda configurations?\n\nTutor: There are three families:\n- Canary\n- Linear\n\nMe: Thanks.\n\nTutor: Any time.\n",
			want: []fact{
				{"AWS CodeDeploy", "rel:compute platform can deploy to", "AWS Lambda", 5},
				{"AWS CodeDeploy", "rel:compute platform can deploy to", "Amazon ECS", 5},
			},
		},
		{
			// fixed bug: an item longer than a name ("A custom build
			// action that builds or transforms the items") named nothing
			name: "an item is named by the noun before its relative clause",
			file: "c.md",
			src:  "# AWS CodePipeline\n\nYou can create custom actions for the following action categories:\n\n- A custom build action that builds or transforms the items\n- A custom invoke action that runs functions\n",
			want: []fact{
				{"AWS CodePipeline", "rel:can create custom action action category", "custom build action", 5},
				{"AWS CodePipeline", "rel:can create custom action action category", "custom invoke action", 6},
			},
		},
		{
			name: "an item that is a step is named by its verb and object",
			file: "s.md",
			src:  "## AWS CodeDeploy\n\n* Registering on-prem servers with CodeDeploy:\n    - Create an IAM role that the on-prem instances will assume\n    - Set up a Cron job to refresh those credentials regularly\n    - Install CodeDeploy agent on the on-prem servers\n    - Allows traffic to flow\n",
			want: []fact{
				{"AWS CodeDeploy", "rel:register on-prem server with step", "Create an IAM role", 4},
				{"AWS CodeDeploy", "rel:register on-prem server with step", "Set up a Cron job", 5},
				{"AWS CodeDeploy", "rel:register on-prem server with step", "Install CodeDeploy agent", 6},
			},
			notWant: []fact{{"AWS CodeDeploy", "rel:register on-prem server with", "Allows traffic", 7}, {"AWS CodeDeploy", "rel:register on-prem server with step", "Allows traffic", 7}},
		},
		{
			name:    "a passive sentence whose subject names nothing is done by the heading's subject",
			file:    "d.md",
			src:     "# AWS CodeDeploy\n\n- Revisions can be pulled from S3 or GitHub\n- Not everything is covered by S3 notifications\n- Once data is inserted into Kinesis, it stays\n",
			want:    []fact{{"AWS CodeDeploy", "rel:revision can be pulled from", "Amazon S3", 3}},
			notWant: []fact{{"AWS CodeDeploy", "rel:not everything be covered by", "Amazon S3", 4}, {"AWS CodeDeploy", "rel:once datum be inserted into", "Amazon Kinesis", 5}},
		},
		{
			name:    "an item's closing aside (examples, a clause) is no part of its name; a short qualifier is",
			file:    "m.md",
			src:     "## Amazon Macie\n\n- Two finding categories:\n    - policy findings (bucket made public, encryption disabled, ...)\n    - sensitive data findings (object contains PII)\n    - custom findings (manual)\n",
			want:    []fact{{"Amazon Macie", "rel:find category", "policy findings", 4}, {"Amazon Macie", "rel:find category", "sensitive data findings", 5}, {"Amazon Macie", "rel:find category", "custom findings (manual)", 6}},
			notWant: []fact{{"Amazon Macie", "rel:find category", "sensitive data findings (object contains PII)", 5}},
		},
		{
			name:    "a section under a title naming two services is about the one its own lines name",
			file:    "c.md",
			src:     "# CloudTrail + EventBridge: Audit and React\n\n## 2. Event types\n\n- **Management events** (control plane)\n  - Logged by default on a trail\n- **Insights events**\n  - CloudTrail Insights watches for unusual API call rates\n",
			want:    []fact{{"AWS CloudTrail", "rel:event", "Management events (control plane)", 5}, {"AWS CloudTrail", "rel:event", "Insights events", 7}},
			notWant: []fact{{"Amazon EventBridge", "rel:event", "Insights events", 7}},
		},
		{
			name: "a heading that is a kind word relates its items to the section's service by that word",
			file: "w.txt",
			src:  "Amazon Kinesis\n\nEasily collect, process, and analyze data streams in real time.\n\nServices\n  • Kinesis Data Analytics\n    • Analyze streaming data\n  • Kinesis Data Firehose\n    • Deliver streaming data\n",
			want: []fact{{"Amazon Kinesis", "rel:service", "Amazon Kinesis Data Analytics", 6}, {"Amazon Kinesis", "rel:service", "Amazon Kinesis Data Firehose", 8}},
		},
		{
			name:    "the items under a labelled bullet relate by its label",
			file:    "b.md",
			src:     "## AWS CodeBuild\n\n### Caching\n\n* S3 cache: stored in a bucket, shared across build hosts\n* local cache: on the build host only, only helps if the next build lands on the same host; 3 modes\n  * `LOCAL_SOURCE_CACHE` (git metadata)\n  * `LOCAL_CUSTOM_CACHE`\n",
			want:    []fact{{"AWS CodeBuild", "rel:local cache", "LOCAL_SOURCE_CACHE", 7}, {"AWS CodeBuild", "rel:local cache", "LOCAL_CUSTOM_CACHE", 8}},
			notWant: []fact{{"AWS CodeBuild", "rel:caching", "LOCAL_SOURCE_CACHE", 7}},
		},
		{
			name:    "an identifier's aside is a note on it, not part of its name",
			file:    "p.md",
			src:     "## AWS CodePipeline\n\n- Execution modes:\n    - SUPERSEDED (default): newer run replaces an older waiting one\n    - QUEUED (V2 only): runs processed one by one in order\n",
			want:    []fact{{"AWS CodePipeline", "rel:execution mode", "SUPERSEDED", 4}, {"AWS CodePipeline", "rel:execution mode", "QUEUED", 5}},
			notWant: []fact{{"AWS CodePipeline", "rel:execution mode", "QUEUED (V2 only)", 5}},
		},
		{
			name:    "an item labelled as a solution or a cause names its value, the label joins the relation",
			file:    "t.md",
			src:     "## AWS CodeDeploy\n\n- Deployment error: Signature expired\n    - Solution: synchronize time\n",
			want:    []fact{{"AWS CodeDeploy", "rel:deployment error signature expire solution", "synchronize time", 4}},
			notWant: []fact{{"AWS CodeDeploy", "rel:deployment error signature expire", "Solution", 4}},
		},
		{
			name:    "an item that opens with an auxiliary or a negation names no typed item",
			file:    "h.md",
			src:     "## AWS CodeDeploy\n\n### Lifecycle hooks\n\n- ApplicationStop\n- can NOT script: DownloadBundle, Install\n- Can rebuild environment\n",
			want:    []fact{{"AWS CodeDeploy", "lifecycleEvent", "ApplicationStop", 5}},
			notWant: []fact{{"AWS CodeDeploy", "lifecycleEvent", "can NOT script", 6}, {"AWS CodeDeploy", "lifecycleEvent", "Can rebuild environment", 7}},
		},
		{
			name: "an item too long for a list head heads its items by the label before its gloss",
			file: "cb.md",
			src:  "### CodeBuild\n\n- Logs - Under CodeBuild > Logs - set up log groups - only trace of build after it's finished\n  - need to make logs go to CW or S3 else lost\n  - CloudWatch logs\n  - S3\n",
			want: []fact{{"AWS CodeBuild", "rel:log", "Amazon CloudWatch Logs", 5}, {"AWS CodeBuild", "rel:log", "Amazon S3", 6}},
		},
		{
			name: "labels the note's entries repeat are fields: the value is the item, the label joins the relation",
			file: "log.md",
			src: "# Practice exam log\n\n## #1 CodeDeploy hook order\n\n- **Q:** where does the health check script go\n- **Picked:** AfterInstall\n- **Right:** ValidateService\n\n" +
				"## #2 CodeDeploy hook order again\n\n- **Q:** which hook stops the app\n- **Picked:** BeforeInstall\n- **Right:** ApplicationStop\n\n" +
				"## #3 Elastic Beanstalk\n\n- **Q:** no capacity drop\n- **Picked:** Rolling\n- **Right:** Immutable, Blue/Green\n",
			want: []fact{{"AWS CodeDeploy", "rel:hook order right", "ValidateService", 7}, {"AWS CodeDeploy", "rel:hook order right", "ApplicationStop", 13},
				{"AWS Elastic Beanstalk", "rel:right", "Immutable", 19}, {"AWS Elastic Beanstalk", "rel:right", "Blue/Green", 19}},
			notWant: []fact{{"AWS CodeDeploy", "lifecycleEvent", "Right", 7}, {"AWS CodeDeploy", "lifecycleEvent", "Q", 5}, {"AWS CodeDeploy", "rel:hook order", "Picked", 6}},
		},
		{
			name: "an item that is a name and kind words names the entity, whatever word opens it",
			file: "d.txt",
			src:  "Amazon Detective\n- Builds a behavior graph from:\n  - AWS CloudTrail logs\n  - VPC Flow Logs\n",
			want: []fact{{"Amazon Detective", "rel:build behavior graph from", "AWS CloudTrail", 3}, {"Amazon Detective", "rel:build behavior graph from", "VPC Flow Logs", 4}},
		},
		{
			name:    "a verbless list of names with colons inside them is as many items",
			file:    "c.md",
			src:     "## AWS CloudFormation\n\n- Condition functions:\n    - Fn::And, Fn::Equals, Fn::Or\n",
			want:    []fact{{"AWS CloudFormation", "rel:condition function", "Fn::And", 4}, {"AWS CloudFormation", "rel:condition function", "Fn::Or", 4}},
			notWant: []fact{{"AWS CloudFormation", "rel:condition function", "Fn::And, Fn::Equals, Fn::Or", 4}},
		},
		{
			name:    "a camel-case label relates by its words, as a question writes them",
			file:    "n.txt",
			src:     "↖↑↓ CloudFormation\n- Controls what happens if stack is deleted\nDeletionPolicy\nRetain\n- Needs further cleanup\nSnapshot\n- Takes snapshot prior to deletion\n",
			want:    []fact{{"AWS CloudFormation", "rel:deletion policy", "Retain", 4}, {"AWS CloudFormation", "rel:deletion policy", "Snapshot", 6}},
			notWant: []fact{{"AWS CloudFormation", "rel:deletionpolicy", "Retain", 4}},
		},
		{
			name:    "a list item that opens with 'no' names the thing, the relation carries the 'no'",
			file:    "n.md",
			src:     "## Kinesis Data Firehose\n\n- Capabilities:\n    - no data storage\n    - near real time\n",
			want:    []fact{{"Amazon Kinesis Data Firehose", "rel:not capability", "data storage", 4}},
			notWant: []fact{{"Amazon Kinesis Data Firehose", "rel:capability", "no data storage", 4}},
		},
		{
			name:    "a flashcard's answer list after a count label ('Three: ...') is the list",
			file:    "f.md",
			src:     "## CloudWatch alarms\n\nQ: What states can a CloudWatch alarm be in?\nA: Three: OK, ALARM, INSUFFICIENT_DATA.\n",
			want:    []fact{{"Amazon CloudWatch Alarms", "rel:state can", "OK", 3}, {"Amazon CloudWatch Alarms", "rel:state can", "INSUFFICIENT_DATA", 3}},
			notWant: []fact{{"Amazon CloudWatch Alarms", "rel:state can", "Three", 3}},
		},
		{
			name: "a table whose first column numbers its rows is keyed by the second, under the head above the list before it",
			file: "n.txt",
			src:  "↖↑↓ Auto Scaling\nTermination Policy\n- Configure a Termination Policy for the Auto Scaling Group.\n- Choose one at random\n. |\n. |\n. |\n0 |\nDefault |\nDesigned to help ensure that your instances span Availability Zones evenly |\n1 |\nOldestInstance |\nUseful when upgrading to a new EC2 instance type |\n2 |\nNewestInstance |\nUseful when testing a new launch configuration |\n",
			want: []fact{
				{"Amazon EC2 Auto Scaling", "rel:termination policy", "Default", 9},
				{"Amazon EC2 Auto Scaling", "rel:termination policy", "OldestInstance", 12},
			},
		},
		{
			name: "a table cell's value with an aside is the value",
			file: "t.md",
			src:  "### Metric retention\n\n| Data point period | Kept for |\n|---|---|\n| 60 seconds | 15 days |\n| 1 hour | 455 days (15 months) |\n",
			want: []fact{{"1 hour", "rel:keep", "455 days", 6}},
		},
		{
			name:    "a list head's items are what its last words name",
			file:    "m.md",
			src:     "## CodeDeploy\n\n- Hook which can execute scripts can have the following properties:\n    - `timeout`: the max running duration\n    - `runas`: the user\n",
			notWant: []fact{{"AWS CodeDeploy", graph.PredEvent, "timeout", 4}, {"AWS CodeDeploy", graph.PredEvent, "runas", 5}},
		},
		{
			name:    "a list head's kind is its noun before a preposition",
			file:    "m.md",
			src:     "## CodeDeploy\n\n- Environment variables for hooks:\n    - `APPLICATION_NAME`: the name of the application\n- Each layer has a set of five lifecycle events:\n    - Setup\n",
			want:    []fact{{"AWS CodeDeploy", graph.PredEvent, "Setup", 6}},
			notWant: []fact{{"AWS CodeDeploy", graph.PredEvent, "APPLICATION_NAME", 4}},
		},
		{
			// an aside that lists entities names no subject of its own;
			// each "Name: a, b" item is its entity's list, in order, and a
			// note nested under an item does not end the heading's list
			name: "labelled lists under a heading whose aside names them",
			file: "m.md",
			src:  "# AWS CodeDeploy\n\n## Lifecycle hooks (Lambda and ECS)\n- Lambda: `BeforeAllowTraffic`, `AfterAllowTraffic`\n  - each hook is itself a Lambda function\n- ECS: `BeforeInstall`, `AfterInstall`, `AfterAllowTestTraffic`\n",
			want: []fact{
				{"AWS Lambda", graph.PredEvent, "BeforeAllowTraffic", 4},
				{"Amazon ECS", graph.PredEvent, "BeforeInstall", 6},
				{"Amazon ECS", graph.PredEvent, "AfterAllowTestTraffic", 6},
				{"AWS CodeDeploy", "rel:lifecycle hook ecs", "AfterInstall", 6},
			},
			notWant: []fact{
				{"AWS Lambda", graph.PredEvent, "Amazon ECS", 6},
				{"AWS CodeDeploy", graph.PredEvent, "Amazon ECS", 6},
			},
		},
		{
			// a longer label names its entity among other words: the
			// entity's items follow it, in the order of an arrow chain,
			// and the entity is no item of the heading's list
			name: "labelled chain under a list heading",
			file: "m.md",
			src:  "# CodeDeploy hooks\n\n- ec2 in place order: ApplicationStop -> DownloadBundle -> BeforeInstall\n- ECS: BeforeInstall, Install\n",
			want: []fact{
				{"Amazon EC2", graph.PredEvent, "ApplicationStop", 3},
				{"Amazon EC2", graph.PredEvent, "BeforeInstall", 3},
				{"Amazon ECS", graph.PredEvent, "Install", 4},
			},
			notWant: []fact{
				{"AWS CodeDeploy", graph.PredEvent, "Amazon EC2", 3},
			},
		},
		{
			// a name after a preposition is the object of the head's
			// relation: in a section of no subject the items are its
			// subjects, not its objects
			name: "head whose name follows a preposition",
			file: "n.md",
			src:  "# Notifications and integrations\n\n- Notifications without SNS - CloudWatch events only\n  - Trusted Advisor\n  - GuardDuty\n",
			want: []fact{
				{"AWS Trusted Advisor", "rel:not notification", "Amazon SNS", 4},
				{"Amazon GuardDuty", "rel:not notification", "Amazon SNS", 5},
			},
			notWant: []fact{
				{"Amazon SNS", "rel:not notification cloud watch event", "AWS Trusted Advisor", 4},
			},
		},
		{
			// "Label: description. Options:" heads the label's options: the
			// label qualifies the relation, and a head whose section names
			// two entities takes the subject of the head above it
			name: "labelled long head",
			file: "n.md",
			src:  "## CodeDeploy for ECS\n\n- Deployment traffic-shifting strategies:\n    - Linear: grow traffic every N minutes. Options:\n        - `ECSLinear10PercentEvery3Minutes`\n    - Canary: try X percent then 100%. Options:\n        - `ECSCanary10Percent5Minutes`\n",
			want: []fact{
				{"AWS CodeDeploy", "rel:linear option", "ECSLinear10PercentEvery3Minutes", 5},
				{"AWS CodeDeploy", "rel:canary option", "ECSCanary10Percent5Minutes", 7},
			},
			notWant: []fact{
				{"AWS CodeDeploy", "rel:option", "ECSCanary10Percent5Minutes", 7},
			},
		},
		{
			// items under a head that names their kind are names though
			// they open with a verb
			name: "verb-first items under a kind head",
			file: "n.md",
			src:  "## CodeCommit\n\n- Triggers - SNS or Lambda\n  - Events:\n    - push to existing branch\n    - create branch or tag\n  - Usually on the local filesystem\n",
			want: []fact{
				{"AWS CodeCommit", "rel:trigger event", "push to existing branch", 5},
				{"AWS CodeCommit", "rel:trigger event", "create branch or tag", 6},
			},
		},
		{
			// a short cell is its row's value under its column though it
			// reads as no name; a level mark ("+", "$$") is no value
			name: "short table cells are values",
			file: "n.md",
			src:  "# AWS Elastic Beanstalk\n\n## Deployment policies\n\n| Policy | Capacity during deploy | Cost |\n|---|---|---|\n| Rolling | reduced by one batch | $ |\n| Immutable | full (double) | $$ |\n",
			want: []fact{
				{"Rolling", "rel:capacity during deploy", "reduced by one batch", 7},
				{"Immutable", "rel:capacity during deploy", "full (double)", 8},
			},
			notWant: []fact{
				{"Rolling", "rel:cost", "$", 7},
			},
		},
		{
			// a function word names nothing ("etc", "you"); an upper-case
			// one may ("AWS" as a hop)
			name: "function words are no nodes",
			file: "n.md",
			src:  "# AWS CodePipeline\n\n## Features\n\n- Jenkins\n- TeamCity\n- etc\n",
			want: []fact{
				{"AWS CodePipeline", graph.PredFeature, "Jenkins", 5},
			},
			notWant: []fact{
				{"AWS CodePipeline", graph.PredFeature, "etc", 7},
			},
		},
		{
			// a list head's subject is in its main clause, not in the
			// clause that sets its condition
			name: "list head after a leading clause",
			file: "n.md",
			src:  "# AWS CodeDeploy\n\n- In case we have load balancer, we can have the following additional hooks:\n    - **BeforeBlockTraffic** (can run scripts)\n    - **BlockTraffic** (cannot run scripts)\n",
			want: []fact{
				{"AWS CodeDeploy", graph.PredEvent, "BeforeBlockTraffic", 4},
			},
			notWant: []fact{
				{"Elastic Load Balancing", graph.PredEvent, "BeforeBlockTraffic", 4},
			},
		},
		{
			// level-less headings: past a feature heading of Systems
			// Manager, an earlier heading naming another service is a
			// sibling section, not the one the block sits in
			name: "sibling service heading in a level-less note",
			file: "n.txt",
			src:  "↖↑↓ AWS Systems Manager\n- Free service\n↖↑↓ Resources groups\n- Organize your AWS resources.\n↖↑↓ Parameter store\n- Secure storage\n↖↑↓ Action & Change\n- Automation\n- Change Calendar\n",
			want: []fact{
				{"AWS Systems Manager", "rel:action change", "Change Calendar", 9},
			},
			notWant: []fact{
				{"AWS Resource Groups", "rel:action change", "Change Calendar", 9},
			},
		},
		{
			// an outliner's "key:: value" property is a label, and a label
			// over numbers that share a unit names each value
			name: "outliner properties and a list of values",
			file: "n.md",
			src:  "# AWS Config\n\n- rules\n\t- periodic frequency:: 1, 3, 6, 12 or 24 hours\n",
			want: []fact{
				{"AWS Config", "rel:rule periodic frequency", "1 hour", 4},
				{"AWS Config", "rel:rule periodic frequency", "24 hours", 4},
			},
			notWant: []fact{
				{"AWS Config", "rel:rule periodic frequency:", "24 hours", 4},
			},
		},
		{
			// an item that is a sentence with a subject of its own is no
			// item of the head above it
			name: "sentence items keep their own subject",
			file: "n.md",
			src:  "# Elastic Beanstalk deployment policies\n\n## Names\n\n- CloudWatch Events is now called Amazon EventBridge.\n- Standard: up to 10,000 parameters\n",
			notWant: []fact{
				{"AWS Elastic Beanstalk", "rel:name", "Amazon EventBridge", 5},
			},
		},
		{
			// fixed bug: a name whose capitalised words go on past the
			// known name ("CodeDeploy Agent") before its verb is the
			// sentence's subject too, no item of the heading's relation
			name: "sentence items whose subject goes on past a name",
			file: "n.md",
			src:  "# AWS CodeDeploy\n\n## Deploy to ECS\n\n- CodeDeploy Agent is not required\n",
			notWant: []fact{
				{"AWS CodeDeploy", "rel:not deploy to", "Amazon ECS", 5},
			},
		},
		{
			// fixed bug: a number inside a name ("Route 53") counts
			// nothing after it ("53 access logs" is no value)
			name: "numbers inside names",
			file: "n.md",
			src:  "# Managed logs\n\n- Where logs go\n    - Route 53 access logs only to CloudWatch logs\n",
			notWant: []fact{
				{"Managed logs", "rel:only cloud watch log", "53 access logs", 4},
			},
		},
		{
			// code spans a line lists right after a noun are that noun's
			// values, of the entity named just before it, else of the
			// section's subject; identifiers are no dictionary names
			// ("ssm" is no AWS Systems Manager), and a typo is no noun
			name: "code values after a noun",
			file: "n.md",
			src:  "## AWS Systems Manager\n\n- Needs network path to SSM endpoints (**VPC interface endpoints** `ssm`, `ssmmessages`, `ec2messages`)\n- Details in teh `appspec.yml`\n- Hybrid servers are told from EC2 instances by the prefix `mi-`. The EC2 instances use the prefix `i-`.\n",
			want: []fact{
				{"AWS Systems Manager", "rel:vpc interface endpoint", "ssm", 3},
				{"AWS Systems Manager", "rel:vpc interface endpoint", "ec2messages", 3},
				{"Amazon EC2 instances", "rel:prefix", "i-", 5},
			},
			notWant: []fact{
				{"Amazon VPC", "rel:vpc interface endpoint", "ssm", 3},
				{"AWS Systems Manager", "rel:teh", "appspec.yml", 4},
				{"Amazon EC2 instances", "rel:prefix", "mi-", 5},
			},
		},
		{
			// a key column headed by a word for features makes its rows
			// features of what the other columns name: a yes or no cell
			// says whether that thing supports the row's feature
			name: "check marks under things, features in rows",
			file: "n.md",
			src:  "## Amazon Route 53\n\n| Feature | Simple | Failover | Weighted |\n|---|---|---|---|\n| Active-passive DR | No | Yes | No |\n",
			want: []fact{
				{"Failover", "rel:support", "Active-passive DR", 5},
				{"Simple", "rel:not support", "Active-passive DR", 5},
			},
			notWant: []fact{
				{"Active-passive DR", "rel:failover", "Yes", 5},
			},
		},
		{
			// a table keyed by quantities pairs each with the row's value,
			// the key a value of its own ("5 min | 63 days" reads like
			// "60s | 15d"); a key that bounds a quantity is not that value
			name: "table rows keyed by quantities",
			file: "n.md",
			src:  "# Amazon CloudWatch\n\n## Retention\n\n| data point period | kept for |\n|---|---|\n| < 60 s (hi-res) | 3 hours |\n| Under 60 seconds (high resolution) | 3 hours |\n| 60 s | 15 days |\n| 5 min | 63 days |\n",
			want: []fact{
				{"5 min", "rel:keep", "63 days", 10},
				{"60 s", "rel:keep", "15 days", 9},
			},
			notWant: []fact{
				{"Amazon CloudWatch", "rel:min", "63 days", 10},
				{"60 seconds", "rel:keep", "3 hours", 8},
			},
		},
		{
			// a label head under a bullet that opens with a dash label
			// relates its items by both labels
			name: "label under a dash label",
			file: "n.md",
			src:  "### AWS CodeCommit\n- Two ways to react to repository activity:\n  - 1. Notifications - SNS only\n- 2. Triggers - SNS or Lambda - meant to start some automation\n  - Events:\n    - push to existing branch\n",
			want: []fact{{"AWS CodeCommit", "rel:trigger event", "push to existing branch", 6}},
		},
		{
			// keys that end with the noun their header names are the
			// section subject's things of that kind, by their own names,
			// though one names an entity and prose above names another
			name: "table keys of the header's kind",
			file: "n.md",
			src:  "## AWS Service Catalog\n\nProducts are CloudFormation templates grouped in a portfolio.\n\n| Constraint | Purpose |\n|---|---|\n| Launch constraint | IAM role assumed to launch the product |\n| Tag update constraint | Allow or deny tag changes |\n| StackSet constraint | Deploy across accounts |\n",
			want: []fact{
				{"AWS Service Catalog", "rel:constraint", "Launch constraint", 7},
				{"AWS Service Catalog", "rel:constraint", "Tag update constraint", 8},
				{"AWS Service Catalog", "rel:constraint", "StackSet constraint", 9},
			},
		},
		{
			// identifiers listed before " = " share each clause after it,
			// with its polarity; a journal's signifier is no part of a name
			name: "defined names",
			file: "n.md",
			src:  "## AWS CodeDeploy\n\n! DownloadBundle, Install, BlockTraffic = reserved, NO scripts allowed\n",
			want: []fact{
				{"AWS CodeDeploy", "rel:not script allow", "DownloadBundle", 3},
				{"AWS CodeDeploy", "rel:not script allow", "Install", 3},
				{"AWS CodeDeploy", "rel:not script allow", "BlockTraffic", 3},
			},
		},
		{
			// a cell that is only a check mark or a cross is its row's
			// value; "+" and "-" (levels, blanks) are not
			name: "check-mark cells",
			file: "n.md",
			src:  "## AWS Elastic Beanstalk\n\n| Policy | Reduced capacity | Cost |\n|---|---|---|\n| Rolling | ✅ | + |\n| Immutable | ❌ | - |\n",
			want: []fact{
				{"Rolling", "rel:reduce capacity", "✅", 5},
				{"Immutable", "rel:reduce capacity", "❌", 6},
			},
			notWant: []fact{
				{"Rolling", "rel:cost", "+", 5},
				{"Immutable", "rel:cost", "-", 6},
			},
		},
		{
			// a "notes" column is read as sentences about its row's
			// subject; "n/a" is an empty cell, no value
			name: "description column read as sentences, blank cells",
			file: "m.csv",
			src:  "service,feature,cross_account,notes\nWAF,web ACL logging,n/a,\"destinations: CloudWatch Logs, S3, Kinesis Data Firehose\"\nVPC Flow Logs,delivery,yes,\"destinations: CloudWatch Logs, S3\"\n",
			want: []fact{
				{"AWS WAF", "rel:destination", "Amazon CloudWatch Logs", 2},
				{"AWS WAF", "rel:destination", "Amazon Kinesis Data Firehose", 2},
				{"VPC Flow Logs", "rel:destination", "Amazon S3", 3},
			},
			notWant: []fact{
				{"AWS WAF", "rel:web acl logging", "n/a", 2},
				{"AWS WAF", "rel:cross account", "n/a", 2},
			},
		},
		{
			// a verbless line names what goes where by its preposition
			name: "implied verb between two names",
			file: "l.md",
			src:  "# Logging\n\n- AWS managed logs\n  - Route 53 query logs only to CloudWatch Logs\n  - ALB access logs to S3\n",
			want: []fact{
				{"Amazon Route 53", "rel:only query log send to", "Amazon CloudWatch Logs", 4},
				{"Application Load Balancer", "rel:access log send to", "Amazon S3", 5},
			},
		},
		{
			// a name in an aside is no sentence's subject, and a list item
			// of two words that opens with no verb is a name
			name: "labelled list with asides",
			file: "c.md",
			src:  "# Service Catalog\n\n- Constraints: launch (IAM role used to launch), notification (SNS), template, tag update.\n",
			want: []fact{
				{"AWS Service Catalog", "rel:constraint", "launch", 3},
				{"AWS Service Catalog", "rel:constraint", "tag update", 3},
			},
			notWant: []fact{
				{"AWS Identity and Access Management", graph.PredNotifies, "Amazon SNS", 3},
			},
		},
		{
			// a quantity before the verb qualifies the subject's noun; a
			// modal and a verb after a noun that names nothing say what
			// the heading's subject's part does
			name: "subject phrases of no name",
			file: "q.md",
			src:  "# CloudWatch\n\n- 1-hour data points are kept for 455 days\n- Expire after 15 months if no data is published\n\n## Run Command\n\n- output can go to S3 bucket or CloudWatch Logs\n",
			want: []fact{
				{"Amazon CloudWatch", "rel:1-hour datum point be kept", "455 days", 3},
				{"Amazon CloudWatch", "rel:expire after", "15 months", 4},
				{"Run Command", "rel:output can go to", "Amazon S3", 8},
				{"Run Command", "rel:output can go to", "Amazon CloudWatch Logs", 8},
			},
			notWant: []fact{
				{"Amazon CloudWatch", "rel:datum point be kept", "1 hour", 3},
			},
		},
		{
			// fixed bug: under a heading that names a service, a line that
			// opens with another service's label ("Lambda targets:") was
			// read as the heading's subject's verbless phrase: no fact
			name: "an entity's label over a list under another entity's heading",
			file: "l.md",
			src:  "# CodeDeploy\n\n- Lambda hooks: BeforeAllowTraffic and AfterAllowTraffic\n- Lambda targets: SNS, SQS\n",
			want: []fact{
				{"AWS Lambda", "rel:hook", "BeforeAllowTraffic", 3},
				{"AWS Lambda", "rel:hook", "AfterAllowTraffic", 3},
				{"AWS Lambda", graph.PredTargets, "Amazon SNS", 4},
			},
		},
		{
			// fixed bug: "only" opened the list's first item ("only
			// BeforeAllowTraffic"), and the relation was not exclusive
			name: "an exclusive word before a list restricts the relation",
			file: "x.md",
			src:  "# Notes\n\n- Lambda hooks: only BeforeAllowTraffic and AfterAllowTraffic\n",
			want: []fact{
				{"AWS Lambda", "rel:only hook", "BeforeAllowTraffic", 3},
				{"AWS Lambda", "rel:only hook", "AfterAllowTraffic", 3},
			},
			notWant: []fact{
				{"AWS Lambda", "rel:only hook", "only BeforeAllowTraffic", 3},
			},
		},
		{
			// fixed bug: a list of names the dictionary does not know,
			// right after the verb, was no object ("ECS has BeforeInstall,
			// ..."); a denial of one noun was none either
			name: "names or a denied noun right after the verb",
			file: "v.md",
			src:  "# Notes\n\nECS has BeforeInstall, AfterInstall, AfterAllowTestTraffic.\n\nParameter Store has NO built-in rotation.\n\nCodeDeploy does not support rotation.\n\nStep Functions logs the state of each step, so when things go wrong, you can debug problems quickly.\n",
			want: []fact{
				{"Amazon ECS", "rel:have", "BeforeInstall", 3},
				{"Amazon ECS", "rel:have", "AfterAllowTestTraffic", 3},
				{"SSM Parameter Store", "rel:not have", "built-in rotation", 5},
				{"AWS CodeDeploy", "rel:not support", "rotation", 7},
			},
			notWant: []fact{
				{"AWS Step Functions", "rel:log", "state of each step", 9},
				{"AWS Step Functions", "rel:log", "debug problems quickly", 9},
			},
		},
		{
			// fixed bug: a chain of ">" under a label that names its steps'
			// order ("hook order") was read as a data path between hooks
			name: "a chain under an order label is its entity's steps",
			file: "c.txt",
			src:  "EC2 in-place hook order: ApplicationStop > DownloadBundle > BeforeInstall > Install\n",
			want: []fact{
				{"Amazon EC2", graph.PredEvent, "ApplicationStop", 1},
				{"Amazon EC2", graph.PredEvent, "Install", 1},
			},
			notWant: []fact{
				{"ApplicationStop", graph.PredFlowsTo, "DownloadBundle", 1},
			},
		},
		{
			// fixed bug: every short turn of a chat answered by the other
			// speaker headed the turns after it, statements too ("ECS has
			// BeforeInstall, ..." was a heading, no fact); the export's
			// title with its date became the subject of every turn
			name: "a chat's statements head nothing",
			file: "chat.txt",
			src:  "#study -- export 2024-03-05\n[10:44] dana: ECS has BeforeInstall, AfterInstall, AfterAllowTestTraffic\n[10:45] raj: and the ECS hooks are Lambda functions, not shell scripts, plus a lot more words here\n[10:46] dana: Lambda targets?\n[10:47] raj: SNS, SQS and EventBridge, and also Lambda destinations for async invokes\n",
			want: []fact{
				{"Amazon ECS", "rel:have", "BeforeInstall", 2},
			},
		},
		{
			// fixed bug: a table whose columns are the things compared and
			// whose rows their attributes made each row's attribute the
			// subject and each column's name the relation
			name: "a comparison table's columns are its subjects",
			file: "t.md",
			src:  "# Secrets\n\n| | Parameter Store Standard | Secrets Manager |\n| --- | --- | --- |\n| max value size | 4 KB | 64 KB |\n| automatic rotation | no | yes |\n",
			want: []fact{
				{"Parameter Store Standard", "rel:max value size", "4 KB", 5},
				{"AWS Secrets Manager", "rel:max value size", "64 KB", 5},
				{"Parameter Store Standard", "rel:not support", "automatic rotation", 6},
				{"AWS Secrets Manager", "rel:support", "automatic rotation", 6},
				{"SSM Parameter Store", graph.PredFeature, "Parameter Store Standard", 3},
			},
			notWant: []fact{
				{"max value size", "rel:secret manager", "64 KB", 5},
			},
		},
		{
			// fixed bug: a line an exam-traps page labels wrong gave its
			// false claim as facts; a right one's label was a relation word
			name: "a false claim states nothing, a true one's label is no word",
			file: "traps.md",
			src:  "# Traps\n\n- ❌ Wrong: Lambda targets: SNS, SQS\n- ✅ Right: Lambda hooks: BeforeAllowTraffic and AfterAllowTraffic\n- Myth: ECS supports DAEMON, REPLICA\n",
			want: []fact{
				{"AWS Lambda", "rel:hook", "BeforeAllowTraffic", 4},
			},
			notWant: []fact{
				{"AWS Lambda", graph.PredTargets, "Amazon SNS", 3},
				{"Amazon ECS", "rel:support", "DAEMON", 5},
			},
		},
		{
			// fixed bug: a sentence whose subject is a strategy ("Immutable
			// launches ...") gave no fact: only entities were subjects
			name: "a strategy that opens a sentence before its verb is its subject",
			file: "eb.md",
			src:  "# Beanstalk\n\nImmutable launches a new set of instances in a separate Auto Scaling group.\n\nIn-place deployments can be launched one at a time, half at a time, or all at once.\n",
			want: []fact{
				{"Immutable", "rel:launch new set instance separate", "Amazon EC2 Auto Scaling", 3},
			},
			notWant: []fact{
				// how a strategy is run, in the passive, is no doing of its own
				{"In-place", "rel:can be launched", "All-at-once", 5},
			},
		},
		{
			// fixed bug: a flattened list's kind label ("Scaling Policies")
			// and the items of its kind after it, with notes between them,
			// gave no fact: the nesting the export lost said what they were
			name: "items named by a plural label before them are of its kind",
			file: "asg.txt",
			src:  "↖↑↓ Auto Scaling\n- Manual scaling\n- Scaling Policies\n- Target Tracking Scaling Policy\n- With target tracking you set a target value\n- Step Scaling Policy\n- Predictive scaling\n",
			want: []fact{
				{"Amazon EC2 Auto Scaling", "rel:scale policy", "Target Tracking Scaling Policy", 4},
				{"Amazon EC2 Auto Scaling", "rel:scale policy", "Step Scaling Policy", 6},
			},
			notWant: []fact{
				{"Amazon EC2 Auto Scaling", "rel:scale policy", "Predictive scaling", 7},
			},
		},
		{
			// a man page names its sections as the CLI does, in one word
			name: "a service named in one word",
			file: "m.txt",
			src:  "SERVICECATALOG\n       Constraints: launch, notification, template.\n",
			want: []fact{
				{"AWS Service Catalog", "rel:constraint", "template", 2},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, names := extractNote(t, tt.file, tt.src)
			set := factSet(g, names)
			for _, w := range tt.want {
				if !set[w] {
					t.Errorf("missing fact %+v", w)
				}
			}
			for _, w := range tt.notWant {
				if set[w] {
					t.Errorf("unexpected fact %+v", w)
				}
			}
			if t.Failed() {
				for f := range set {
					t.Logf("have %+v", f)
				}
			}
		})
	}
}

func TestExtractSourcesAreNoteLines(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	src, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range src {
		doc, err := Parse(s.Name, s.Data)
		if doc == nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		g := Extract(doc, dict)
		if len(g.Facts) == 0 {
			t.Errorf("%s: no facts", s.Name)
		}
		for _, f := range g.Facts {
			var line int
			if _, err := fmt.Sscanf(strings.TrimPrefix(f.Source, s.Name+":"), "%d", &line); err != nil || !strings.HasPrefix(f.Source, s.Name+":") {
				t.Fatalf("fact %+v: source %q is not %s:LINE", f, f.Source, s.Name)
			}
			if line < 1 || line > len(doc.Lines) || strings.TrimSpace(doc.Lines[line-1]) == "" {
				t.Errorf("fact %+v cites an empty or missing line", f)
			}
		}
	}
}

// TestSentenceCitesItsOwnLine: a paragraph written one sentence per line
// cites each sentence's own line, not the paragraph's first.
func TestSentenceCitesItsOwnLine(t *testing.T) {
	g, names := extractNote(t, "same.md", "# AWS CodeBuild\n\nCodeBuild sends build logs to Amazon CloudWatch Logs.\nCodeBuild stores the custom cache in Amazon S3.\n")
	found := false
	for f := range factSet(g, names) {
		if f.o == "Amazon S3" {
			found = true
			if f.line != 4 {
				t.Errorf("%+v cites line %d, want 4", f, f.line)
			}
		}
	}
	if !found {
		t.Fatalf("no fact of the S3 sentence")
	}
}

// TestAsideIsOneClause: a comma inside parentheses ends no clause, so the
// statement of "logs > subscription filter > lambda (cannot cross account,
// kinesis can) > s3" is its whole line, naming every hop.
func TestAsideIsOneClause(t *testing.T) {
	c := buildOneNote(t, "logs.md", "# log routing\n\n- logs > subscription filter > lambda (cannot cross account, kinesis can) > s3 > athena\n")
	var texts []string
	for _, st := range c.Statements {
		if strings.HasSuffix(st.Source, ":3") {
			texts = append(texts, st.Text)
		}
	}
	if len(texts) != 1 || !strings.Contains(texts[0], "kinesis can) > s3") {
		t.Errorf("statements of line 3: %q; want the whole line as one", texts)
	}
}

// TestSpecFilesAreFeatures: the files a service reads its instructions
// from are named parts of it ("appspec.yml" of CodeDeploy, "buildspec.yml"
// of CodeBuild), so the hooks a note lists under "`appspec.yml` lifecycle
// events" are the AppSpec file's, and CodeDeploy has the file.
func TestSpecFilesAreFeatures(t *testing.T) {
	g, names := extractNote(t, "cd.md", "# AWS CodeDeploy\n\n- `appspec.yml` lifecycle events (hooks):\n    - `BeforeAllowTraffic`: runs a Lambda function\n    - `AfterAllowTraffic`: runs a Lambda function\n")
	got := factSet(g, names)
	want := map[string]bool{"BeforeAllowTraffic": false, "AfterAllowTraffic": false}
	parent := false
	for f := range got {
		if f.s == "CodeDeploy AppSpec file" && f.p == graph.PredEvent {
			if _, ok := want[f.o]; ok {
				want[f.o] = true
			}
		}
		if f.s == "AWS CodeDeploy" && f.o == "CodeDeploy AppSpec file" {
			parent = true
		}
	}
	for o, ok := range want {
		if !ok {
			t.Errorf("no fact: CodeDeploy AppSpec file lifecycleEvent %s; got %v", o, got)
		}
	}
	if !parent {
		t.Errorf("CodeDeploy does not have its AppSpec file; got %v", got)
	}
}

// TestBlogListHeadingIsTheServicesList: a blog's headings are all one
// level, yet a short heading that heads a list ("targets") after a service
// heading ("api gateway") lists that service's; a topic heading ("db")
// after it does not.
func TestBlogListHeadingIsTheServicesList(t *testing.T) {
	note := "intro\n#\n\n  • x\n\napi gateway\n#\n\n  • can do canary deploy\n\ntargets\n#\n\n  • lambda\n  • sqs\n\ndb\n#\n\n  • dynamodb with many read: DAX\n"
	g, names := extractNote(t, "blog.txt", note)
	got := factSet(g, names)
	for _, o := range []string{"AWS Lambda", "Amazon SQS"} {
		found := false
		for f := range got {
			if f.s == "Amazon API Gateway" && f.p == graph.PredTargets && f.o == o {
				found = true
			}
		}
		if !found {
			t.Errorf("no fact: Amazon API Gateway targets %s; got %v", o, got)
		}
	}
	for f := range got {
		if f.s == "Amazon API Gateway" && f.line >= 19 {
			t.Errorf("the db topic became API Gateway's: %+v", f)
		}
	}
	// a short heading that opens with a verb is something done with the
	// service before it
	g, names = extractNote(t, "blog2.txt", "codecommit\n#\n\n  • x\n\nmigrate from git\n#\n\n  • git clone git_repo_url --mirror to create bare repo\n  • git push codecommit_repo_url --all\n")
	found := false
	for f := range factSet(g, names) {
		if f.s == "AWS CodeCommit" && strings.HasPrefix(f.o, "git push") {
			found = true
		}
	}
	if !found {
		t.Errorf("the migration steps are not CodeCommit's: %v", factSet(g, names))
	}
}

// TestNumberedOptionItems: a numbered option that says what it is ("3.
// Most flexible option - is CloudWatch Events") is that entity, an item of
// its list; and a numbered item heading steps is no part of the service.
func TestNumberedOptionItems(t *testing.T) {
	src := strings.Join([]string{
		"### AWS CodeCommit",                                    // 1
		"- Three ways to react to repository activity:",         // 2
		"  - 1. Notifications - SNS only",                       // 3
		"- 2. Triggers - SNS or Lambda",                         // 4
		"- 3. Most flexible option - is CloudWatch Events",      // 5
		"### Amazon GuardDuty",                                  // 6
		"- 1) Respond to findings automatically",                // 7
		"  - Install the GuardDuty agent",                       // 8
		"  - Set up the detector to output notification to SNS", // 9
		"  - Trigger a Lambda from SNS to do the fix",           // 10
	}, "\n")
	g, names := extractNote(t, "n.md", src)
	found := false
	for f := range factSet(g, names) {
		if f.s == "AWS CodeCommit" && f.o == "Amazon EventBridge" && f.line == 5 && strings.HasPrefix(f.p, "rel:") {
			found = true
		}
		if strings.Contains(f.s+" "+f.o, "Respond to findings") && f.p == "feature" {
			t.Errorf("a numbered step head made a part of the service: %+v", f)
		}
	}
	if !found {
		t.Errorf("the option 'is CloudWatch Events' is no item of CodeCommit's list: %v", factSet(g, names))
	}
}

// TestFunctionWordHeading: in a note whose headings have no levels, a
// heading of function words only ("How To") heads no section of its own:
// the service heading above still speaks for the sections after it. A list
// item that opens with a verb in the third person, or names a step before
// an aside, is a step of its head, no thing it relates to.
func TestFunctionWordHeading(t *testing.T) {
	src := strings.Join([]string{
		"↖↑↓ CodeCommit (Core Service)",                     // 1
		"↖↑↓ Overview",                                      // 2
		"- Git repositories",                                // 3
		"↖↑↓ How To",                                        // 4
		"↖↑↓ Protect branches",                              // 5
		"Use IAM policy:",                                   // 6
		"↖↑↓ Send Notifications",                            // 7
		"- Uses CloudWatch Events Rules under the hood",     // 8
		"- Pick target (many different types, e.g. Lambda)", // 9
		"↖↑↓ Triggers",                                      // 10
		"- Can trigger SNS or Lambda",                       // 11
		"↖↑↓ CodeDeploy (Core Service)",                     // 12
	}, "\n")
	g, names := extractNote(t, "n.txt", src)
	set := factSet(g, names)
	if !set[fact{"AWS CodeCommit", "rel:can trigger", "AWS Lambda", 11}] {
		t.Errorf("the section after 'How To' lost its service: %v", set)
	}
	for f := range set {
		if (f.o == "Uses CloudWatch Events Rules under the hood" || f.o == "Pick target") && !strings.HasSuffix(f.p, " step") {
			t.Errorf("an action read as a thing of the head: %+v", f)
		}
	}
}

// TestDurationRangeEnds: a range's two ends are the property's minimum and
// maximum ("5 minutes to 36 hours"), a default stays the property itself,
// and a duration alone is neither.
func TestDurationRangeEnds(t *testing.T) {
	src := "# AWS CodeBuild\n\n" +
		"- Build timeout 5 minutes to 36 hours (default 60 minutes)\n" + // 3
		"- Report retention is 30 days\n" // 4
	g, names := extractNote(t, "limits.md", src)
	facts := factSet(g, names)
	for _, want := range []fact{
		{"AWS CodeBuild", "property:timeout-min", "5 minutes", 3},
		{"AWS CodeBuild", "property:timeout-max", "36 hours", 3},
		{"AWS CodeBuild", "property:timeout", "60 minutes", 3},
		{"AWS CodeBuild", "property:retention", "30 days", 4},
	} {
		if !facts[want] {
			t.Errorf("no fact %v", want)
		}
	}
	for f := range facts {
		if f.p == "property:timeout" && f.o != "60 minutes" {
			t.Errorf("range end read as the property itself: %v", f)
		}
	}
}

// TestFlowPhraseSubject: a verbless phrase that says where its first name
// goes ("Load balancer access logs to S3") is about that name, not the
// section's entity, as other verbless phrases are.
func TestFlowPhraseSubject(t *testing.T) {
	src := "# Amazon EC2\n\n" +
		"- Why: AWS Health publishes account-specific events to EventBridge.\n" + // 3
		"- SNS Notification and CloudWatch events with results\n" // 4
	g, names := extractNote(t, "why.md", src)
	facts := factSet(g, names)
	for f := range facts {
		if f.s == "Amazon EC2" && f.line == 3 {
			t.Errorf("the flow phrase credited to the section's entity: %v", f)
		}
	}
	if want := (fact{"AWS Personal Health Dashboard", "notifies", "Amazon EventBridge", 3}); !facts[want] {
		t.Errorf("no fact %v in %v", want, facts)
	}
	section := false
	for f := range facts {
		section = section || f.s == "Amazon EC2" && f.line == 4
	}
	if !section {
		t.Errorf("a verbless phrase with no flow lost the section's subject: %v", facts)
	}
}

// TestQuestionHeadsItsAnswers: a question right above a list ("Q: what
// does an SCP do?") is answered by its items, its label no word of it; an
// item that opens with a negated verb ("do NOT affect ...") is the
// question's subject speaking, and the short noun phrase after the verb is
// its object.
func TestQuestionHeadsItsAnswers(t *testing.T) {
	src := strings.Join([]string{
		"INTERVIEW PREP",          // 1
		"",                        // 2
		"Q: what does an SCP do?", // 3
		" - do NOT affect the management account", // 4
		" - do NOT affect service-linked roles",   // 5
		"",                                        // 6
		"Q: SCP limits?",                          // 7
		" - max policy size 5,120 characters",     // 8
		"",                                        // 9
		"CloudFormation notes",                    // 10
		"- Termination protection: can enable termination protection on a stack", // 11
	}, "\n")
	g, names := extractNote(t, "prep.txt", src)
	set := factSet(g, names)
	for _, want := range []fact{
		{"Service Control Policies", "rel:not affect", "management account", 4},
		{"Service Control Policies", "rel:not affect", "service-linked roles", 5},
	} {
		if !set[want] {
			t.Errorf("no fact %v in %v", want, set)
		}
	}
	for f := range set {
		if strings.HasPrefix(f.p, "rel:q ") {
			t.Errorf("a question's label read as a word of its relation: %+v", f)
		}
	}
}

// TestBareObjectNeedsAnAuxiliary: the noun phrase after a verb is the
// verb's object only when an auxiliary or a negation shows the verb is
// one ("can enable termination protection"); "Cookbooks define recipes"
// opens with a noun, a longer tail is no object, and neither is the verb
// of an infinitive after a participle ("designed to handle failover").
func TestBareObjectNeedsAnAuxiliary(t *testing.T) {
	src := "# AWS CloudFormation\n\n" +
		"- Can enable termination protection\n" + // 3
		"- Cannot deal with non-AWS resources\n" + // 4
		"- Cookbooks define recipes\n" + // 5
		"- Can be slow when the stack holds many nested stacks and custom resources\n" + // 6
		"- Are designed to handle failover\n" // 7
	g, names := extractNote(t, "cfn.md", src)
	set := factSet(g, names)
	if !set[fact{"AWS CloudFormation", "rel:can enable", "termination protection", 3}] {
		t.Errorf("no object after an auxiliary's verb: %v", set)
	}
	if !set[fact{"AWS CloudFormation", "rel:not deal with", "non-AWS resources", 4}] {
		t.Errorf("no object after a verb's preposition: %v", set)
	}
	for f := range set {
		if f.line == 5 || f.line == 6 || f.line == 7 {
			t.Errorf("a fact of no auxiliary's verb, of a long tail or of an infinitive: %+v", f)
		}
	}
}

// TestBareObjectQualifiedByItsService: a bare object that is a part of the
// headings' service by its short name ("Global Table" under DynamoDB) is
// that known part, not a concept of its own.
func TestBareObjectQualifiedByItsService(t *testing.T) {
	src := "# Amazon DynamoDB\n\n## Streams\n\n" +
		"- Can enable Global Table\n" // 5
	g, names := extractNote(t, "ddb.md", src)
	set := factSet(g, names)
	found := false
	for f := range set {
		if f.line == 5 && f.p == "rel:can enable" {
			found = true
			if f.o != "DynamoDB Global Tables" {
				t.Errorf("the object is a concept of its own: %+v", f)
			}
		}
	}
	if !found {
		t.Errorf("no fact of line 5: %v", set)
	}
}

// TestNamesInALabelledList: names inside the list a label heads ("Shared
// accounts it creates: management account, ...") are the list's items,
// the section's subject's; a verbless "such as" list that defines the item
// before it is no fact of the section's subject.
func TestNamesInALabelledList(t *testing.T) {
	src := "# AWS Control Tower\n\n" +
		"Sets up a landing zone on top of Organizations. Shared accounts it creates: management account, Log Archive account, Audit account.\n\n" + // 3
		"# AWS CodeDeploy\n\n" +
		"- Revision\n" + // 7
		"- Specific version of deployable content, such as source code, web pages and deployment scripts, along with an AppSpec file\n" // 8
	g, names := extractNote(t, "ct.md", src)
	set := factSet(g, names)
	for _, obj := range []string{"management account", "Log Archive account", "Audit account"} {
		found := false
		for f := range set {
			if f.s == "AWS Control Tower" && f.o == obj && f.line == 3 {
				found = true
			}
		}
		if !found {
			t.Errorf("no fact of AWS Control Tower and %q: %v", obj, set)
		}
	}
	for f := range set {
		if f.s == "AWS CodeDeploy" && f.line == 8 {
			t.Errorf("a definition's list read as the section subject's: %+v", f)
		}
	}
}

// TestItemNamedBeforeAColumnGap: an item whose name and gloss a run of
// spaces lines up in columns ("aws:approve      pause until a human
// approves") is named before the gap; a gap before an arrow pairs the two
// ("1 min     -> 15 days") and names nothing.
func TestItemNamedBeforeAColumnGap(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"aws:approve              pause until a human approves (SNS ping)", "aws:approve"},
		{"aws:executeScript        run Python / PowerShell inline", "aws:executeScript"},
		{"Pilot light          - core pieces replicated", "Pilot light"},
	} {
		if got := openItemName(tc.in, nil); got != tc.want {
			t.Errorf("openItemName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := openItemName("1 min     -> 15 days", nil); got == "1 min" {
		t.Errorf("a gap before an arrow read as the name's end: %q", got)
	}
}

// TestSentenceOpensWithTheItemBefore: in a flattened list whose items
// alternate a name and its description ("- Multivalue Answer Routing" /
// "- Multivalue answer routing lets you configure ..."), the description
// is about the item right before it; a sentence that opens with a name
// an earlier item had is not.
func TestSentenceOpensWithTheItemBefore(t *testing.T) {
	src := "↖↑↓ Route53 Routing Policies\n" + // 1
		"- Simple\n" + // 2
		"- Default policy, typically used if only a single resource performs functionality\n" + // 3
		"- Multivalue Answer Routing\n" + // 4
		"- Multivalue answer routing lets you configure Amazon Route 53 to return multiple values\n" + // 5
		"- Simple routing lets you route traffic to a single resource\n" // 6
	doc, err := Parse("r53.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	g := Extract(doc, dict)
	subjects := map[int]string{}
	for _, st := range g.Statements {
		if _, line, ok := strings.Cut(st.Source, ":"); ok {
			n := 0
			fmt.Sscan(line, &n)
			subjects[n] = st.Subject
		}
	}
	if want := "concept:multivalue-answer-routing"; !strings.HasSuffix(subjects[5], ":multivalue-answer-routing") {
		t.Errorf("line 5 is about %q, want %s", subjects[5], want)
	}
	if strings.HasSuffix(subjects[6], ":simple") {
		t.Errorf("line 6 is about the item four lines above: %q", subjects[6])
	}
}

// TestSplitOutsideParens: a split at the given bytes leaves what
// parentheses hold whole.
func TestSplitOutsideParens(t *testing.T) {
	for _, tc := range []struct {
		s, seps string
		want    []string
	}{
		{"a (b, c), d", ",", []string{"a (b, c)", " d"}},
		{"1) KMS key (CMK); 2) bucket policy", ",;", []string{"1) KMS key (CMK)", " 2) bucket policy"}},
		{"x/y+z", "/+", []string{"x", "y", "z"}},
		{"no separator", ",", []string{"no separator"}},
		// fixed bugs
		{"unbalanced ) , ok", ",", []string{"unbalanced ) ", " ok"}},
	} {
		if got := SplitOutsideParens(tc.s, tc.seps); !slices.Equal(got, tc.want) {
			t.Errorf("SplitOutsideParens(%q, %q) = %q, want %q", tc.s, tc.seps, got, tc.want)
		}
	}
}

// TestPronounItemsOfOwner: "It is fully managed" under "Benefits of
// CodeBuild" is an item of the heading's subject (the pronoun stands for
// it, its complement is the item), and "of" names the items' owner, not
// the object of the heading's relation.
func TestPronounItemsOfOwner(t *testing.T) {
	src := "Benefits of CodeBuild\n" + // 1
		"  • It is fully managed\n" + // 2
		"    • You do not have to set up any build servers.\n" + // 3
		"  • It is on-demand\n" + // 4
		"  • It is preconfigured\n" // 5
	g, names := extractNote(t, "000_cb.txt", src)
	set := factSet(g, names)
	for _, w := range []fact{
		{"AWS CodeBuild", "rel:benefit", "fully managed", 2},
		{"AWS CodeBuild", "rel:benefit", "on-demand", 4},
		{"AWS CodeBuild", "rel:benefit", "preconfigured", 5},
	} {
		if !set[w] {
			t.Errorf("no %+v in %v", w, set)
		}
	}
	for f := range set {
		if f.o == "AWS CodeBuild" {
			t.Errorf("the owner read as the object: %+v", f)
		}
	}
}

// TestPurposeClauseNamesNoObject: the names of a sentence's purpose clause
// ("so that traffic can be logged to CloudWatch Logs") are no objects of
// its verb.
func TestPurposeClauseNamesNoObject(t *testing.T) {
	src := "# Networking\n\n" +
		"* VPC Flow Logs is a feature that can be enabled on a VPC, subnet or Elastic Network Interface (ENI) so that network traffic can be logged to CloudWatch Logs.\n" // 3
	g, names := extractNote(t, "net.md", src)
	set := factSet(g, names)
	if !set[fact{"VPC Flow Logs", "rel:can be enabled", "subnet", 3}] {
		t.Errorf("no object of the verb: %v", set)
	}
	for f := range set {
		if f.o == "Amazon CloudWatch Logs" {
			t.Errorf("the purpose clause's name read as an object: %+v", f)
		}
	}
}

// TestRequirementKeyNoCapability: "ECS blue/green needs: ALB or NLB, two
// target groups" lists what the strategy requires; the things listed do
// not support it.
func TestRequirementKeyNoCapability(t *testing.T) {
	src := "# ECS\n\n" +
		"- ECS blue/green via CodeDeploy needs: ALB or NLB, two target groups, a production listener\n" // 3
	g, names := extractNote(t, "ecs.md", src)
	for f := range factSet(g, names) {
		if f.p == graph.PredSupports && f.s != "Amazon ECS" {
			t.Errorf("a required thing read as supporting the strategy: %+v", f)
		}
	}
}

// TestPassiveRelation: "can be enabled on a VPC" keeps its passive in the
// relation ("can be enabled"): "can enable" would say the subject does
// what is done to it.
func TestPassiveRelation(t *testing.T) {
	src := "# Networking\n\n" +
		"* VPC Flow Logs can be enabled on a VPC, subnet or Elastic Network Interface.\n" + // 3
		"* CodeDeploy deployments can be monitored using Amazon CloudWatch Events.\n" // 4
	g, names := extractNote(t, "net.md", src)
	set := factSet(g, names)
	if !set[fact{"VPC Flow Logs", "rel:can be enabled", "subnet", 3}] {
		t.Errorf("no passive relation: %v", set)
	}
	for f := range set {
		if strings.HasSuffix(f.p, "can enable") || strings.HasSuffix(f.p, "can monitor") {
			t.Errorf("a passive read as active: %+v", f)
		}
	}
}

// TestNotifyWithinItsClause: a notification cue notifies only what its own
// coordinate clause names: "integrated with CloudWatch events to ... send
// triggers ..., and include integrations for ECR and ECS" notifies
// neither ECR nor ECS; a list's ", and EventBridge" stays in the list.
func TestNotifyWithinItsClause(t *testing.T) {
	src := "# CodePipeline\n\n" +
		"CodePipeline can be integrated with CloudWatch events to receive and send triggers with other processes, and include integrations for ECR and ECS, S3 static websites and EC2 hosting.\n\n" + // 3
		"S3 event notifications go to SNS, SQS, Lambda, and EventBridge.\n" // 5
	g, names := extractNote(t, "cp.md", src)
	set := factSet(g, names)
	for f := range set {
		if f.p == graph.PredNotifies && f.line == 3 && (f.o == "Amazon ECS" || f.o == "Amazon ECR" || f.o == "Amazon EC2") {
			t.Errorf("a name of another clause notified: %+v", f)
		}
	}
	if !set[fact{"Amazon S3", graph.PredNotifies, "Amazon EventBridge", 5}] {
		t.Errorf("the list's last item lost: %v", set)
	}
}

// TestTerseListAfterKnownNames: "Source code from CodeCommit, S3, GitHub,
// Bitbucket" lists four sources though no "and" joins the last, which the
// dictionary does not know: three known names run before it to the end
// of the sentence. Two known names and an unknown one are no such list.
func TestTerseListAfterKnownNames(t *testing.T) {
	src := "# AWS CodeBuild\n\n" +
		"- Source code from CodeCommit, S3, GitHub, Bitbucket\n" + // 3
		"- Source code from CodeCommit, Gitea\n" // 4
	g, names := extractNote(t, "cb.md", src)
	set := factSet(g, names)
	if !set[fact{"AWS CodeBuild", "rel:source code from", "Bitbucket", 3}] {
		t.Errorf("the list's last, unknown item lost: %v", set)
	}
	for f := range set {
		if f.o == "Gitea" {
			t.Errorf("an unknown name after one known name read as a list item: %+v", f)
		}
	}
}

// TestQuestionStatesNothing: a sentence that asks ("Does EC2 publish
// memory utilization to CloudWatch by default?", a flashcard's question or
// a line of prose) states no fact; the answer after it does.
func TestQuestionStatesNothing(t *testing.T) {
	tests := []struct {
		file, src string
		asks      []int // the lines that ask
	}{
		{"cards.yaml", "- q: Does EC2 publish memory utilization to CloudWatch by default?\n" + // 1
			"  a: No. The CloudWatch agent sends memory metrics to CloudWatch.\n" + // 2
			"- q: Can CloudWatch Logs export log data to S3 directly?\n" + // 3
			"  a: Yes, with an export task.\n", []int{1, 3}},
		{"drill.txt", "Monitoring drill\n\n" +
			"Why does EC2 send memory metrics to CloudWatch?\n" + // 3
			"Can CloudWatch Logs export log data to S3 directly? Yes.\n", []int{3, 4}}, // 4
	}
	for _, tt := range tests {
		g, names := extractNote(t, tt.file, tt.src)
		set := factSet(g, names)
		if tt.file == "cards.yaml" && !set[fact{"Unified CloudWatch Agent", graph.PredDelivers, "Amazon CloudWatch", 2}] {
			t.Errorf("the answer states no fact: %v", set)
		}
		for f := range set {
			if slices.Contains(tt.asks, f.line) {
				t.Errorf("%s: a question read as a fact: %+v", tt.file, f)
			}
		}
	}
}

// TestOneTokenNamesNoRelation: a list item that is one token
// ("/var/log/docker") names one thing; the words inside it ("var", "log")
// are no relation of a name it holds ("Docker").
func TestOneTokenNamesNoRelation(t *testing.T) {
	src := "# Containers on EC2\n\n" +
		"Amazon ECS instances ship these log groups:\n\n" +
		"* `/var/log/docker`\n" + // 5
		"* `/var/log/ecs/ecs-agent.log`\n"
	g, names := extractNote(t, "ecs.md", src)
	for f := range factSet(g, names) {
		if f.line == 5 && f.o == "Docker" {
			t.Errorf("a word inside a token read as a relation: %+v", f)
		}
	}
}

// TestDescriptionColumnNamesNoRelation: a table column headed by a
// description label ("Details", "Comment") describes its row's key; its
// header is no relation and its cells no objects, where the other columns'
// headers are ("RTO").
func TestDescriptionColumnNamesNoRelation(t *testing.T) {
	src := "# DR strategies\n\n" +
		"| Strategy | RTO | Comment |\n" +
		"| --- | --- | --- |\n" +
		"| Backup & Restore | hours | Regular backups |\n" + // 5
		"| Pilot Light | tens of minutes | Core services always on |\n"
	g, names := extractNote(t, "dr.md", src)
	set := factSet(g, names)
	if !set[fact{"Backup & Restore", "rel:rto", "hours", 5}] {
		t.Errorf("no relation of the RTO column: %v", set)
	}
	for f := range set {
		if strings.Contains(f.p, "comment") {
			t.Errorf("a description column read as a relation: %+v", f)
		}
	}
}

// TestListSceneCitedWithItems: a list head that names a thing besides the
// list's subject ("In case we have Elastic Load Balancing, ... additional
// hooks:") is the condition its items hold under; the typed facts of its
// items cite it as the open relations do ("head — item"). A head that names
// only the subject adds nothing to the items' own words.
func TestListSceneCitedWithItems(t *testing.T) {
	src := "# AWS CodeDeploy\n\n" +
		"- Lifecycle hooks:\n" + // 3
		"    - ApplicationStop\n" + // 4
		"    - ValidateService\n" + // 5
		"- In case we have Elastic Load Balancing, we can have the following additional hooks:\n" + // 6
		"    - BlockTraffic (cannot run scripts)\n" // 7
	g, names := extractNote(t, "cd.md", src)
	details := map[string]string{}
	for _, f := range g.Facts {
		if f.Predicate == graph.PredEvent && names[f.Subject] == "AWS CodeDeploy" {
			details[names[f.Object]] = f.Detail
		}
	}
	if d := details["BlockTraffic"]; d != "In case we have Elastic Load Balancing, we can have the following additional hooks — BlockTraffic (cannot run scripts)" {
		t.Errorf("BlockTraffic's detail %q; want the head's scene before the item", d)
	}
	if d := details["ApplicationStop"]; d != "ApplicationStop" {
		t.Errorf("ApplicationStop's detail %q; want the item alone", d)
	}
}

// TestItemsThatAreSentences: an item that opens with its head's own
// subject and that subject's verb ("ASG responds to scale-out events") is
// a sentence, not a thing the head lists; a head that is a leading
// subordinate clause and nothing more ("After lifecycle hooks are added to
// the instance:") says when its items hold and relates none of them.
func TestItemsThatAreSentences(t *testing.T) {
	src := "# Amazon EC2 Auto Scaling\n\n" +
		"- After lifecycle hooks are added to the instance:\n" + // 3
		"    - ASG responds to scale-out events\n" + // 4
		"    - Amazon EventBridge target invokes a Lambda function\n" + // 5
		"- Termination policies:\n" + // 6
		"    - OldestInstance\n" // 7
	g, names := extractNote(t, "asg.md", src)
	for _, f := range g.Facts {
		p := f.Predicate
		if strings.Contains(p, "after") || strings.Contains(names[f.Object], "responds") {
			t.Errorf("a condition or a sentence read as an item: %s %s %s", names[f.Subject], p, names[f.Object])
		}
	}
	facts := factSet(g, names)
	found := map[string]bool{}
	for f := range facts {
		if f.s == "Amazon EC2 Auto Scaling" && f.line >= 7 {
			found[f.o] = true
		}
	}
	if !found["OldestInstance"] {
		t.Errorf("the termination policy lost: %v", facts)
	}
}

// TestListPointerNamesNoRelation: a word that only points at the list
// ("the following additional hooks", "the targets below") is no word of
// the relation the list's head makes.
func TestListPointerNamesNoRelation(t *testing.T) {
	c := buildOneNote(t, "n.md", "# CodeDeploy\n\n- With a load balancer we can have the following additional hooks:\n    - BeforeBlockTraffic\n    - AfterBlockTraffic\n\n# EventBridge\n\n- Rules can be set up with the following targets: Lambda, SQS and SNS\n")
	n := 0
	for _, f := range c.Facts {
		if strings.HasPrefix(f.Predicate, "rel:") {
			n++
			if strings.Contains(f.Predicate, "follow") {
				t.Errorf("relation %q of %s keeps the pointer word", f.Predicate, f.Object)
			}
		}
	}
	if n == 0 {
		t.Error("no open relation read")
	}
}

// TestLogsAgentIsNoCloudWatchLogs: "CloudWatch Logs Agent" (and "CloudWatch
// log agent") names the agent that ships logs, a thing of its own, not the
// service it ships them to.
func TestLogsAgentIsNoCloudWatchLogs(t *testing.T) {
	c := buildOneNote(t, "n.md", "# Logging\n\nEC2 instances can ship logging information using the CloudWatch Logs Agent and tools such as Logstash.\n\n- To send the CodeDeploy logs to CloudWatch, install the CloudWatch log agent on the machines\n")
	agent := false
	for _, f := range c.Facts {
		if f.Object == "feature:amazon-cloudwatch-logs-agent" || f.Subject == "feature:amazon-cloudwatch-logs-agent" {
			agent = true
		}
		if f.Subject == "concept:amazon-ec2-instances" && f.Object == "service:amazon-cloudwatch-logs" {
			t.Errorf("the agent read as CloudWatch Logs: %+v", f)
		}
	}
	if !agent {
		t.Errorf("no fact names the CloudWatch Logs agent: %+v", c.Facts)
	}
}
