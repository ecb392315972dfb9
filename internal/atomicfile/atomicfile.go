// Package atomicfile replaces a file so that a reader, or the file after a
// crash, holds either the old contents or the new, never part of either.
// The SSO token cache, the aws login cache and the emulator's state journal
// all write through it.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"time"
)

var seq atomic.Uint64

// Write replaces path with data: a temporary file in the same directory,
// created with perm (less the umask, as os.Create), written, synced and
// renamed over path, then the directory synced so that the rename is
// durable too. On error path is untouched and the temporary file removed.
// Errors name path, never the data.
func Write(path string, data []byte, perm os.FileMode) error {
	// O_EXCL with a name of our own rather than os.CreateTemp, whose fixed
	// 0600 would hide the umask a caller's perm asks for.
	tmp := path + ".tmp-" + strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.FormatUint(seq.Add(1), 36)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync() // best effort: some file systems refuse to sync a directory
		d.Close()
	}
	return nil
}
