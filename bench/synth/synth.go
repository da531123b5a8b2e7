// Package synth generates synthetic AWS DevOps study notes for scale
// benchmarks: a corpus n times the size of the embedded notes, as many notes
// in the four formats awskg reads (Markdown, wiki text export, blog post of
// terse bullets, 002-style PDF extraction with one table cell per line).
//
// The notes are made of the structures the real notes have — headings,
// prose, nested and numbered lists, code, capability sentences ("X can
// deliver logs across multiple AWS accounts"), capability and notification
// tables, arrow chains, lifecycle lists — naming real services of the
// dictionary (by name or alias) and invented ones written "AWS Xyz" /
// "Amazon Xyz", so that ingest does the work it does on real notes.
//
// Output depends only on n and the seed (for one Go release: the generator
// is math/rand/v2's PCG).
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// The formats of the generated notes, as ingest.DetectFormat reports them.
var Formats = []string{ingest.FormatMarkdown, ingest.FormatWiki, ingest.FormatBlog, ingest.FormatPDF}

// EmbeddedBytes returns the size of the embedded notes, the 1× unit.
func EmbeddedBytes() (int, error) {
	src, err := ingest.Embedded()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, s := range src {
		n += len(s.Data)
	}
	return n, nil
}

// Size sums the bytes of sources.
func Size(src []ingest.Source) int {
	n := 0
	for _, s := range src {
		n += len(s.Data)
	}
	return n
}

// FormatOf returns the format a generated note was written in, read from
// its name ("synth/0007-pdf.txt" => "pdf"), or "" for another name.
func FormatOf(name string) string {
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	if i := strings.LastIndexByte(base, '-'); i >= 0 {
		for _, f := range Formats {
			if base[i+1:] == f {
				return f
			}
		}
	}
	return ""
}

// Generate returns a corpus of about n times the embedded notes' size
// (within one note's size, a few KB over at most) for the seed. Notes are
// named "synth/NNNN-FORMAT.md|txt". It panics when the embedded notes or the
// dictionary cannot be read, which only a broken build does.
func Generate(n int, seed int64) []ingest.Source {
	unit, err := EmbeddedBytes()
	if err != nil {
		panic(err)
	}
	return GenerateBytes(n*unit, seed)
}

// GenerateBytes is Generate for a total size in bytes.
func GenerateBytes(total int, seed int64) []ingest.Source {
	g := newGen(seed, total)
	var out []ingest.Source
	done := 0
	for i := 0; done < total; i++ {
		// Note sizes follow the real notes: mostly 6-40 KB, now and then
		// one large extraction.
		size := 6<<10 + g.r.IntN(34<<10)
		if g.r.IntN(10) == 0 {
			size = 80<<10 + g.r.IntN(90<<10)
		}
		if rest := total - done; size > rest {
			size = rest
		}
		// The first notes take each format in turn, so that even a small
		// corpus has all four; then the formats mix at random.
		format := Formats[i%len(Formats)]
		if i >= len(Formats) {
			format = Formats[g.pick([]int{25, 20, 20, 35})]
		}
		var body string
		switch format {
		case ingest.FormatMarkdown:
			body = g.markdown(size)
		case ingest.FormatWiki:
			body = g.wiki(size)
		case ingest.FormatBlog:
			body = g.blog(size)
		default:
			body = g.pdf(size)
		}
		ext := ".txt"
		if format == ingest.FormatMarkdown {
			ext = ".md"
		}
		out = append(out, ingest.Source{Name: fmt.Sprintf("synth/%04d-%s%s", i, format, ext), Data: []byte(body)})
		done += len(body)
	}
	return out
}

// Bullets returns one Markdown note of n bullets, "* AWS CodeDeploy item
// I supports canary deployment" for I = 1..n: each line states one fact, so
// the memory a run takes over n is its memory per fact.
func Bullets(n int) ingest.Source {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "* AWS CodeDeploy item %d supports canary deployment\n", i)
	}
	return ingest.Source{Name: fmt.Sprintf("bullets-%d.md", n), Data: []byte(b.String())}
}

