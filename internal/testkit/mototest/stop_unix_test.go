//go:build unix

package mototest_test

import (
	"errors"
	"syscall"
	"testing"

	"github.com/eucsdk/eucsdk/internal/testkit/mototest"
)

// Close ends moto_server's whole process group: afterwards no process of
// the group exists (kill -0 on the group fails with ESRCH).
func TestMotoCloseLeavesNoProcess(t *testing.T) {
	if motoErr != nil {
		mototest.SkipOrFail(t, motoErr)
	}
	s, err := mototest.Start(testContext(t))
	if err != nil {
		t.Fatal(err)
	}
	pgid := s.Pid()
	if err := syscall.Kill(-pgid, 0); err != nil {
		t.Fatalf("process group %d not running after Start: %v", pgid, err)
	}
	s.Close()
	s.Close() // idempotent
	if err := syscall.Kill(-pgid, 0); !errors.Is(err, syscall.ESRCH) {
		t.Fatalf("process group %d still exists after Close (kill -0: %v)", pgid, err)
	}
}
