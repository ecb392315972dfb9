package awsxml

// QueryResponse walks an awsQuery response,
//
//	<OpResponse><OpResult>…</OpResult><ResponseMetadata><RequestId/></ResponseMetadata></OpResponse>
//
// calling result with the decoder just inside <OpResult> (the generated
// output deserializer, which loops on Next until the element ends) and
// returning the request id. An operation without output has no result
// element, and result is not called. The root element must be
// op+"Response"; anything else is reported as a type error naming both.
func (d *Decoder) QueryResponse(op string, result func(*Decoder)) (requestID string) {
	if !d.enterRoot(op + "Response") {
		return ""
	}
	for d.Next() {
		name := d.Name()
		switch {
		case len(name) == len(op)+len("Result") && string(name[:len(op)]) == op && string(name[len(op):]) == "Result":
			result(d)
		case string(name) == "ResponseMetadata":
			for d.Next() {
				if string(d.Name()) == "RequestId" {
					requestID = d.String()
				} else {
					d.Skip()
				}
			}
		default:
			d.Skip()
		}
	}
	d.End()
	return requestID
}

// EC2Response walks an ec2Query response, <OpResponse> whose children are
// the output's members plus <requestId>. member is called for each child
// but the request id, positioned right after the child's start tag (Name
// tells which member it is) and must consume the child, Skip included.
func (d *Decoder) EC2Response(op string, member func(*Decoder)) (requestID string) {
	if !d.enterRoot(op + "Response") {
		return ""
	}
	for d.Next() {
		if string(d.Name()) == "requestId" {
			requestID = d.String()
			continue
		}
		member(d)
	}
	d.End()
	return requestID
}

func (d *Decoder) enterRoot(want string) bool {
	if !d.Next() {
		if d.err == nil {
			d.fail(ErrEOF, "no root element")
		}
		return false
	}
	if got := d.QName(); string(d.Name()) != want {
		d.fail(ErrType, "expected root element <%.64s>, found <%.64s>", want, got)
		return false
	}
	return true
}

// EnterError moves d inside the <Error> element of an error response in any
// of the three envelopes DecodeErrorInfo reads, so that a modeled error's
// members are the children Next returns; false when the body has none.
func (d *Decoder) EnterError() bool {
	if !d.Next() {
		return false
	}
	switch string(d.Name()) {
	case "ErrorResponse":
	case "Response":
		for d.Next() {
			if string(d.Name()) == "Errors" {
				break
			}
			d.Skip()
		}
		if d.err != nil || d.Depth() != 2 {
			return false
		}
	case "Error":
		return true
	default:
		return false
	}
	for d.Next() {
		if string(d.Name()) == "Error" {
			return true
		}
		d.Skip()
	}
	return false
}
