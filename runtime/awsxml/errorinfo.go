package awsxml

import "net/http"

// ErrorInfo is what the XML protocols' error envelopes say about a failed
// call. Type is awsQuery's and restXml's "Sender" or "Receiver"; HostID is
// S3's <HostId>. Fields the body does not carry are empty.
type ErrorInfo struct {
	Code      string
	Message   string
	Type      string
	RequestID string
	HostID    string
}

// DecodeErrorInfo extracts the error code, message and request id from an
// error response body in any of the XML envelopes, told apart by the root
// element:
//
//	<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>   awsQuery, restXml
//	<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>  ec2Query
//	<Error><Code/><Message/><RequestId/></Error>                                         restXml with noErrorWrapping (S3)
//
// The request id falls back to the x-amzn-RequestId and x-amz-request-id
// headers when the body has none (S3 sends an empty body for HEAD errors).
// A body that is empty or not XML yields what was found before the problem,
// and the decoding error; the caller falls back to the HTTP status.
func DecodeErrorInfo(header http.Header, body []byte) (ErrorInfo, error) {
	var info ErrorInfo
	var d Decoder
	d.Reset(body)
	var err error
	if len(body) > 0 && d.Next() {
		switch string(d.Name()) {
		case "ErrorResponse":
			for d.Next() {
				switch string(d.Name()) {
				case "Error":
					errorFields(&d, &info)
				case "RequestId", "RequestID":
					info.RequestID = d.String()
				default:
					d.Skip()
				}
			}
		case "Response":
			for d.Next() {
				switch string(d.Name()) {
				case "Errors":
					// EC2 sends one error; should there be more, the
					// first is the one reported.
					first := true
					for d.Next() {
						if first && string(d.Name()) == "Error" {
							errorFields(&d, &info)
							first = false
						} else {
							d.Skip()
						}
					}
				case "RequestID", "RequestId":
					info.RequestID = d.String()
				default:
					d.Skip()
				}
			}
		case "Error":
			errorFields(&d, &info)
		default:
			d.Skip()
		}
		d.End()
		err = d.Err()
	}
	if info.RequestID == "" {
		info.RequestID = header.Get("X-Amzn-Requestid")
	}
	if info.RequestID == "" {
		info.RequestID = header.Get("X-Amz-Request-Id")
	}
	if info.HostID == "" {
		info.HostID = header.Get("X-Amz-Id-2")
	}
	return info, err
}

// errorFields reads the members of an <Error> element; restXml's unwrapped
// form keeps RequestId (and S3's HostId) inside it.
func errorFields(d *Decoder, info *ErrorInfo) {
	for d.Next() {
		switch string(d.Name()) {
		case "Code":
			info.Code = d.String()
		case "Message", "message":
			info.Message = d.String()
		case "Type":
			info.Type = d.String()
		case "RequestId", "RequestID":
			info.RequestID = d.String()
		case "HostId":
			info.HostID = d.String()
		default:
			d.Skip()
		}
	}
}
