package graph

// Subgraph is a selection of nodes and edges to show or render: the answer to
// a question, a neighbourhood or a path.
type Subgraph struct {
	Title string
	Nodes []Node // distinct, in a stable order
	Edges []Edge // between nodes of Nodes
}
