// Package graph holds the knowledge graph: the ontology (node kinds and
// predicates), the Store interface and its Cayley implementation, subgraph
// selection and rendering.
//
// # Ontology
//
// Every node is an IRI "<kind>:<slug>", e.g. "service:amazon-s3" or
// "capability:cross-account" (Slug says which names share a slug), and
// carries two literal properties:
//
//	<name>  its display name ("Amazon S3")
//	<kind>  its NodeKind ("service")
//
// Every relation is one quad (subject, predicate, object, label) whose label is
// the note line it came from ("data/notes/002_653d9272087ba1e1.txt:745"). A fact
// stated in several notes is stored once per source. A relation with a detail
// (the note's own words about it, e.g. "Aggregators: multi region as well as
// multi account") is reified on a fact node "fact:<hash>" with the properties
// <subject>, <predicate>, <object> and <detail>, labelled with the same source.
//
// Predicates are typed (the Pred* constants below) or open: "rel:<phrase>",
// the note's own verb phrase, lemmatised ("rel:endpoint type" from a list of
// endpoint types under API Gateway; "rel:not deploy to" from "cannot deploy
// to"), see OpenRelation. Values are nodes of kind "value" named as written
// ("35 days", "1 MB/s").
//
// Statements (every sentence, list item, table row and heading of a note,
// with its section, subject and the entities it names) are not quads: they
// travel with an ingest and an Index, for the questions that no relation
// answers.
//
// Reification stays in every Cayley store: it is how Gizmo, GraphQL and MQL
// read a detail or a position, and how an export gives them back. It costs
// about four quads per fact (720,000 of the 904,000 quads of 20x the
// notes), which questions no longer pay: the question engine reads an Index
// (index.go), which holds details and positions as columns, never the
// quads.
package graph

import "strings"

// NodeKind is the kind of a node.
type NodeKind string

// Node kinds.
const (
	KindService    NodeKind = "service"    // an AWS (or third-party) service: "AWS CodeDeploy"
	KindFeature    NodeKind = "feature"    // a named part of a service: "DynamoDB Global Tables", "cfn-init", "Run Command"
	KindCapability NodeKind = "capability" // a property services share: cross-account, multi-region, multi-AZ, auto-healing
	KindStrategy   NodeKind = "strategy"   // a deployment strategy or configuration: "Blue/Green", "Canary", "Rolling"
	KindDR         NodeKind = "dr"         // a disaster recovery strategy: "Pilot Light"
	KindLevel      NodeKind = "level"      // an ordered level of a DR metric: RPO "High", cost "$$"
	KindComponent  NodeKind = "component"  // a hop of a data path that is not a service: "subscription filter", "metric filter"
	KindEvent      NodeKind = "event"      // a lifecycle event or hook: "Setup", "BeforeInstall"
	KindLog        NodeKind = "log"        // an AWS-managed log: "VPC Flow Logs"
	KindPath       NodeKind = "path"       // a data or notification path written as an arrow chain
	KindConcept    NodeKind = "concept"    // anything else a relation needs: a region, a target kind, a platform, a list item
	KindValue      NodeKind = "value"      // a quantity as written: "35 days", "1 MB/s", "(1d - 35d)"; see Quantity
)

