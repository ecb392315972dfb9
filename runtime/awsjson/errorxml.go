package awsjson

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/eucsdk/eucsdk/runtime/awsxml"
)

// maxXMLErrorScan bounds how much of a non-JSON error body is parsed.
const maxXMLErrorScan = 64 << 10

// xmlErrorInfo reads the code and message of an XML error body: the first
// Code and Message elements inside an Error element, at any depth, so that
// every envelope works (<ErrorResponse><Error>, EC2's
// <Response><Errors><Error>, moto's <ErrorResponse><Errors><Error>, a bare
// <Error>). A JSON service should never
// send one, but the layers in front of it sometimes do (authentication front
// ends, proxies, emulators such as moto answering SignatureDoesNotMatch);
// reading it keeps the service's code, so clock-skew correction and
// errors.As on smithy.APIError still work. Only the first maxXMLErrorScan
// bytes are parsed. Anything else (HTML pages included) yields empty strings
// and the caller falls back to the HTTP status. It reads with runtime/awsxml's
// decoder rather than encoding/xml, which no other part of a JSON client
// links and which would add about 50 KB to every program.
func xmlErrorInfo(body []byte) (code, message string) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '<' {
		return "", ""
	}
	if len(body) > maxXMLErrorScan {
		body = body[:maxXMLErrorScan]
	}
	var d awsxml.Decoder
	d.Reset(body)
	scanXMLError(&d, false, &code, &message)
	return code, message
}

// scanXMLError walks the children of the current element, descending into
// every element that is not a Code or Message inside an Error. It stops at
// the first decoding error: what was found before it is kept.
func scanXMLError(d *awsxml.Decoder, inError bool, code, message *string) {
	for (*code == "" || *message == "") && d.Next() {
		switch name := string(d.Name()); {
		case inError && name == "Code" && *code == "":
			*code = strings.TrimSpace(d.String())
		case inError && name == "Message" && *message == "":
			*message = d.String()
		default:
			scanXMLError(d, inError || name == "Error", code, message)
		}
	}
}

// jsonMessage is the awsJson error body {"message": msg}, so that a modeled
// error decoded for an XML body keeps its message.
func jsonMessage(msg string) []byte {
	b, _ := json.Marshal(struct {
		Message string `json:"message"`
	}{msg})
	return b
}
