//go:build unix

package mototest

import (
	"os/exec"
	"syscall"
	"time"
)

// ownProcessGroup makes the server the leader of a new process group, so
// stop can end it and anything it forked (the pyenv shim, werkzeug's
// reloader) with one signal.
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// stopGroup sends SIGTERM to the process group, waits up to grace for the
// leader to exit, then SIGKILLs the group. done is closed when the leader has
// been reaped.
func stopGroup(cmd *exec.Cmd, done <-chan struct{}, grace time.Duration) {
	pgid := cmd.Process.Pid
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(grace):
	}
	// Children that ignored SIGTERM (or outlived the leader) go too.
	_ = syscall.Kill(-pgid, syscall.SIGKILL)
	<-done
}