// Predicates. Direction is subject → object.
const (
	PredName       = "name"             // node → display name (literal)
	PredKind       = "kind"             // node → NodeKind (literal)
	PredAlias      = "alias"            // node → an alias from the dictionary (literal)
	PredSupports   = "supports"         // service|feature → capability|strategy: "DynamoDB supports multi-region"
	PredFeature    = "feature"          // service → feature: "CloudFormation feature StackSets"
	PredProvides   = "provides"         // feature → capability: "StackSets provides cross-account"
	PredNotifies   = "notifies"         // service|feature → service|component it notifies: "CodeCommit notifies Amazon SNS"
	PredNoNotify   = "noNotify"         // service → channel it does not notify (a "-" cell of a notifications table)
	PredTargets    = "targets"          // service|feature → target it can invoke: "EventBridge targets AWS Lambda"
	PredDelivers   = "deliversTo"       // service|feature|log → destination: "VPC Flow Logs deliversTo CloudWatch Logs"
	PredFlowsTo    = "flowsTo"          // one hop of a path → the next hop: "CloudWatch Logs flowsTo subscription filter"
	PredHop        = "hop"              // path → hop node (reified with <position>)
	PredConfig     = "deploymentConfig" // service|platform → strategy: "CodeDeploy Lambda deploymentConfig Canary"
	PredDeployType = "deploymentType"   // service → strategy a note lists among its deployment types
	PredEvent      = "lifecycleEvent"   // service|feature → event, in order via fact <position>
	PredHelper     = "helperScript"     // service → feature that is a helper script: "CloudFormation helperScript cfn-init"
	PredAggregate  = "aggregates"       // service → service whose findings it aggregates: "Security Hub aggregates GuardDuty"
	PredRank       = "rank"             // "rank:<column>": dr|strategy → level of an ordered column ("rank:rto" → "RTO Low"); Position = the level's rank, 1 = lowest
	PredOnlyIn     = "onlyIn"           // service|feature → region it exists only in: "Billing alarms onlyIn us-east-1"
	PredIsA        = "isA"              // node → broader node: "Multi-AZ (manual) isA Multi-AZ"
	PredPartOf     = "partOf"           // node → node it belongs to: "subscription filter partOf CloudWatch Logs"
	PredWarns      = "warnsAbout"       // service → concept it warns about: "Macie warnsAbout SSH private key uploaded to S3"
	PredDoes       = "does"             // service → concept it does: "GuardDuty does Scans accounts and workloads"
	PredLimit      = "limit"            // service → a limit or quota it has (detail: the value)
	PredSameRegion = "sameRegion"       // service|feature → what must be in the same region as it
	PredProperty   = "property"         // "property:<name>": service → a value, e.g. "property:data-retention" → "data retention 1 d (default)"; Position = hours
	PredIntegrates = "integratesWith"   // service → service it integrates with, in prose ("Integrates with CloudWatch Events")

	// PredRel starts an open relation, "rel:<phrase>": the note's own verb
	// phrase, lemmatised with particles kept ("rel:analyze", "rel:send event
	// to", "rel:endpoint type"). Its polarity is the phrase's first word:
	// "rel:not support" (negated, "cannot", "without"), "rel:only support".
	// See OpenRelation and ParseRelation.
	PredRel = "rel:"

	// Reification of a fact that carries a detail or a position.
	PredFactSubject   = "subject"
	PredFactPredicate = "predicate"
	PredFactObject    = "object"
	PredFactDetail    = "detail"
	PredFactPosition  = "position"
)

// Polarity is how an open relation holds: stated, denied or exclusive.
type Polarity int

// Polarities.
const (
	Positive  Polarity = iota // "X analyzes Y"
	Negative                  // "X cannot analyze Y", "X without Y"
	Exclusive                 // "only X analyzes Y", "X analyzes only Y"
)

// OpenRelation returns the predicate of an open relation: "rel:" plus the
// phrase, prefixed "not " or "only " by polarity. The phrase is used as
// given (ingest normalises it); "" gives "".
func OpenRelation(phrase string, pol Polarity) string {
	if phrase == "" {
		return ""
	}
	switch pol {
	case Negative:
		phrase = "not " + phrase
	case Exclusive:
		phrase = "only " + phrase
	}
	return PredRel + phrase
}

// StepWord marks an open relation whose objects are the steps of a
// procedure: ingest appends it to the phrase ("send notification step"),
// and queries read it as the kind of answer, not as what the steps are
// about.
const StepWord = "step"

// CutStep returns an open relation's phrase without its step mark, and
// whether it had one ("send notification step" → "send notification").
func CutStep(phrase string) (string, bool) {
	return strings.CutSuffix(phrase, " "+StepWord)
}

// ParseRelation splits an open relation predicate into its phrase and
// polarity; ok is false for typed predicates.
func ParseRelation(pred string) (phrase string, pol Polarity, ok bool) {
	phrase, ok = strings.CutPrefix(pred, PredRel)
	if !ok {
		return "", Positive, false
	}
	if rest, cut := strings.CutPrefix(phrase, "not "); cut {
		return rest, Negative, true
	}
	if rest, cut := strings.CutPrefix(phrase, "only "); cut {
		return rest, Exclusive, true
	}
	return phrase, Positive, true
}
