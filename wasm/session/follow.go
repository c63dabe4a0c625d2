package session

// follow is what the camera was last pointed at for the reader.
type follow uint8

const (
	followNone      follow = iota // the reader's own view, or the whole network
	followStep                    // the open story step's focus (frame)
	followSelection               // the selected entity (Reveal)
)

// refollow points the camera again at what it follows, now that the
// page's boxes or the selection changed: a step is framed again in the
// space the caption leaves; a selection is panned out from under a card or
// a caption, at the reader's zoom. A view the reader set stays as it is.
func (s *Session) refollow() {
	s.refit = false
	switch s.follows {
	case followStep:
		if s.now.Story >= 0 {
			s.frameStep = true
		}
	case followSelection:
		p, ok := s.fittedAt(s.now.Selection)
		if !ok {
			return
		}
		to := s.camera
		if s.glide.Active() {
			to = s.glide.To()
		}
		if to.Reveal(p[0], p[1], s.geometry()) {
			s.glideTo(to)
		}
	}
}
