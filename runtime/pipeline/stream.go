package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/eucsdk/eucsdk/runtime/signer"
)

// streamBody is a streaming request payload (wire.Request.Stream) as every
// attempt sends it. A seekable stream is rewound to where the caller left
// it before each attempt; a stream that cannot seek is sent once, and a
// failed attempt that read from it is not retried, since the bytes it sent
// are gone.
type streamBody struct {
	r      io.Reader
	seeker io.Seeker // nil when r cannot seek
	start  int64     // r's offset when the call began
	length int64     // bytes to send, or -1 when unknown
	// read is set once an attempt has taken bytes from r.
	read bool
	// cur is the body of the attempt under way.
	cur *attemptBody
}

// attemptBody is one attempt's view of the stream. net/http may still be
// writing a request when the round trip has returned; closing the view
// waits for a Read in progress and fails every later one, so the next
// attempt's rewind cannot interleave with the previous attempt's reads.
// Closing it never closes the caller's reader: the caller owns it.
type attemptBody struct {
	mu     sync.Mutex
	b      *streamBody
	closed bool
}

func (a *attemptBody) Read(p []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return 0, errBodyClosed
	}
	a.b.read = true
	return a.b.r.Read(p)
}

func (a *attemptBody) Close() error {
	a.mu.Lock()
	a.closed = true
	a.mu.Unlock()
	return nil
}

var errBodyClosed = errors.New("read of a request body after its attempt ended")

// next ends the previous attempt's view and opens a new one.
func (b *streamBody) next() *attemptBody {
	if b.cur != nil {
		b.cur.Close()
	}
	b.cur = &attemptBody{b: b}
	return b.cur
}

// settle ends the current attempt's view, so read can be looked at.
func (b *streamBody) settle() {
	if b.cur != nil {
		b.cur.Close()
	}
}

// rewind puts a seekable stream back at its start for another attempt.
func (b *streamBody) rewind() error {
	if b.seeker == nil {
		return nil
	}
	if _, err := b.seeker.Seek(b.start, io.SeekStart); err != nil {
		return fmt.Errorf("rewind the request body for another attempt: %w", err)
	}
	return nil
}

// lenReader is a reader that knows how much is left (bytes.Buffer,
// bytes.Reader, strings.Reader).
type lenReader interface{ Len() int }

// prepareStream settles a streaming payload once per call: its length
// (from the caller, a bound Content-Length header, a seekable stream's
// extent or Len, else unknown and sent chunked) and its payload hash. A
// seekable stream is hashed by reading it through once, in a fixed-size
// buffer, then rewound; one that cannot seek is signed as UNSIGNED-PAYLOAD,
// which only TLS protects from tampering, so it is refused over plain HTTP.
func (k *call) prepareStream() error {
	r := &k.req
	b := &streamBody{r: r.Stream, length: r.StreamLength}
	if b.length < 0 {
		if v := r.Header("Content-Length"); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				return fmt.Errorf("Content-Length header %q of the request is not a length", v)
			}
			b.length = n
		}
	}
	if s, ok := r.Stream.(io.Seeker); ok {
		start, err := s.Seek(0, io.SeekCurrent)
		if err == nil {
			b.seeker, b.start = s, start
		}
	}
	if given := r.Header(signer.HeaderContentSHA256); b.seeker != nil && isHash(given) {
		// The caller or a customization (Glacier's checksums) hashed the
		// payload already: only its length is left to find.
		end, err := b.seeker.Seek(0, io.SeekEnd)
		if err != nil {
			return fmt.Errorf("measure the request body: %w", err)
		}
		if err := b.rewind(); err != nil {
			return err
		}
		if b.length < 0 {
			b.length = end - b.start
		}
		k.payloadHash = given
	} else if b.seeker != nil {
		h := sha256.New()
		n, err := io.Copy(h, r.Stream)
		if err != nil {
			return fmt.Errorf("hash the request body: %w", err)
		}
		if err := b.rewind(); err != nil {
			return err
		}
		if b.length < 0 {
			b.length = n
		} else if b.length != n {
			return fmt.Errorf("the request body holds %d bytes, but its length is given as %d", n, b.length)
		}
		hex.Encode(k.hash[:], h.Sum(k.hash[:0:0]))
		k.payloadHash = string(k.hash[:])
	} else {
		if !strings.EqualFold(k.ep.url.Scheme, "https") {
			return errors.New("the request body is an io.Reader that cannot seek, so its payload cannot be signed, and sending it unsigned needs an https endpoint: pass an io.ReadSeeker (bytes.Reader, strings.Reader, *os.File) or use https")
		}
		if l, ok := r.Stream.(lenReader); ok && b.length < 0 {
			b.length = int64(l.Len())
		}
		k.payloadHash = signer.UnsignedPayload
		// The service must know the payload is unsigned rather than
		// hash the body and find a mismatch.
		r.SetHeader(signer.HeaderContentSHA256, signer.UnsignedPayload)
	}
	k.stream = b
	return nil
}

// streamAttempt readies the stream for attempt n. A stream that cannot
// seek and was read by an earlier attempt ends the call with that
// attempt's error, whatever a custom retryer decided.
func (k *call) streamAttempt(n int) error {
	if n == 1 {
		return nil
	}
	b := k.stream
	b.settle()
	if b.seeker == nil && b.read {
		return &BodyNotRewindableError{Err: k.lastErr}
	}
	return b.rewind()
}

// streamFailed marks an attempt's error as final when the attempt consumed
// a stream that cannot be sent again.
func (k *call) streamFailed(err error) error {
	k.lastErr = err
	if err == nil {
		return nil
	}
	b := k.stream
	b.settle()
	if b.seeker == nil && b.read && k.c.opts.Retryer.IsErrorRetryable(err) {
		return &BodyNotRewindableError{Err: err}
	}
	return err
}

// BodyNotRewindableError is an attempt's error that is not retried because
// the attempt read from a request body that cannot seek.
type BodyNotRewindableError struct{ Err error }

func (e *BodyNotRewindableError) Error() string {
	msg := "the request body cannot seek, so the call is not retried"
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *BodyNotRewindableError) Unwrap() error { return e.Err }

// RetryableError tells the retry classification the error is final.
func (e *BodyNotRewindableError) RetryableError() bool { return false }

// isHash reports whether s is a hex SHA-256 as SigV4 writes it.
func isHash(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
