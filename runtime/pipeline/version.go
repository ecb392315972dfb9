package pipeline

import (
	"runtime"
	"strings"
)

// Version is the SDK version sent in the User-Agent header.
const Version = "0.1.0"

var (
	goos      = runtime.GOOS
	goVersion = strings.TrimPrefix(runtime.Version(), "go")
)
