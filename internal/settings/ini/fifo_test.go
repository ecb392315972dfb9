//go:build unix

package ini

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A shared file that is a FIFO would block the open forever, under any
// deadline: it is refused, naming the path, without opening it.
func TestFIFOIsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "config")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := LoadProfile([]string{fifo}, nil, "default")
		done <- err
	}()
	select {
	case err := <-done:
		want := "shared file " + fifo + " is not a regular file (a named pipe); refusing to read it"
		if err == nil || err.Error() != want {
			t.Errorf("err = %v; want %q", err, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("LoadProfile blocked on a FIFO")
	}
	if _, err := LoadProfile(nil, []string{dir}, "default"); err == nil || !strings.Contains(err.Error(), dir+" is not a regular file (a directory)") {
		t.Errorf("directory: %v", err)
	}
	if p, err := LoadProfile([]string{os.DevNull}, []string{os.DevNull}, "default"); err != nil || p.Found {
		t.Errorf("%s: %v, %v", os.DevNull, p, err)
	}
}
