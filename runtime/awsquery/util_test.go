package awsquery

import (
	"encoding/base64"
	"strconv"
)

func e2b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
