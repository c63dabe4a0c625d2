package page

// AppendLoops is appendLoops, for the external tests.
var AppendLoops = appendLoops
