package ingest

import (
	"slices"
	"strings"

	"github.com/awskg/awskg/graph"
)

// Lists that weigh their items ("The 6 domains outlined in the AWS
// blueprint for the certification include:" over "1. Software Development
// LifeCycle (SDLC) Automation [22%]", "2. Configuration Management and
// Infrastructure as Code [19%]", ...): every item ends with a bracketed
// quantity of one dimension, so the list ranks its items by it, as a
// table's ordered column does (see rankTable): each item gets a
// "rank:<head>" fact to its quantity, whose Position is the item's rank,
// 1 for the least.

// minRankedItems is the fewest items a weighed list has.
const minRankedItems = 3

// maxRankedScan bounds the blocks a weighed list is looked for in after
// its head, so that a staircase of nested items costs linear time.
const maxRankedScan = 500

// maxRankColumnWords bounds the head words that name a weighed list's
// ranking ("domain outline blueprint").
const maxRankColumnWords = 3

// rankedItem is one item of a weighed list.
type rankedItem struct {
	name  string
	q     Quantity
	block *Block
}

// trailingQuantity splits an item that ends with a bracketed quantity
// ("Monitoring and Logging [15%]", "Pilot light (10 min)") into its name
// and the quantity; ok is false for any other item.
func trailingQuantity(text string) (name string, q Quantity, ok bool) {
	t := strings.TrimSpace(text)
	if t == "" {
		return "", Quantity{}, false
	}
	closer := t[len(t)-1]
	opener := map[byte]byte{']': '[', ')': '('}[closer]
	if opener == 0 {
		return "", Quantity{}, false
	}
	k := strings.LastIndexByte(t, opener)
	if k <= 0 {
		return "", Quantity{}, false
	}
	q, ok = ParseQuantity(strings.TrimSpace(t[k+1 : len(t)-1]))
	if !ok {
		return "", Quantity{}, false
	}
	return strings.TrimSpace(t[:k]), q, true
}

// rankedList reads the list that block i heads when it weighs its items
// (see above).
func (o *openReader) rankedList(i int) {
	blocks := o.x.doc.Blocks
	b := &blocks[i]
	if b.Kind == BlockTable || b.Kind == BlockCode || i+1 >= len(blocks) || blocks[i+1].Kind != BlockBullet {
		return
	}
	depth := blocks[i+1].Depth
	if b.Kind == BlockBullet && depth <= b.Depth {
		return
	}
	var items []rankedItem
	for j := i + 1; j < len(blocks) && j <= i+maxRankedScan && blocks[j].Kind == BlockBullet && blocks[j].Depth >= depth; j++ {
		if blocks[j].Depth > depth {
			continue
		}
		name, q, ok := trailingQuantity(blocks[j].Text)
		if !ok || len(items) > 0 && q.Dimension != items[0].q.Dimension {
			return
		}
		items = append(items, rankedItem{name: name, q: q, block: &blocks[j]})
	}
	if len(items) < minRankedItems {
		return
	}
	phrase, _ := o.phrase(strings.TrimSuffix(strings.TrimSpace(b.Text), ":"))
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return
	}
	col := strings.Join(words[:min(len(words), maxRankColumnWords)], " ")
	pred := graph.PredRank + ":" + graph.Slug(col)
	values := make([]float64, 0, len(items))
	for _, it := range items {
		values = append(values, it.q.Value)
	}
	slices.Sort(values)
	values = slices.Compact(values)
	for _, it := range items {
		subj := o.itemNode(it.name)
		if subj == "" {
			subj = o.x.newNode(graph.KindConcept, cleanName(it.name))
		}
		rank := slices.Index(values, it.q.Value) + 1
		level := o.x.newNode(graph.KindValue, it.q.Text)
		o.x.add(subj, pred, level, col+": "+it.q.Text+" ("+it.name+")", rank, it.block.Line)
	}
}
