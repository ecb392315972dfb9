package awsjson

// Fail records the first error of a serializer (a document that cannot be
// marshalled); Err reports it after serialization.
func (e *Encoder) Fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Err returns the error recorded by Fail, if any.
func (e *Encoder) Err() error { return e.err }

// Raw returns a copy of the next value's JSON text and skips it; unknown
// union members keep their payload this way.
func (d *Decoder) Raw() []byte {
	if d.err != nil {
		return nil
	}
	if _, ok := d.peek(); !ok {
		return nil
	}
	start := d.pos
	d.Skip()
	if d.err != nil {
		return nil
	}
	return append([]byte(nil), d.data[start:d.pos]...)
}

// RawJSON writes b, which must be one complete JSON value, as the next value.
func (e *Encoder) RawJSON(b []byte) {
	e.sep()
	e.buf = append(e.buf, b...)
}

// RawJSONString is RawJSON for a constant, such as a member's default.
func (e *Encoder) RawJSONString(s string) {
	e.sep()
	e.buf = append(e.buf, s...)
}
