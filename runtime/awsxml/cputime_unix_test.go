//go:build unix

package awsxml

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time the process has used, user and system.
// The benchmark reports it per op beside wall time because the machine it
// runs on is shared: wall time there measures the neighbours as much as the
// code.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
