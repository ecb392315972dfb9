package awsjson

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
)

// maxXMLErrorScan bounds how much of a non-JSON error body is parsed.
const maxXMLErrorScan = 64 << 10

// xmlErrorInfo reads the code and message of an XML error body, the
// awsQuery/S3 <Error><Code>…</Code><Message>…</Message></Error> shape. A JSON
// service should never send one, but the layers in front of it sometimes do
// (authentication front ends, proxies, emulators such as moto answering
// SignatureDoesNotMatch); reading it keeps the service's code, so clock-skew
// correction and errors.As on smithy.APIError still work. Only the first
// maxXMLErrorScan bytes are parsed and the first Code and Message elements
// inside an Error element win. Anything else (HTML pages included) yields
// empty strings and the caller falls back to the HTTP status.
func xmlErrorInfo(body []byte) (code, message string) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '<' {
		return "", ""
	}
	if len(body) > maxXMLErrorScan {
		body = body[:maxXMLErrorScan]
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	inError := 0
	for code == "" || message == "" {
		tok, err := d.Token()
		if err != nil {
			if err != io.EOF {
				return code, message
			}
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "Error":
				inError++
			case inError > 0 && (t.Name.Local == "Code" || t.Name.Local == "Message"):
				var v string
				if d.DecodeElement(&v, &t) != nil {
					return code, message
				}
				if t.Name.Local == "Code" && code == "" {
					code = v
				} else if t.Name.Local == "Message" && message == "" {
					message = v
				}
			}
		case xml.EndElement:
			if t.Name.Local == "Error" && inError > 0 {
				inError--
			}
		}
	}
	return code, message
}

// jsonMessage is the awsJson error body {"message": msg}, so that a modeled
// error decoded for an XML body keeps its message.
func jsonMessage(msg string) []byte {
	b, _ := json.Marshal(struct {
		Message string `json:"message"`
	}{msg})
	return b
}
