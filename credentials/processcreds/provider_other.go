//go:build !unix

package processcreds

import "os/exec"

// killGroupOnCancel keeps exec's default of killing the process itself;
// WaitDelay still bounds the wait for its children.
func killGroupOnCancel(*exec.Cmd) {}
