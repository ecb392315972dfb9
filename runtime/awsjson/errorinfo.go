package awsjson

import (
	"net/http"
	"strings"
)

// DecodeErrorInfo extracts the error code and message from an awsJson error
// response. The code comes from the X-Amzn-Errortype header, else the body's
// top-level "__type", else its "code"; only top-level members count, because
// services such as DynamoDB nest other "__type" members inside error details.
// The message comes from "message", "Message" or "errorMessage", in that
// order of preference. A body that is empty or not JSON yields whatever was
// found before the problem; the caller falls back to the HTTP status.
func DecodeErrorInfo(header http.Header, body []byte) (code, message string) {
	code = header.Get("X-Amzn-Errortype")
	var typ, bodyCode string
	msgRank := 0
	var d Decoder
	d.Reset(body)
	if d.ws() && d.ObjectStart() {
		for {
			k, ok := d.NextKey()
			if !ok {
				break
			}
			var dst *string
			rank := 0
			switch string(k) {
			case "__type":
				dst = &typ
			case "code":
				dst = &bodyCode
			case "message":
				dst, rank = &message, 3
			case "Message":
				dst, rank = &message, 2
			case "errorMessage":
				dst, rank = &message, 1
			}
			if c, _ := d.peek(); dst == nil || c != '"' {
				// Unknown members, nulls and non-strings carry no code.
				d.Skip()
				continue
			}
			v := d.String()
			if rank == 0 {
				*dst = v
			} else if rank > msgRank {
				*dst, msgRank = v, rank
			}
		}
	}
	if code == "" {
		code = typ
	}
	if code == "" {
		code = bodyCode
	}
	return SanitizeErrorCode(code), message
}

// SanitizeErrorCode reduces a wire error code to the error shape's name, as
// the awsJson protocols require of clients: keep what precedes the first
// ':' (legacy services append a documentation URL), then what follows the
// '#' (the shape ID's namespace is not part of the name). Shape IDs contain a
// single '#'; should a value carry several, the text after the first is kept,
// as the Smithy specification words it.
func SanitizeErrorCode(code string) string {
	code = strings.TrimSpace(code)
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.IndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	return code
}
