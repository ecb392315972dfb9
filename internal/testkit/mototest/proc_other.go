//go:build !unix

package mototest

import (
	"os/exec"
	"time"
)

func ownProcessGroup(*exec.Cmd) {}

func stopGroup(cmd *exec.Cmd, done <-chan struct{}, _ time.Duration) {
	_ = cmd.Process.Kill()
	<-done
}
