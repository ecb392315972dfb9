//go:build !unix

package awsxml

import "time"

func processCPU() time.Duration { return 0 }
