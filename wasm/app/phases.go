//go:build js

package app

// The phases of the start that the program marks, in the order they end
// (the page marks the ones before: the program's download, compile and
// instantiation; ./build.sh bench prints them all as a table).
const (
	phaseAnalysis = "analysis"    // analysis, session and the layout's graph made
	phaseText     = "text"        // the font parsed, the title and label widths measured
	phaseEngine   = "engine"      // the engine's first tick: its canvas and WebGL are up
	phaseLayout   = "layout"      // the first tick's layout steps done
	phaseScene    = "scene"       // the first frame's mesh and labels placed
	phaseMesh     = "mesh"        // the first frame's shapes drawn
	phaseFrame    = "first-frame" // its labels drawn too (rasterized on first use)
)

// phases tells mark of each phase once, the first time it is reached;
// after the first frame it costs a nil check. Draw reaches the last two:
// marking is the bench's, not the picture's state.
type phases struct {
	mark func(phase string)
	done []string
}

func (p *phases) reach(phase string) {
	if p.mark == nil {
		return
	}
	for _, d := range p.done {
		if d == phase {
			return
		}
	}
	p.done = append(p.done, phase)
	p.mark(phase)
	if phase == phaseFrame {
		p.mark = nil
	}
}
