package restbind

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/eucsdk/eucsdk/runtime/wire"
)

// treeChunk is the leaf size of Glacier's SHA-256 tree hash.
const treeChunk = 1 << 20

// TreeHashHeaders sets the checksum headers Glacier requires of an upload:
// X-Amz-Content-Sha256 (the payload's SHA-256, which the pipeline then signs
// without hashing the stream again) and X-Amz-Sha256-Tree-Hash (SHA-256 of
// each MiB, combined pairwise up to one root), each unless the caller set
// it. It reads a seekable stream through once and rewinds it; a stream
// that cannot seek is left to the caller, who must then set both headers.
func TreeHashHeaders(r *wire.Request) error {
	s, ok := r.Stream.(io.ReadSeeker)
	if !ok {
		return nil
	}
	setLinear := r.Header("X-Amz-Content-Sha256") == ""
	setTree := r.Header("X-Amz-Sha256-Tree-Hash") == ""
	if !setLinear && !setTree {
		return nil
	}
	start, err := s.Seek(0, io.SeekCurrent)
	if err != nil {
		return fmt.Errorf("tree hash of the request body: %w", err)
	}
	linear := sha256.New()
	var leaves [][sha256.Size]byte
	buf := make([]byte, treeChunk)
	for {
		n, err := io.ReadFull(s, buf)
		if n > 0 {
			linear.Write(buf[:n])
			leaves = append(leaves, sha256.Sum256(buf[:n]))
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return fmt.Errorf("tree hash of the request body: %w", err)
		}
	}
	if _, err := s.Seek(start, io.SeekStart); err != nil {
		return fmt.Errorf("tree hash of the request body: rewind: %w", err)
	}
	if setLinear {
		r.SetHeader("X-Amz-Content-Sha256", hex.EncodeToString(linear.Sum(nil)))
	}
	if setTree {
		r.SetHeader("X-Amz-Sha256-Tree-Hash", hex.EncodeToString(treeRoot(leaves)))
	}
	return nil
}

// treeRoot combines leaf hashes pairwise, an odd one out carried up as it
// is, until one is left; an empty body's root is the hash of nothing.
func treeRoot(level [][sha256.Size]byte) []byte {
	if len(level) == 0 {
		sum := sha256.Sum256(nil)
		return sum[:]
	}
	for len(level) > 1 {
		next := level[:0:0]
		for i := 0; i < len(level); i += 2 {
			if i+1 == len(level) {
				next = append(next, level[i])
				continue
			}
			next = append(next, sha256.Sum256(append(level[i][:], level[i+1][:]...)))
		}
		level = next
	}
	return level[0][:]
}