// Write writes sources into dir (created if needed), each under the base
// name of its Source.Name.
func Write(dir string, src []ingest.Source) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, s := range src {
		if err := os.WriteFile(filepath.Join(dir, path.Base(s.Name)), s.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// svc is a service the generator names: its full name and the shorter
// forms notes use for it.
type svc struct {
	name     string
	aliases  []string // may be empty
	invented bool
}

type gen struct {
	r        *rand.Rand
	real     []svc
	invented []svc
	features []string
}

func newGen(seed int64, total int) *gen {
	g := &gen{r: rand.New(rand.NewPCG(uint64(seed), 0x5eed_a75c_0ffe_e000))}
	dict, err := ingest.LoadDictionary()
	if err != nil {
		panic(err)
	}
	for _, n := range dict.Nodes() {
		switch n.Kind {
		case graph.KindService:
			g.real = append(g.real, svc{name: n.Name, aliases: n.Aliases})
		case graph.KindFeature:
			g.features = append(g.features, n.Name)
		}
	}
	// Invented services: more notes name more of them, as real notes do.
	want := 24 + total/(12<<10)
	seen := map[string]bool{}
	for len(g.invented) < want {
		name := g.inventName()
		if seen[name] {
			continue
		}
		seen[name] = true
		g.invented = append(g.invented, svc{name: name, invented: true})
	}
	sort.Slice(g.invented, func(i, j int) bool { return g.invented[i].name < g.invented[j].name })
	return g
}

var (
	syllables = []string{"qor", "vex", "tel", "lur", "ra", "mon", "zen", "ith", "kal", "ora", "bri", "sta", "nov", "ex", "par", "den", "lyn", "cor", "tis", "ven", "dra", "lo", "mir", "quo", "san", "thi", "ul", "vo", "wen", "xa"}
	nouns     = []string{"", "", "", " Stream", " Hub", " Vault", " Insights", " Relay", " Forge", " Mesh", " Guard", " Pipeline", " Catalog", " Ledger", " Beacon", " Fleet", " Lens", " Shield"}
)

func (g *gen) inventName() string {
	k := 2 + g.r.IntN(2)
	var b strings.Builder
	for i := 0; i < k; i++ {
		b.WriteString(syllables[g.r.IntN(len(syllables))])
	}
	w := b.String()
	w = strings.ToUpper(w[:1]) + w[1:]
	prefix := "AWS "
	if g.r.IntN(2) == 0 {
		prefix = "Amazon "
	}
	return prefix + w + nouns[g.r.IntN(len(nouns))]
}

// pick returns an index drawn with the given weights.
func (g *gen) pick(weights []int) int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	x := g.r.IntN(sum)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

func (g *gen) one(list []string) string { return list[g.r.IntN(len(list))] }

// service returns a service: two in three real, one in three invented.
func (g *gen) service() svc {
	if g.r.IntN(3) == 0 {
		return g.invented[g.r.IntN(len(g.invented))]
	}
	return g.real[g.r.IntN(len(g.real))]
}

// full names a service by its full name.
func (g *gen) full() string { return g.service().name }

// short names a service the way terse notes do: an alias (lower-cased one
// time in two) when it has one, else its name without "AWS "/"Amazon ".
func (g *gen) short() string {
	s := g.service()
	if len(s.aliases) > 0 && g.r.IntN(3) > 0 {
		a := s.aliases[g.r.IntN(len(s.aliases))]
		if g.r.IntN(2) == 0 {
			a = strings.ToLower(a)
		}
		return a
	}
	if s.invented && g.r.IntN(2) == 0 {
		return s.name
	}
	n := strings.TrimPrefix(strings.TrimPrefix(s.name, "AWS "), "Amazon ")
	if g.r.IntN(2) == 0 {
		n = strings.ToLower(n)
	}
	return n
}

func (g *gen) feature() string { return g.one(g.features) }

var (
	topics = []string{
		"SDLC Automation", "Configuration Management and Infrastructure as Code", "Monitoring and Logging",
		"Policies and Standards Automation", "Incident and Event Response", "High Availability, Fault Tolerance, and Disaster Recovery",
		"Deployment", "Data analysis / Loggings", "Backup & Restore", "Security Automation & Compliance", "Multi Account", "Networking",
	}
	titles = []string{
		"AWS Certified DevOps Engineer - Professional", "DevOps Engineer Professional", "DOP-C02 study notes",
		"AWS DevOps cheat sheet", "Notes for the DevOps Pro exam", "Operations notes",
	}
	capSentences = []string{
		"%s can deliver logs across multiple AWS accounts.",
		"%s supports cross-account access through resource-based policies.",
		"%s can share resources across accounts with AWS Organizations.",
		"%s is implicitly multi-AZ: data is stored redundantly across Availability Zones.",
		"Multi-AZ for %s needs to be enabled manually.",
		"%s can replicate data across multiple regions.",
		"%s supports multi-region deployments with StackSets.",
		"%s supports blue/green deployments and canary releases.",
		"%s supports rolling deployments with a minimum healthy percentage.",
		"%s provides auto-healing by replacing unhealthy instances.",
		"%s does not support cross-region replication.",
		"%s is only available in us-east-1.",
		"The default retention of %s is 24 hours (max 7 days).",
	}
	pairSentences = []string{
		"%s publishes events to %s.",
		"%s sends notifications to %s natively.",
		"%s integrates with %s to run automated remediation.",
		"%s can stream data to %s for analysis.",
		"%s aggregates findings from %s.",
		"%s can be triggered by %s.",
		"Use %s to export logs to %s.",
		"%s targets %s when a rule matches.",
	}
	fillers = []string{
		"This matters for the exam because several answers look alike.",
		"Remember the difference between the managed and the self-managed option.",
		"Pricing is per request, so the cost grows with the traffic.",
		"The console shows the same settings as the API.",
		"Most questions ask for the option with the least operational overhead.",
		"It is a regional service, and quotas apply per account.",
		"Permissions are granted with IAM policies attached to roles.",
		"Read the question twice: the keyword usually decides between two answers.",
		"A common trap is to pick the option that needs custom code.",
	}
	hopWords   = []string{"logs", "subscription filter", "kinesis firehose", "kinesis stream", "s3", "athena", "lambda", "es", "sns", "sqs", "cloudwatch events", "eventbridge", "ssm automation", "dynamodb", "redshift", "quicksight", "glue"}
	lifecycles = [][]string{
		{"Setup", "Configure", "Deploy", "Undeploy", "Shutdown"},
		{"ApplicationStop", "DownloadBundle", "BeforeInstall", "Install", "AfterInstall", "ApplicationStart", "ValidateService"},
		{"BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"},
		{"Pending:Wait", "Pending:Proceed", "InService", "Terminating:Wait", "Terminating:Proceed"},
	}
	strategies = []string{"all at once", "rolling", "rolling with extra batches", "immutable", "blue/green", "canary", "linear", "in-place", "traffic splitting"}
	blogKeys   = []string{"canary deployment", "blue/green deployment", "rolling", "auto healing", "cross account", "multi-region read & write", "log searching", "query S3 data", "short DR time", "event driven remediation", "least overhead"}
	codeLines  = []string{
		"aws s3 cp s3://bucket/key ./file --sse aws:kms",
		"aws cloudwatch put-metric-data --metric-name randomNumber --namespace Custom --value 42",
		"aws deploy create-deployment --application-name app --deployment-group-name dg",
		"aws ssm send-command --document-name AWS-RunShellScript --targets Key=tag:env,Values=prod",
		"aws logs put-subscription-filter --log-group-name app --filter-name all --filter-pattern \"\"",
		"aws cloudformation deploy --template-file template.yml --stack-name app",
	}
	drRows = [][]string{
		{"Backup & Restore", "High", "High", "$", "Regular backups", "Restore"},
		{"Pilot Light", "Medium", "Medium", "$$", "Core system is always running", "Add non-critical systems"},
		{"Warm Standby", "Low", "Low", "$$$", "Full system at minimum size always running", "Add resources"},
		{"Multi Site/Hot Site", "Lowest", "Lowest", "$$$$", "Full system at production size always running", "Only switch traffic"},
	}
)

func (g *gen) capSentence() string { return fmt.Sprintf(g.one(capSentences), g.full()) }

func (g *gen) pairSentence() string {
	a, b := g.full(), g.full()
	for b == a {
		b = g.full()
	}
	return fmt.Sprintf(g.one(pairSentences), a, b)
}

// sentence is one prose sentence: a capability, a relation or a filler.
func (g *gen) sentence() string {
	switch g.pick([]int{3, 3, 2}) {
	case 0:
		return g.capSentence()
	case 1:
		return g.pairSentence()
	}
	return g.one(fillers)
}

func (g *gen) paragraph(k int) string {
	s := make([]string, k)
	for i := range s {
		s[i] = g.sentence()
	}
	return strings.Join(s, " ")
}

// chain is an arrow chain of 3 to 6 hops.
func (g *gen) chain() string {
	k := 3 + g.r.IntN(4)
	hops := make([]string, 0, k)
	for len(hops) < k {
		h := g.one(hopWords)
		if g.r.IntN(4) == 0 {
			h = g.short()
		}
		if len(hops) > 0 && hops[len(hops)-1] == h {
			continue
		}
		hops = append(hops, h)
	}
	return strings.Join(hops, " > ")
}

func (g *gen) lifecycle() []string { return lifecycles[g.r.IntN(len(lifecycles))] }

// list returns k distinct short service names.
func (g *gen) shortList(k int) []string {
	seen := map[string]bool{}
	var out []string
	for tries := 0; len(out) < k && tries < 4*k; tries++ {
		s := g.short()
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// ---- Markdown ----

func (g *gen) markdown(size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", g.one(titles), g.paragraph(2))
	for b.Len() < size {
		fmt.Fprintf(&b, "# Domain %d - %s\n\n", 1+g.r.IntN(6), g.one(topics))
		for k := 1 + g.r.IntN(3); k > 0 && b.Len() < size; k-- {
			s := g.service()
			fmt.Fprintf(&b, "## %s\n\n", s.name)
			fmt.Fprintf(&b, "%s is a managed service. %s\n\n", s.name, g.paragraph(2+g.r.IntN(3)))
			switch g.r.IntN(5) {
			case 0:
				fmt.Fprintf(&b, "The lifecycle events of %s are:\n\n", s.name)
				for i, e := range g.lifecycle() {
					fmt.Fprintf(&b, "%d. %s\n", i+1, e)
				}
				b.WriteString("\n")
			case 1:
				fmt.Fprintf(&b, "%s supports these deployment strategies:\n\n", s.name)
				for i := 0; i < 2+g.r.IntN(3); i++ {
					fmt.Fprintf(&b, "* %s: `%s`\n", g.one(strategies), strings.ReplaceAll(g.one(strategies), " ", "-"))
				}
				b.WriteString("\n")
			case 2:
				fmt.Fprintf(&b, "```\n%s\n%s\n```\n\n", g.one(codeLines), g.one(codeLines))
			default:
				for i := 0; i < 2+g.r.IntN(4); i++ {
					fmt.Fprintf(&b, "* %s Set it up with `%s`.\n", g.sentence(), strings.ToLower(strings.ReplaceAll(g.short(), " ", "-")))
				}
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "%s\n\n", g.paragraph(1+g.r.IntN(3)))
		}
	}
	return b.String()
}

// ---- wiki text export ----

func (g *gen) wiki(size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\nFrom %s's Personal Wiki\nJump to: navigation, search\n\n%s\n\nContents\n\n", g.one(titles), g.one([]string{"Christoph", "Ana", "Lee", "Priya"}), g.paragraph(1))
	for b.Len() < size {
		fmt.Fprintf(&b, "%s\n\n", g.one(topics))
		for k := 1 + g.r.IntN(3); k > 0 && b.Len() < size; k-- {
			s := g.service()
			fmt.Fprintf(&b, "%s\n\n%s\n\n", s.name, g.paragraph(1+g.r.IntN(2)))
			switch g.r.IntN(4) {
			case 0:
				fmt.Fprintf(&b, "%s lifecycle events\n", s.name)
				for i, e := range g.lifecycle() {
					fmt.Fprintf(&b, "  %d. %s\n", i+1, e)
				}
				b.WriteString("\n")
			case 1:
				fmt.Fprintf(&b, "$ aws %s \\\n    --region us-east-1\n\n", strings.TrimPrefix(g.one(codeLines), "aws "))
			default:
				// nested bullets, two spaces per level
				for i := 0; i < 2+g.r.IntN(3); i++ {
					fmt.Fprintf(&b, "  • %s\n", g.full())
					for j := 0; j < 1+g.r.IntN(3); j++ {
						fmt.Fprintf(&b, "    • %s\n", g.sentence())
						if g.r.IntN(3) == 0 {
							fmt.Fprintf(&b, "      • %s -> %s\n", g.short(), g.short())
						}
					}
				}
				if g.r.IntN(3) == 0 {
					fmt.Fprintf(&b, "  • %s\n", g.chain())
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

// ---- blog post of terse bullets ----

func (g *gen) blog(size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Skip to main content\n\n%s\n\n·\naws devops\n%s\nAuthor\nDevOps Engineer in London\n\n", g.one(titles), g.one([]string{"Hugo", "Mia", "Sam"}))
	for b.Len() < size {
		fmt.Fprintf(&b, "%s\n#\n\n", g.one(topics))
		for i := 0; i < 3+g.r.IntN(8); i++ {
			switch g.pick([]int{4, 2, 2, 1}) {
			case 0:
				fmt.Fprintf(&b, "  • %s: %s\n", g.one(blogKeys), strings.Join(g.shortList(1+g.r.IntN(4)), ", "))
			case 1:
				fmt.Fprintf(&b, "  • %s\n", g.chain())
			case 2:
				fmt.Fprintf(&b, "  • %s\n", strings.ToLower(strings.TrimSuffix(g.sentence(), ".")))
			default:
				fmt.Fprintf(&b, "  • %s lifecycle events: %s\n", g.short(), strings.Join(g.lifecycle(), ", "))
			}
		}
		b.WriteString("\n")
		if g.r.IntN(3) == 0 {
			s := g.service()
			fmt.Fprintf(&b, "%s\n#\n\n", strings.TrimPrefix(strings.TrimPrefix(s.name, "AWS "), "Amazon "))
		}
	}
	return b.String()
}

// ---- 002-style PDF extraction ----

func (g *gen) pdf(size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "↖↓ %s\n", g.one(titles))
	for b.Len() < size {
		switch g.pick([]int{4, 1, 1, 1, 1, 1}) {
		case 0:
			s := g.service()
			fmt.Fprintf(&b, "↖↑↓ %s\n", s.name)
			for i := 0; i < 2+g.r.IntN(5); i++ {
				fmt.Fprintf(&b, "- %s\n", g.sentence())
				if g.r.IntN(4) == 0 {
					fmt.Fprintf(&b, "- %s\n", g.feature())
				}
			}
			if g.r.IntN(4) == 0 {
				fmt.Fprintf(&b, "- Lifecycle events\n")
				for _, e := range g.lifecycle() {
					fmt.Fprintf(&b, "- %s\n", e)
				}
			}
			if g.r.IntN(5) == 0 {
				fmt.Fprintf(&b, "%s\n", g.one(codeLines))
			}
		case 1:
			g.pdfCapabilityTable(&b, "multi region", "Services that have a concept of multi region")
		case 2:
			g.pdfCapabilityTable(&b, "multi account", "Services that have a concept of multi account")
		case 3:
			g.pdfNotifications(&b)
		case 4:
			g.pdfStrategies(&b)
		default:
			g.pdfDR(&b)
		}
	}
	return b.String()
}

func (g *gen) pdfCapabilityTable(b *strings.Builder, capName, heading string) {
	fmt.Fprintf(b, "↖↑↓ %s\n↖↑↓ %s\n. |\n. |\n", strings.ToUpper(capName[:1])+capName[1:], heading)
	for i := 0; i < 3+g.r.IntN(8); i++ {
		var detail string
		switch capName {
		case "multi account":
			detail = g.one([]string{"Share events across accounts", "Can deliver trails into cross-account bucket", "Aggregate across accounts", "Assume roles in different accounts"})
		default:
			detail = g.one([]string{"Cross-region read replicas", "Cross-region replication", "Global tables, multi-way replication", "StackSets", "Uses a global network"})
		}
		fmt.Fprintf(b, "%s |\n%s |\n", g.full(), detail)
	}
}

func (g *gen) pdfNotifications(b *strings.Builder) {
	b.WriteString("↖↑↓ Notifications\nService |\nSNS (native) |\nCloudWatch/EventBridge Events |\nCloudWatch Metrics/Alarms |\nComment |\n")
	cells := []string{"+", "-", "+", "-", "+ SNS or SQS", "+ (every 5 min)", "+ All events only"}
	for i := 0; i < 4+g.r.IntN(10); i++ {
		fmt.Fprintf(b, "%s |\n", g.full())
		for j := 0; j < 3; j++ {
			c := g.one(cells)
			fmt.Fprintf(b, "%s |\n", c)
		}
		if g.r.IntN(3) == 0 {
			fmt.Fprintf(b, "Notify SNS on %s |\n", g.one([]string{"findings", "state changes", "failed runs"}))
		} else {
			b.WriteString(". |\n")
		}
	}
}

func (g *gen) pdfStrategies(b *strings.Builder) {
	cols := g.shortList(2 + g.r.IntN(3))
	b.WriteString("↖↑↓ Deployment Strategies\nStrategies per AWS service\nStrategy |\n")
	for _, c := range cols {
		fmt.Fprintf(b, "%s |\n", c)
	}
	for _, s := range strategies[:4+g.r.IntN(len(strategies)-4)] {
		fmt.Fprintf(b, "%s |\n", strings.ToUpper(s[:1])+s[1:])
		for range cols {
			if g.r.IntN(3) == 0 {
				b.WriteString(". |\n")
			} else {
				fmt.Fprintf(b, "%s |\n", g.one(strategies))
			}
		}
	}
}

func (g *gen) pdfDR(b *strings.Builder) {
	b.WriteString("↖↑↓ Disaster Recovery\n- DR is about preparing for and recovering from a disaster\n- Recovery Point Objective - RPO\n- Recovery Time Objective - RTO\n")
	b.WriteString(". |\nRPO |\nRTO |\nCosts |\nComment |\nWhat to do for DR |\n")
	for _, r := range drRows {
		for _, c := range r {
			fmt.Fprintf(b, "%s |\n", c)
		}
	}
}
