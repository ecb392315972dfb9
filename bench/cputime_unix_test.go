//go:build unix

package bench

import "syscall"

// cpuNanos is this process's user and system CPU time: the client's work
// alone, since the server runs in a child process. On a shared machine it
// is far steadier than wall time, which waits for the neighbours too.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
